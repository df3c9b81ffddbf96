package org.flowlab.bench;

import java.util.concurrent.TimeUnit;
import org.flowlab.sim.batch.BatchConfig;
import org.flowlab.sim.batch.BatchEngine;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Simulation speed of the batch engine per catalog job: one whole run (default batch config) over
 * the first {@value StreamEngineBenchmark#RECORDS} events of the job's scenario, so the score is
 * wall-clock nanoseconds per simulated record. {@link BatchGroupByBenchmark} has the group-by.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BatchEngineBenchmark {

    @Param({"nexmark/q0", "nexmark/q1", "nexmark/q2", "nexmark/q3", "nexmark/q4", "nexmark/q5", "nexmark/q7",
            "nexmark/q8", "nexmark/q11", "card-fraud/fraud-alerts", "stock-ticks/vwap-1s",
            "infra-monitoring/cpu-alerts", "retail-etl/revenue-per-store-product-day", "bank-eod/eod-balance",
            "crm-warehouse/interactions-per-segment-week"})
    public String job;

    private Trace trace;
    private Job built;
    private BatchConfig config;

    @Setup
    public void setUp() {
        var catalogJob = StreamEngineBenchmark.catalogJob(job);
        trace = BenchTraces.firstEvents(catalogJob.scenario(), StreamEngineBenchmark.RECORDS);
        built = catalogJob.build(trace);
        config = BatchConfig.defaults();
    }

    @Benchmark
    @OperationsPerInvocation(StreamEngineBenchmark.RECORDS)
    public RunOutcome run() {
        return BatchEngine.run(built, trace, config);
    }
}
