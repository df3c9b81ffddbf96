package org.flowlab.sim.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.sim.kernel.Simulation;
import org.flowlab.workloads.random.RandomStreams;

/**
 * When each worker's task failures happen: the plan's {@link TaskFailure}s, and for its
 * {@link RandomTaskFailures} a Poisson process per worker (their rates added), drawn from the run
 * seed and the worker's number only. Engines ask for the next failure of a worker from a time on;
 * the random times are drawn as far as asked and kept, so the answers do not depend on who asks, in
 * what order: every engine of a comparison sees the same failures.
 */
public final class TaskFailureTimes {

    private final long[][] fixed;
    private final double meanGapNanos;
    private final RandomGenerator[] draws;
    private final long[][] drawn;
    private final int[] drawnCount;

    private TaskFailureTimes(FaultPlan plan, int workers, long seed) {
        List<List<Long>> perWorker = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            perWorker.add(new ArrayList<>());
        }
        double rate = 0;
        for (Fault f : plan.faults()) {
            if (f instanceof TaskFailure t && t.worker() < workers) {
                perWorker.get(t.worker()).add(t.at());
            } else if (f instanceof RandomTaskFailures r) {
                rate += 1.0 / r.mtbf();
            }
        }
        fixed = new long[workers][];
        for (int w = 0; w < workers; w++) {
            fixed[w] = perWorker.get(w).stream().mapToLong(Long::longValue).sorted().toArray();
        }
        meanGapNanos = rate == 0 ? 0 : 1.0 / rate;
        draws = new RandomGenerator[workers];
        drawn = new long[workers][];
        drawnCount = new int[workers];
        if (rate > 0) {
            RandomStreams streams = new RandomStreams(seed).child("task-failures");
            for (int w = 0; w < workers; w++) {
                draws[w] = streams.stream("worker-" + w);
                drawn[w] = new long[8];
            }
        }
    }

    /** The failure times of {@code plan} on a cluster of {@code workers} workers, for the run seed {@code seed}. */
    public static TaskFailureTimes of(FaultPlan plan, int workers, long seed) {
        return new TaskFailureTimes(plan, workers, seed);
    }

    /** Whether the plan has no task failures at all. */
    public boolean isEmpty() {
        if (meanGapNanos > 0) {
            return false;
        }
        for (long[] f : fixed) {
            if (f.length > 0) {
                return false;
            }
        }
        return true;
    }

    /** How many workers the times are for. */
    public int workers() {
        return fixed.length;
    }

    /** The first failure of {@code worker} at or after {@code t}, or {@link Long#MAX_VALUE} if none. */
    public long nextAtOrAfter(int worker, long t) {
        long next = Long.MAX_VALUE;
        long[] f = fixed[worker];
        int i = Arrays.binarySearch(f, t);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && f[i - 1] == t) {
                i--;
            }
        }
        if (i < f.length) {
            next = f[i];
        }
        if (meanGapNanos > 0) {
            next = Math.min(next, nextDrawn(worker, t));
        }
        return next;
    }

    /**
     * Schedules every worker's failures from {@code from} on in {@code sim}, one pending event per
     * worker at a time: at each, {@code onFailure} is told the worker, and says whether to go on (an
     * engine whose job is over answers false, which ends that worker's events).
     *
     * @return how many of these events are pending, at any time (an engine that looks for work left
     *         in the simulation leaves them out)
     */
    public IntSupplier scheduleIn(Simulation sim, long from, IntPredicate onFailure) {
        int[] pending = {0};
        for (int w = 0; w < workers(); w++) {
            scheduleNext(sim, w, from, onFailure, pending);
        }
        return () -> pending[0];
    }

    private void scheduleNext(Simulation sim, int worker, long from, IntPredicate onFailure, int[] pending) {
        long at = nextAtOrAfter(worker, from);
        if (at == Long.MAX_VALUE) {
            return;
        }
        pending[0]++;
        sim.schedule(at, s -> {
            pending[0]--;
            if (onFailure.test(worker)) {
                scheduleNext(s, worker, s.now() + 1, onFailure, pending);
            }
        });
    }

    /** Whether any worker fails in {@code [from, to]}. */
    public boolean anyBetween(long from, long to) {
        for (int w = 0; w < fixed.length; w++) {
            if (nextAtOrAfter(w, from) <= to) {
                return true;
            }
        }
        return false;
    }

    private long nextDrawn(int worker, long t) {
        long[] times = drawn[worker];
        int n = drawnCount[worker];
        while (n == 0 || times[n - 1] < t) {
            long previous = n == 0 ? 0 : times[n - 1];
            // Exponential gaps; StrictMath so that every JVM draws the same times.
            double gap = -meanGapNanos * StrictMath.log(1 - draws[worker].nextDouble());
            long next = gap >= Long.MAX_VALUE - previous ? Long.MAX_VALUE : previous + Math.max(1, (long) gap);
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                drawn[worker] = times;
            }
            times[n++] = next;
            drawnCount[worker] = n;
            if (next == Long.MAX_VALUE) {
                break;
            }
        }
        int i = Arrays.binarySearch(times, 0, n, t);
        if (i < 0) {
            i = -i - 1;
        }
        return i < n ? times[i] : Long.MAX_VALUE;
    }
}
