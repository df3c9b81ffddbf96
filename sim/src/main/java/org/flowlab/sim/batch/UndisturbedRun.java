package org.flowlab.sim.batch;

import java.util.Arrays;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.TaskFailureTimes;
import org.flowlab.sim.fault.WorkerCrash;

/**
 * A run as it goes when no fault touches it: the list scheduling of its tasks, stage by stage, each
 * on the slot free first, at its cost times the background-load slowdown at its start (slots
 * differ only under faults, so which one a task lands on changes no time). It gives a run's ideal
 * duration, and computes in one pass a run that nothing can disturb, in place of the event-by-event
 * {@link RunExecution}.
 */
final class UndisturbedRun {
    private final long commitAt;
    private final long busySlotNanos;
    private final int taskAttempts;
    /** When each map task ends, by index, for the map stage's reads. */
    private final long[] mapEnds;

    private UndisturbedRun(RunPlan plan, int slotCount, BackgroundLoad load, long start) {
        long[] free = new long[slotCount];
        long[] ends = new long[plan.mapRecords().length];
        long busy = 0;
        int attempts = 0;
        long t = start + plan.startup();
        for (int stage = 0; stage < plan.stages().size(); stage++) {
            long[] costs = plan.stages().get(stage);
            Arrays.fill(free, t);
            long end = t;
            for (int i = 0; i < costs.length; i++) {
                int best = 0;
                for (int slot = 1; slot < slotCount; slot++) {
                    if (free[slot] < free[best]) {
                        best = slot;
                    }
                }
                long begin = free[best];
                // No fault can touch the run, so its worker does not matter.
                long duration = RunExecution.serviceTime(FaultPlan.NONE, costs[i], load.slowdownAt(begin), 0, begin);
                free[best] = begin + duration;
                busy += duration;
                attempts++;
                end = Math.max(end, free[best]);
                if (stage == 0 && ends.length > 0) {
                    ends[i] = free[best];
                }
            }
            t = end;
        }
        this.commitAt = t + plan.commit();
        this.busySlotNanos = busy;
        this.taskAttempts = attempts;
        this.mapEnds = ends;
    }

    /**
     * How long the run would take from {@code start} with no faults, under background load only.
     * The difference to the real duration is the time faults cost.
     */
    static long idealDuration(RunPlan plan, int slotCount, BackgroundLoad load, long start) {
        return new UndisturbedRun(plan, slotCount, load, start).commitAt - start;
    }

    /**
     * Runs {@code plan} from {@code start} without simulating it event by event, when nothing can
     * disturb it: no task can fail, no speculation, no worker dead, and no crash or slow period or
     * task failure from {@code start} to the commit. It counts the attempts and their busy time,
     * reports each map task's read at its end, and returns the commit time. Returns -1, having
     * changed nothing, when the run must be simulated.
     */
    static long tryRun(RunPlan plan, ExecutionSettings settings, TaskFailureTimes failureTimes, WorkerAvailability workers,
                       long start, boolean[] mapReadBefore, BatchTally tally, RunExecution.Listener listener) {
        if (settings.speculation().enabled() || workers.anyDeadAt(start)) {
            return -1;
        }
        UndisturbedRun run = new UndisturbedRun(plan, settings.cluster().totalSlots(), settings.backgroundLoad(), start);
        if (run.disturbedBetween(start, settings.faults(), failureTimes)) {
            return -1;
        }
        tally.taskAttempts += run.taskAttempts;
        tally.busySlotNanos += run.busySlotNanos;
        for (int i = 0; i < run.mapEnds.length; i++) {
            boolean again = mapReadBefore[i];
            mapReadBefore[i] = true;
            listener.mapTaskRead(run.mapEnds[i], plan.mapRecords()[i], again);
        }
        return run.commitAt;
    }

    /** Whether a crash, a slow period or a task failure falls between {@code start} and the commit. */
    private boolean disturbedBetween(long start, FaultPlan faults, TaskFailureTimes failureTimes) {
        for (WorkerCrash c : faults.crashes()) {
            if (c.at() >= start && c.at() <= commitAt) {
                return true;
            }
        }
        for (SlowWorker slow : faults.slowdowns()) {
            if (slow.from() <= commitAt && slow.to() > start) {
                return true;
            }
        }
        return failureTimes.anyBetween(start, commitAt);
    }
}
