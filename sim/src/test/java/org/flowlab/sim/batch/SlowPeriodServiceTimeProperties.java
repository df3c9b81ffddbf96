package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.SlowWorker;
import org.junit.jupiter.api.Test;

/**
 * A batch task on a slow worker is slowed for the part of it that runs within a slow period, no
 * more and no less, as the stream engine charges each element by the factor at its time: the work a
 * task does by its end, each moment at the speed of that moment, is its cost.
 */
class SlowPeriodServiceTimeProperties {
    private static final long S = 1_000_000_000L;

    @Test
    void aPeriodSlowsOnlyThePartOfATaskWithinIt() {
        // A 10 s task from 0: slowed x2 from 5 s on, its last 5 s of work take 10 s.
        FaultPlan fromFive = FaultPlan.of(new SlowWorker(0, 2, 5 * S, 100 * S));
        assertThat(RunExecution.serviceTime(fromFive, 10 * S, 1, 0, 0)).isEqualTo(15 * S);
        // Slowed x4 for its first second only: that second does a quarter second's work.
        FaultPlan firstSecond = FaultPlan.of(new SlowWorker(0, 4, 0, S));
        assertThat(RunExecution.serviceTime(firstSecond, 10 * S, 1, 0, 0)).isEqualTo(10 * S + 750_000_000L);
        // Another worker's period, or one wholly before or after the task, changes nothing.
        assertThat(RunExecution.serviceTime(fromFive, 10 * S, 1, 1, 0)).isEqualTo(10 * S);
        assertThat(RunExecution.serviceTime(firstSecond, 10 * S, 1, 0, 2 * S)).isEqualTo(10 * S);
        // A period that covers the whole task slows all of it; the background load multiplies.
        assertThat(RunExecution.serviceTime(fromFive, 10 * S, 1.5, 0, 5 * S)).isEqualTo(30 * S);
    }

    @Property(tries = 300)
    void theWorkDoneByATasksEndIsItsCost(@ForAll @LongRange(min = 1, max = 20_000_000_000L) long cost,
                                          @ForAll @LongRange(min = 0, max = 30_000_000_000L) long start,
                                          @ForAll @DoubleRange(min = 1, max = 3) double load,
                                          @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 40) Integer> starts,
                                          @ForAll @Size(max = 4) List<@IntRange(min = 1, max = 20) Integer> lengths,
                                          @ForAll @Size(max = 4) List<@IntRange(min = 1, max = 9) Integer> factors) {
        List<Fault> periods = new ArrayList<>();
        int n = Math.min(starts.size(), Math.min(lengths.size(), factors.size()));
        for (int i = 0; i < n; i++) {
            long from = starts.get(i) * S;
            periods.add(new SlowWorker(0, factors.get(i), from, from + lengths.get(i) * S));
        }
        FaultPlan faults = FaultPlan.of(periods.toArray(new Fault[0]));
        long duration = RunExecution.serviceTime(faults, cost, load, 0, start);
        // Done by the end, within rounding to the nanosecond; not done two nanoseconds earlier (a
        // product in doubles, cost × load = 575,700.0000000001, may round up a nanosecond).
        assertThat(workDone(faults, load, start, start + duration)).isGreaterThanOrEqualTo(cost - 1e-3);
        assertThat(workDone(faults, load, start, start + duration - 2)).isLessThan((double) cost);
    }

    /** The work done on worker 0 from {@code from} to {@code to}: each stretch between changes at its speed. */
    private static double workDone(FaultPlan faults, double load, long from, long to) {
        double work = 0;
        long t = from;
        while (t < to) {
            long next = Math.min(to, faults.nextSlowChange(0, t));
            work += (next - t) / (load * faults.slowFactor(0, t));
            t = next;
        }
        return work;
    }
}
