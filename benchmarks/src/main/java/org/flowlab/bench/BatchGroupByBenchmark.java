package org.flowlab.bench;

import java.util.concurrent.TimeUnit;
import org.flowlab.sim.batch.BatchConfig;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.batch.BatchEngine;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch engine's group-by over 10 000 keys: one whole run (default batch config) of a sum of
 * value per {@code key mod 10 000} in the global window over the same {@value OperatorBenchmark#RECORDS}
 * Nexmark events as {@link HandWrittenLoopBenchmark#groupBy10kKeys}, its physical limit. The score is
 * wall-clock nanoseconds per record; the run includes the engine's simulated scheduling, tasks and
 * shuffle, and the exact sums of {@link Aggregates#sum()}. It runs in the {@code updates} output mode,
 * the batch engine's only mode when the target was set: a run upserts every group it touches, so
 * each record is visible at the commit without a lineage kept per group (the {@code final} mode
 * keeps one, to mark its records when the group is emitted).
 */
@State(Scope.Thread)
@Warmup(iterations = JmhSettings.DEFAULT_WARMUP_ITERATIONS)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BatchGroupByBenchmark {

    private Trace trace;
    private Job job;
    private BatchConfig config;

    @Setup
    public void setUp() {
        trace = BenchTraces.firstEvents("nexmark", OperatorBenchmark.RECORDS);
        job = Job.named("group-by-10k", "sum of value per key mod 10 000")
                .from(RowFilter.ALL)
                .keyBy(row -> Math.floorMod(row.key(), HandWrittenLoopBenchmark.GROUPS))
                .window(Windows.global())
                .aggregate(Aggregates.sum())
                .build();
        config = BatchConfig.defaults().withOutput(OutputMode.UPDATES);
    }

    @Benchmark
    @OperationsPerInvocation(OperatorBenchmark.RECORDS)
    public RunOutcome groupBy10kKeys() {
        return BatchEngine.run(job, trace, config);
    }
}
