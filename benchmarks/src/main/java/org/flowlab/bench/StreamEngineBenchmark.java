package org.flowlab.bench;

import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.StreamEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Simulation speed of the stream engine per catalog job: one whole run (default stream config:
 * its cluster, checkpoints and exactly-once sink) over the first {@value CatalogJobBenchmark#RECORDS}
 * events of the job's scenario, so the score is wall-clock nanoseconds per simulated record.
 */
public class StreamEngineBenchmark extends CatalogJobBenchmark {

    private final StreamConfig config = StreamConfig.defaults();

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public RunOutcome run() {
        return StreamEngine.run(built, trace, config);
    }
}
