package org.flowlab.torture;

import java.util.EnumMap;
import java.util.Map;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.metrics.FaultTally;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.Trace;

/**
 * How many faults of each kind really fired in one engine's run, not merely planned: a crash or a
 * task failure that found no work to hit does not count. Crashes, crashes during a checkpoint (or a
 * batch commit) and task failures are the engine's own {@link FaultTally}; the engines keep no
 * tally of slow periods and stalls, so they are counted here from the run's outcome and the trace:
 * <ul>
 *   <li>a slow period fired if the engine read input during it (its throughput timeline shows
 *       records processed in a bucket the period overlaps) — its tasks were working then;</li>
 *   <li>a stall fired if a record arrived during it before the engine's run ended — that record
 *       was held back until the stall's end.</li>
 * </ul>
 */
final class FiredFaults {

    private FiredFaults() {
    }

    /** The faults of {@code plan} that fired in {@code outcome}'s run over {@code trace}, by kind. */
    static Map<FaultKind, Integer> of(FaultPlan plan, Trace trace, RunOutcome outcome) {
        FaultTally tally = outcome.metrics().faults();
        Map<FaultKind, Integer> fired = new EnumMap<>(FaultKind.class);
        fired.put(FaultKind.CRASH, tally.workerCrashes());
        fired.put(FaultKind.CRASH_DURING_CHECKPOINT, tally.crashesDuringCheckpoint());
        fired.put(FaultKind.TASK_FAILURE, tally.taskFailures());
        long end = outcome.metrics().endTime();
        ThroughputTimeline throughput = outcome.metrics().throughput();
        int slow = 0;
        for (SlowWorker s : plan.slowdowns()) {
            if (s.from() < end && readDuring(throughput, s.from(), s.to())) {
                slow++;
            }
        }
        fired.put(FaultKind.SLOW, slow);
        int stalls = 0;
        for (SourceStall s : plan.stalls()) {
            if (s.from() < end && arrivesDuring(trace, s.from(), s.to())) {
                stalls++;
            }
        }
        fired.put(FaultKind.STALL, stalls);
        return fired;
    }

    /** Whether a bucket of {@code t} that overlaps {@code [from, to)} has records processed. */
    static boolean readDuring(ThroughputTimeline t, long from, long to) {
        long[] processed = t.processed();
        long first = from / t.bucket();
        long last = Math.min(processed.length - 1, (to - 1) / t.bucket());
        for (long b = first; b <= last; b++) {
            if (processed[(int) b] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a record of {@code trace} (sorted by arrival) arrives in {@code [from, to)}. */
    static boolean arrivesDuring(Trace trace, long from, long to) {
        int lo = 0;
        int hi = trace.size();
        while (lo < hi) { // the first record arriving at or after from
            int mid = (lo + hi) >>> 1;
            if (trace.arrivalTime(mid) < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < trace.size() && trace.arrivalTime(lo) < to;
    }
}
