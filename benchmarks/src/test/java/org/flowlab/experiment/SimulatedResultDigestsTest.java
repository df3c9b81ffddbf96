package org.flowlab.experiment;

import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import org.flowlab.sim.stream.Delivery;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.engine.LateJudgements;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.RandomTaskFailures;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.sim.metrics.StalenessTimeline;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.Test;

/**
 * Every simulated number of every catalog job, under every engine and every kind of fault, stays what it
 * was: the guard of refactorings that must change no figure. Each catalog job runs on a small trace of its
 * scenario through {@code compare}'s code path ({@link Comparison#run}) under five fault plans (none, a
 * worker crash, random task failures, a slow worker, a source stall), with final outputs and both stream
 * delivery guarantees, and with early updates under no fault and a crash: 240 comparisons, 520 engine runs.
 * Each engine run is reduced to a SHA-256 of everything it gives back — the result table, every metric,
 * each record's visibility and late judgement, the timelines, the status — written canonically (doubles by
 * their bits, records component by component), and compared with {@code simulated-results.sha256}, recorded
 * before the engine registry was introduced.
 *
 * <p>A change meant to alter simulated numbers records the file anew, and its commit says why:
 * {@code ./mvnw -B -ntp -o test -pl benchmarks -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=SimulatedResultDigestsTest -Dflowlab.digests.write=$PWD/benchmarks/src/test/resources/org/flowlab/experiment/simulated-results.sha256}.
 */
class SimulatedResultDigestsTest {
    private static final String DIGESTS = "simulated-results.sha256";
    private static final long S = DurationText.NANOS_PER_SECOND;
    private static final long M = DurationText.NANOS_PER_MINUTE;
    private static final long H = DurationText.NANOS_PER_HOUR;

    /** A scenario's small trace and the engine intervals that suit its time scale. */
    private record Size(long duration, double rate, long batch, long microbatch, long checkpoint) {
    }

    private static final Map<String, Size> SIZES = Map.of(
            "retail-etl", new Size(48 * H, 0.025, 6 * H, 10 * M, H),
            "bank-eod", new Size(48 * H, 0.025, 6 * H, 10 * M, H),
            "crm-warehouse", new Size(28 * 24 * H, 0.002, 48 * H, H, 6 * H),
            "card-fraud", new Size(H, 1, 10 * M, 10 * S, M),
            "stock-ticks", new Size(10 * S, 300, 2 * S, 200 * DurationText.NANOS_PER_MILLI, S),
            "infra-monitoring", new Size(H, 1, 10 * M, 10 * S, M),
            "nexmark", new Size(20 * S, 250, 5 * S, 500 * DurationText.NANOS_PER_MILLI, 2 * S));

