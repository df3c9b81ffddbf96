package org.flowlab.bench;

import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.StreamEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulation speed of the stream engine per catalog job: one whole run (default stream config:
 * its cluster, checkpoints and exactly-once sink) over the first {@value CatalogJobBenchmark#RECORDS}
 * events of the job's scenario, so the score is wall-clock nanoseconds per simulated record.
 *
 * <p>It warms up {@value #WARMUP_ITERATIONS} iterations, not the suite's default: the JIT settles
 * the stream engine's code only after some ten seconds of runs on two cores, recompiling it a few
 * times on the way (bank-eod, 1 s iterations: ~3,400 ns a record through the twelfth, ~1,650 from
 * the fourteenth on), so three iterations measured code still being compiled.
 */
@Warmup(iterations = StreamEngineBenchmark.WARMUP_ITERATIONS)
public class StreamEngineBenchmark extends CatalogJobBenchmark {

    /** Warm-up iterations unless {@code flowlab bench --warmup-iterations} says otherwise. */
    public static final int WARMUP_ITERATIONS = 20;

    private final StreamConfig config = StreamConfig.defaults();

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public RunOutcome run() {
        return StreamEngine.run(built, trace, config);
    }
}
