package org.flowlab.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowlab.sim.job.ResultTable;

/**
 * A comparison of Flowlab's engines with the same job run on Apache Flink over the same trace.
 *
 * @param flowlab           Flowlab's engines, the oracle, their agreement and the recommendation
 * @param flink             one run per Flink runtime mode asked for, in the order asked
 * @param target            where Flink ran, for people
 * @param clusterStartNanos wall-clock time to start the local Flink cluster the runs shared (0 on a remote cluster)
 * @param flinkNanos        wall-clock time of the whole Flink part: the cluster, every run and its checks
 * @param repeats           how many times each engine ran over the trace; {@code flowlab} and {@code flink} hold
 *                          each one's fastest run
 * @param jvmPerEngine      whether each engine's runs went in a JVM of its own ({@link FlinkComparison.JvmPerEngine})
 * @param warmupNanos       how long each engine ran untimed there before its timed runs (0: none)
 * @param warmupRuns        per engine id, how many untimed runs that took (empty without a JVM per engine)
 * @param wallNanosEveryRun per engine id, the wall-clock time of each of its runs, in the order they ran
 */
public record FlinkComparisonResult(ComparisonResult flowlab, List<FlinkEngineRun> flink, String target,
                                    long clusterStartNanos, long flinkNanos, int repeats, boolean jvmPerEngine,
                                    long warmupNanos, Map<String, Integer> warmupRuns,
                                    Map<String, List<Long>> wallNanosEveryRun) {

    public FlinkComparisonResult {
        Objects.requireNonNull(flowlab, "flowlab");
        flink = List.copyOf(flink);
        Objects.requireNonNull(target, "target");
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        warmupRuns = Collections.unmodifiableMap(new LinkedHashMap<>(warmupRuns));
        Map<String, List<Long>> copy = new LinkedHashMap<>();
        wallNanosEveryRun.forEach((engine, nanos) -> copy.put(engine, List.copyOf(nanos)));
        wallNanosEveryRun = Collections.unmodifiableMap(copy);
    }

    /** A comparison of Flowlab's engines alone, each run once: no Flink runs beside it. */
    public static FlinkComparisonResult withoutFlink(ComparisonResult flowlab) {
        Map<String, List<Long>> once = new LinkedHashMap<>();
        for (EngineRun r : flowlab.runs()) {
            once.put(r.paradigm().id(), List.of(r.wallNanos()));
        }
        return new FlinkComparisonResult(flowlab, List.of(), "", 0, 0, 1, false, 0, Map.of(), once);
    }

    /** Whether every engine, Flowlab's and Flink's, equals the reference oracle. */
    public boolean resultsAgree() {
        return flowlab.agreement().resultsAgree() && flink.stream().allMatch(FlinkEngineRun::agrees);
    }

    /** Every engine's final table by id: Flowlab's engines, then Flink's. */
    public Map<String, ResultTable> tables() {
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        for (EngineRun r : flowlab.runs()) {
            tables.put(r.paradigm().id(), r.outcome().results());
        }
        for (FlinkEngineRun f : flink) {
            tables.put(f.engine(), f.run().results());
        }
        return tables;
    }

    /**
     * Which engines computed the same results as which ({@link SameResults}); an engine whose job
     * failed for good is left out, since its table is only what was visible when it failed.
     */
    public Map<String, Map<String, Boolean>> sameResults() {
        Map<String, ResultTable> tables = tables();
        Map<String, Boolean> equalsOracle = new LinkedHashMap<>();
        for (EngineRun r : flowlab.runs()) {
            if (r.outcome().failed()) {
                tables.remove(r.paradigm().id());
            } else {
                equalsOracle.put(r.paradigm().id(), flowlab.agreement().of(r.paradigm()).agrees());
            }
        }
        for (FlinkEngineRun f : flink) {
            equalsOracle.put(f.engine(), f.agrees());
        }
        return SameResults.of(tables, equalsOracle);
    }

    /** Records of the trace per second of wall clock, by engine id (Flowlab's, then Flink's). */
    public Map<String, Double> recordsPerSecond() {
        Map<String, Double> rates = new LinkedHashMap<>();
        long records = flowlab.trace().size();
        for (EngineRun r : flowlab.runs()) {
            rates.put(r.paradigm().id(), r.wallNanos() == 0 ? 0 : records * 1e9 / r.wallNanos());
        }
        for (FlinkEngineRun f : flink) {
            rates.put(f.engine(), f.run().recordsPerSecond());
        }
        return rates;
    }
}
