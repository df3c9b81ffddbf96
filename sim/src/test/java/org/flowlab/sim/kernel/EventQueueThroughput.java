package org.flowlab.sim.kernel;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.flowlab.workloads.random.RandomStreams;

/**
 * A by-hand measurement of the kernel's speed in the classic hold model: keep N events pending,
 * then repeatedly take the first one and schedule one at its time plus a random delay. Not a test
 * (surefire skips it by name) and not a benchmark harness: JMH arrives later and replaces it. It
 * prints events per second for the bare {@link EventQueue} and for a whole {@link Simulation}
 * (an action that reschedules itself), once dropping the returned handles and once keeping them.
 *
 * <p>Delays are drawn up front into an array, so the random generator's cost is not measured.
 * Each configuration runs {@code ROUNDS} rounds of {@code OPS} hold operations; the first
 * {@code WARMUP} rounds let the JIT compile the loop and are not counted; the median of the rest
 * is reported. Run it from the worktree root after {@code ./mvnw -q -B -ntp -pl sim -am test-compile}:
 * <pre>
 * java -cp sim/target/classes:sim/target/test-classes:workloads/target/classes:\
 *   $HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar \
 *   org.flowlab.sim.kernel.EventQueueThroughput [pending]
 * </pre>
 */
final class EventQueueThroughput {
    private static final int OPS = 10_000_000;
    private static final int WARMUP = 3;
    private static final int ROUNDS = 8;
    private static final int DELAYS = 1 << 20;
    private static final double MEAN_DELAY_NS = 1_000_000; // 1 ms

    private EventQueueThroughput() {}

    public static void main(String[] args) {
        int pending = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        RandomStreams streams = new RandomStreams(20_260_101L);
        long[] exponential = draw(new ExponentialDistribution(streams.stream("exponential"), MEAN_DELAY_NS));
        long[] uniform = draw(new UniformRealDistribution(streams.stream("uniform"), 0, 2 * MEAN_DELAY_NS));
        System.out.printf("hold model, %,d pending, %,d operations per round, median of %d rounds after %d warm-up%n",
                pending, OPS, ROUNDS - WARMUP, WARMUP);
        report("EventQueue, exponential delays", () -> queueRound(pending, exponential));
        report("EventQueue, uniform delays    ", () -> queueRound(pending, uniform));
        report("Simulation, exponential delays", () -> simulationRound(pending, exponential, false));
        report("Simulation, uniform delays    ", () -> simulationRound(pending, uniform, false));
        report("Simulation, handles kept      ", () -> simulationRound(pending, exponential, true));
    }

    private interface Round {
        /** Runs one round and returns its duration in nanoseconds. */
        long run();
    }

    private static void report(String label, Round round) {
        double[] rates = new double[ROUNDS - WARMUP];
        for (int r = 0; r < ROUNDS; r++) {
            long nanos = round.run();
            if (r >= WARMUP) {
                rates[r - WARMUP] = OPS / (nanos / 1e9);
            }
        }
        Arrays.sort(rates);
        System.out.printf("%s: median %,.0f events/s (min %,.0f, max %,.0f)%n",
                label, rates[rates.length / 2], rates[0], rates[rates.length - 1]);
    }

    private static long[] draw(RealDistribution distribution) {
        long[] delays = new long[DELAYS];
        for (int i = 0; i < DELAYS; i++) {
            delays[i] = (long) distribution.sample();
        }
        return delays;
    }

    private static long queueRound(int pending, long[] delays) {
        EventQueue<Object> queue = new EventQueue<>(pending);
        Object payload = new Object();
        int d = 0;
        for (int i = 0; i < pending; i++) {
            queue.add(delays[d++ & (DELAYS - 1)], payload);
        }
        long start = System.nanoTime();
        for (int i = 0; i < OPS; i++) {
            long now = queue.peekTime();
            Object p = queue.poll();
            queue.add(now + delays[d++ & (DELAYS - 1)], p);
        }
        long nanos = System.nanoTime() - start;
        if (queue.size() != pending) {
            throw new AssertionError("queue size drifted to " + queue.size());
        }
        return nanos;
    }

    /**
     * One action instance for all events: it reschedules itself, and stops the run after OPS
     * events. With {@code keepHandles} it stores every handle, as an engine re-arming a timer would,
     * so the handle cannot be optimised away.
     */
    private static final class Hold implements SimAction {
        private final long[] delays;
        private final boolean keepHandles;
        private final ScheduledAction[] kept = new ScheduledAction[1024];
        private int next;
        private int remaining = OPS;

        Hold(long[] delays, boolean keepHandles) {
            this.delays = delays;
            this.keepHandles = keepHandles;
        }

        @Override
        public void run(Simulation sim) {
            ScheduledAction handle = sim.scheduleAfter(delays[next++ & (DELAYS - 1)], this);
            if (keepHandles) {
                kept[next & (kept.length - 1)] = handle;
            }
            if (--remaining == 0) {
                sim.stop();
            }
        }
    }

    private static long simulationRound(int pending, long[] delays, boolean keepHandles) {
        Simulation sim = new Simulation(1);
        Hold hold = new Hold(delays, keepHandles);
        for (int i = 0; i < pending; i++) {
            sim.schedule(delays[hold.next++ & (DELAYS - 1)], hold);
        }
        long start = System.nanoTime();
        sim.run();
        long nanos = System.nanoTime() - start;
        if (sim.executedEvents() != OPS || sim.pending() != pending) {
            throw new AssertionError("ran " + sim.executedEvents() + " with " + sim.pending() + " pending");
        }
        return nanos;
    }
}
