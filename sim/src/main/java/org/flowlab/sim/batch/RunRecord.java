package org.flowlab.sim.batch;

/**
 * One committed run, for charts and lessons (the saw-tooth of a batch schedule is in these).
 *
 * @param trigger       when the schedule or trigger fired and the run read its input
 * @param committed     when its outputs became visible
 * @param records       records it read
 * @param stagedBytes   the estimated bytes of those records in the staging area
 * @param tasks         tasks in its plan
 * @param attempts      how many times it ran (1 + reruns)
 * @param coldStart     whether it waited for an ephemeral cluster to start
 * @param watermark     its event-time watermark ({@link Long#MAX_VALUE} for the final run)
 * @param outputChanges outputs it upserted or deleted
 */
public record RunRecord(long trigger, long committed, long records, long stagedBytes, int tasks, int attempts,
                        boolean coldStart, long watermark, int outputChanges) {

    /** From trigger to commit. */
    public long duration() {
        return committed - trigger;
    }
}
