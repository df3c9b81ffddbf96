package org.flowlab.bench;

import java.util.concurrent.TimeUnit;
import org.flowlab.sim.kernel.EventQueue;
import org.flowlab.sim.kernel.SimAction;
import org.flowlab.sim.kernel.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The event kernel in the classic hold model: the queue holds {@code pending} entries; each
 * operation takes the first and schedules one more a random delay later, so the size stays put
 * and every operation is one event. {@code queueHold} drives {@link EventQueue} directly,
 * {@code simulationHold} a {@link Simulation} whose actions reschedule themselves (dispatch and
 * clock included). Delays are exponential with mean {@code pending}, drawn in advance from a
 * fixed-seed generator so the loop measures the queue, not the generator.
 */
@State(Scope.Thread)
@Warmup(iterations = JmhSettings.DEFAULT_WARMUP_ITERATIONS)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventQueueBenchmark {

    private static final int DELAYS = 1 << 16;

    @Param({"1000", "100000", "1000000"})
    public int pending;

    private long[] delays;
    private int next;
    private EventQueue<Object> queue;
    private Simulation simulation;
    private final Object payload = new Object();

    @Setup
    public void setUp() {
        delays = new long[DELAYS];
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < DELAYS; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            double u = ((state >>> 11) + 1) * 0x1.0p-53;
            delays[i] = 1 + (long) (-Math.log(u) * pending);
        }
        queue = new EventQueue<>(pending + 1);
        simulation = new Simulation(BenchTraces.SEED);
        SimAction hold = new SimAction() {
            @Override
            public void run(Simulation sim) {
                sim.scheduleAfter(nextDelay(), this);
            }
        };
        for (int i = 0; i < pending; i++) {
            long at = nextDelay();
            queue.add(at, payload);
            simulation.schedule(at, hold);
        }
    }

    private long nextDelay() {
        long d = delays[next];
        next = (next + 1) & (DELAYS - 1);
        return d;
    }

    /** One event: poll the first entry, add one at its time plus a delay. */
    @Benchmark
    public void queueHold(Blackhole bh) {
        long t = queue.peekTime();
        Object p = queue.poll();
        bh.consume(queue.add(t + nextDelay(), p));
    }

    /** One event through the simulation loop: the action runs and reschedules itself. */
    @Benchmark
    public boolean simulationHold() {
        return simulation.step();
    }
}
