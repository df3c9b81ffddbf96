package org.flowlab.flink;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.flowlab.flink.translate.JobTranslator;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.StreamEngine;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;

/**
 * A by-hand measurement, not a test: wall-clock records per second of Nexmark jobs on about a
 * million events with parallelism 2 — through Flowlab's stream engine, and through Flink in
 * STREAMING mode on a local cluster started once (so Flink's start-up is not counted; one warm-up
 * run first, results collected over REST into a result table), then once in BATCH mode, once on a
 * fresh in-JVM MiniCluster (start-up counted), and with the outputs discarded inside Flink (what
 * Flink itself costs, without collecting). Every collected result is checked against the oracle.
 * Run it with {@code java -cp <test class path> org.flowlab.flink.FlinkThroughput [events] [jobs...]}.
 */
public final class FlinkThroughput {

    private FlinkThroughput() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String[] jobs = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[] {"q0", "q5"};
        double rate = 10_000;
        WorkloadSpec spec = WorkloadSpec.defaults("nexmark")
                .withRate(rate).withDuration(Math.round(events / rate * DurationText.NANOS_PER_SECOND));
        Trace trace = WorkloadGenerator.generate(spec, 42);
        System.out.printf("nexmark trace: %d events, disorder %s%n", trace.size(), DurationText.format(trace.disorder()));
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start(2)) {
            FlinkRunner runner = new FlinkRunner(cluster, 2);
            for (String name : jobs) {
                CatalogJob job = JobCatalog.get("nexmark", name);
                JobRecipe recipe = JobRecipe.catalog(job, trace.schema());
                long t0 = System.nanoTime();
                ResultTable expected = ReferenceOracle.run(job.build(trace), trace);
                long oracle = System.nanoTime() - t0;
                System.out.printf("%s oracle: %d outputs in %d ms%n", name, expected.size(), oracle / 1_000_000);
                StreamConfig config = StreamConfig.defaults().withParallelism(2).withSourcePartitions(2)
                        .withWatermarkDelay(Math.max(1, trace.disorder())).withCheckpointing(false);
                for (int i = 0; i < 3; i++) {
                    long s0 = System.nanoTime();
                    RunOutcome outcome = StreamEngine.run(job.build(trace), trace, config);
                    long wall = System.nanoTime() - s0;
                    System.out.printf("%s Flowlab stream engine p2 run %d: %d outputs, equal to oracle %b, wall %d ms = %.0f records/s%n",
                            name, i + 1, outcome.results().size(), outcome.results().equals(expected), wall / 1_000_000,
                            trace.size() * 1e9 / wall);
                }
                runner.run(recipe, trace, FlinkMode.STREAMING);
                for (int i = 0; i < 3; i++) {
                    FlinkRun run = runner.run(recipe, trace, FlinkMode.STREAMING);
                    System.out.printf("%s flink-streaming p2 run %d: %d outputs, equal to oracle %b, wall %d ms = %.0f records/s;"
                                    + " Flink net runtime %d ms = %.0f records/s%n",
                            name, i + 1, run.results().size(), run.results().equals(expected), run.wallClockNanos() / 1_000_000,
                            run.recordsPerSecond(), run.flinkRuntimeMillis(), trace.size() * 1000.0 / run.flinkRuntimeMillis());
                }
                FlinkRun batch = runner.run(recipe, trace, FlinkMode.BATCH);
                System.out.printf("%s flink-batch p2: %d outputs, equal to oracle %b, wall %d ms = %.0f records/s%n",
                        name, batch.results().size(), batch.results().equals(expected), batch.wallClockNanos() / 1_000_000,
                        batch.recordsPerSecond());
                FlinkRun fresh = new FlinkRunner(FlinkTarget.inJvm(), 2).run(recipe, trace, FlinkMode.STREAMING);
                System.out.printf("%s flink-streaming p2 on a fresh in-JVM MiniCluster (start-up included): wall %d ms = %.0f records/s%n",
                        name, fresh.wallClockNanos() / 1_000_000, fresh.recordsPerSecond());
                for (int i = 0; i < 2; i++) {
                    long ms = discarding(cluster, recipe, trace);
                    System.out.printf("%s flink-streaming p2, outputs discarded in Flink, run %d: Flink net runtime %d ms = %.0f records/s%n",
                            name, i + 1, ms, trace.size() * 1000.0 / ms);
                }
            }
        }
    }

    /** The same program with its outputs dropped by a discarding sink inside Flink: no collecting, no result table. */
    private static long discarding(LocalFlinkCluster cluster, JobRecipe recipe, Trace trace) {
        StreamExecutionEnvironment env = cluster.environment(2);
        env.getConfig().enableObjectReuse();
        env.getConfig().setAutoWatermarkInterval(0);
        JobTranslator.translate(env, recipe, recipe.build(), trace, trace.disorder()).sinkTo(new DiscardingSink<>());
        try {
            return env.execute("discarding").getNetRuntime();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
