package org.flowlab.sim.batch;

import java.util.List;
import org.flowlab.sim.metrics.LatencySummary;

/**
 * What only batch and micro-batch runs have, beside the shared {@link org.flowlab.sim.metrics.RunMetrics}:
 * runs and triggers, retries and reruns, what faults cost, staging, and every committed run.
 *
 * @param runs               committed runs
 * @param skippedTriggers    triggers that found nothing new staged, so started no run (the engine
 *                           then sleeps through the triggers before the next record is staged)
 * @param reruns             failed runs rerun whole (runs re-executed)
 * @param taskAttempts       task attempts started, copies and retries included
 * @param failedAttempts     attempts that failed (task failures)
 * @param tasksRetried       retries after a failed attempt
 * @param tasksKilledByCrash attempts killed by a worker crash and run again elsewhere
 * @param tasksRecomputed    finished tasks whose lost outputs were recomputed (lineage)
 * @param speculativeCopies  speculative copies launched
 * @param speculativeWins    copies that finished first
 * @param extraTimeNanos     faults' cost in time: summed over runs, trigger to commit minus the
 *                           same run's duration without faults
 * @param wastedSlotNanos    slot time spent on work thrown away (failed, killed, lost, losing copies)
 * @param reprocessedRecords records read again (reruns, recomputed map tasks)
 * @param corrections        late records taken in by recomputing what they touch ({@link LatePolicy#CORRECT})
 * @param overruns           runs that ended after the next trigger was due, delaying it
 * @param triggerDelayNanos  total delay of triggers behind overrunning runs
 * @param maxTriggerDelayNanos the longest such delay
 * @param coldStarts         ephemeral cluster starts
 * @param runDurations       trigger to commit, per committed run
 * @param maxStagedRecords   the most records staged and not yet read, at any trigger
 * @param maxStagedBytes     their estimated bytes
 * @param history            every committed run, in order
 */
public record BatchFigures(int runs, int skippedTriggers, int reruns, long taskAttempts, long failedAttempts,
                           long tasksRetried, long tasksKilledByCrash, long tasksRecomputed, long speculativeCopies,
                           long speculativeWins, long extraTimeNanos, long wastedSlotNanos, long reprocessedRecords,
                           long corrections, int overruns, long triggerDelayNanos, long maxTriggerDelayNanos,
                           int coldStarts, LatencySummary runDurations, long maxStagedRecords, long maxStagedBytes,
                           List<RunRecord> history) {

    public BatchFigures {
        history = List.copyOf(history);
    }
}
