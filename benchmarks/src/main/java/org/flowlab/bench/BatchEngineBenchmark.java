package org.flowlab.bench;

import org.flowlab.sim.batch.BatchConfig;
import org.flowlab.sim.batch.BatchEngine;
import org.flowlab.sim.batch.MicroBatchConfig;
import org.flowlab.sim.batch.MicroBatchEngine;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.RunOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Simulation speed of the batch engines per catalog job: one whole run of the {@code engine} —
 * {@code batch} or {@code micro-batch}, each with its default config — over the first
 * {@value CatalogJobBenchmark#RECORDS} events of the job's scenario, so the score is wall-clock
 * nanoseconds per simulated record. One engine alone: {@code --param engine=micro-batch}.
 * {@link BatchGroupByBenchmark} has the group-by.
 */
public class BatchEngineBenchmark extends CatalogJobBenchmark {

    @Param({"batch", "micro-batch"})
    public String engine;

    private Engine runner;

    @Setup
    public void setUpEngine() {
        runner = switch (engine) {
            case "batch" -> new BatchEngine(BatchConfig.defaults());
            case "micro-batch" -> new MicroBatchEngine(MicroBatchConfig.defaults());
            default -> throw new IllegalArgumentException("engine must be batch or micro-batch (got " + engine + ")");
        };
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public RunOutcome run() {
        return runner.run(built, trace);
    }
}