    @Test
    void everyCatalogJobUnderEveryEngineAndFaultGivesTheRecordedResults() throws IOException {
        Map<String, String> actual = digests();
        String write = System.getProperty("flowlab.digests.write");
        if (write != null) {
            Files.writeString(Path.of(write), actual.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "\n")
                    .collect(Collectors.joining()), StandardCharsets.UTF_8);
        }
        Map<String, String> recorded = recorded();
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, String> e : recorded.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
                differing.add(e.getKey());
            }
        }
        assertThat(actual.keySet()).as("the runs").containsExactlyElementsOf(recorded.keySet());
        assertThat(differing).as("runs whose simulated results changed").isEmpty();
        assertThat(recorded).hasSize(520);
    }

    private static Map<String, String> recorded() throws IOException {
        Map<String, String> recorded = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(SimulatedResultDigestsTest.class.getResourceAsStream(DIGESTS), DIGESTS)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int space = line.lastIndexOf(' ');
                recorded.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return recorded;
    }

    /** Each engine run's name ({@code scenario/job variant faults engine}) and digest, in a fixed order. */
    private static Map<String, String> digests() {
        List<ComparisonPlan> plans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (CatalogJob job : JobCatalog.all()) {
            Size size = SIZES.get(job.scenario());
            EngineSettings base = EngineSettings.defaults().with(BatchEngineTypes.BATCH, b -> b.withInterval(size.batch()))
                    .with(BatchEngineTypes.MICROBATCH, b -> b.withInterval(size.microbatch())).with(StreamEngineType.STREAM, st -> st.withCheckpointInterval(size.checkpoint()));
            ComparisonPlan plan = ComparisonPlan.of(job.scenario()).withDuration(size.duration()).withRate(size.rate())
                    .withJob(JobChoice.named(job.name())).withSeed(15);
            Map<String, FaultPlan> faults = faultPlans(size.duration());
            for (Map.Entry<String, FaultPlan> f : faults.entrySet()) {
                add(plans, names, job, "final", f.getKey(), plan.withSettings(base).withFaults(f.getValue()));
                add(plans, names, job, "final-exactly-once", f.getKey(), plan.withSettings(base.with(StreamEngineType.STREAM, st -> st.withDelivery(Delivery.EXACTLY_ONCE)))
                        .withFaults(f.getValue()).withEngines(StreamEngineType.STREAM));
            }
            for (String f : List.of("none", "crash")) {
                add(plans, names, job, "updates", f, plan.withSettings(base.withOutput(OutputMode.UPDATES))
                        .withFaults(faults.get(f)));
            }
        }
        List<Map<String, String>> perPlan = java.util.stream.IntStream.range(0, plans.size()).parallel()
                .mapToObj(i -> digests(names.get(i), plans.get(i))).toList();
        Map<String, String> all = new LinkedHashMap<>();
        perPlan.forEach(all::putAll);
        return all;
    }

    private static void add(List<ComparisonPlan> plans, List<String> names, CatalogJob job, String variant, String faults,
                            ComparisonPlan plan) {
        plans.add(plan);
        names.add(job.qualifiedName() + " " + variant + " " + faults);
    }

    private static Map<String, String> digests(String name, ComparisonPlan plan) {
        ComparisonResult result = Comparison.run(plan, ComparisonProgress.NONE, 1);
        Map<String, String> out = new LinkedHashMap<>();
        for (EngineRun run : result.runs()) {
            out.put(name + " " + run.engine(), sha256(canonical(run.outcome())));
        }
        return out;
    }

    private static Map<String, FaultPlan> faultPlans(long duration) {
        Map<String, FaultPlan> plans = new LinkedHashMap<>();
        plans.put("none", FaultPlan.NONE);
        plans.put("crash", FaultPlan.of(new WorkerCrash(1, duration * 2 / 5, Math.max(S, duration / 50))));
        plans.put("task-failures", FaultPlan.of(new RandomTaskFailures(Math.max(S, duration / 4))));
        plans.put("slow-worker", FaultPlan.of(new SlowWorker(2, 4, duration / 5, duration * 3 / 5)));
        plans.put("source-stall", FaultPlan.of(new SourceStall(duration * 3 / 10, duration / 2)));
        return plans;
    }

    /** Everything an engine run gives back, as text that depends on nothing but the simulated values. */
    private static String canonical(RunOutcome o) {
        StringBuilder s = new StringBuilder();
        s.append("engine ").append(o.engine()).append('\n');
        s.append("status ").append(value(o.status())).append('\n');
        s.append("late ").append(o.lateRecords()).append(' ').append(o.lateRecordIds()).append('\n');
        s.append("duplicates ").append(o.duplicateOutputs()).append('\n');
        for (Output out : o.results().outputs()) {
            s.append("out ").append(value(out.at())).append(" = ").append(value(out.value())).append('\n');
        }
        RunMetrics m = o.metrics();
        s.append("metrics ").append(value(m)).append('\n');
        StalenessTimeline staleness = m.staleness();
        s.append("staleness ").append(staleness.step()).append(value(staleness.times())).append(value(staleness.stalenessNanos()))
                .append('\n');
        ThroughputTimeline throughput = m.throughput();
        s.append("throughput ").append(throughput.bucket()).append(value(throughput.processed()))
                .append(value(throughput.backlog())).append('\n');
        RecordVisibility visibility = o.visibility();
        s.append("visible ").append(value(visibility.toArray())).append('\n');
        s.append("final ").append(value(visibility.finalTimes())).append('\n');
        LateJudgements judgements = o.judgements();
        s.append("judged");
        for (int i = 0; i < judgements.size(); i++) {
            s.append(' ').append(judgements.isJudged(i) ? Long.toString(judgements.against(i)) : "-");
        }
        return s.append('\n').toString();
    }

    /** A value as text: records component by component, doubles by their bits, arrays and collections element by element. */
    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return "d" + Long.toHexString(Double.doubleToLongBits(d));
        }
        if (v instanceof Float f) {
            return "f" + Integer.toHexString(Float.floatToIntBits(f));
        }
        if (v.getClass().isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(v); i++) {
                s.append(i == 0 ? "" : ",").append(value(Array.get(v, i)));
            }
            return s.append(']').toString();
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(SimulatedResultDigestsTest::value).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof Record r) {
            StringBuilder s = new StringBuilder(r.getClass().getSimpleName()).append('(');
            RecordComponent[] components = r.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                try {
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    Object component = accessor.invoke(r);
                    if (r instanceof Row && components[i].getName().equals("payload") && component == null) {
                        continue; // Row's payload, added for SQL jobs: catalog jobs never set it, so their text is unchanged
                    }
                    s.append(i == 0 ? "" : ",").append(components[i].getName()).append('=')
                            .append(value(component));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return s.append(')').toString();
        }
        return v.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
