package org.flowlab.sim.stream;

/**
 * A keyed task's watermark changed: it advanced, or a restart restored it from a checkpoint.
 *
 * @param stage       the stage, from 1
 * @param task        the task's index in its stage
 * @param incarnation how many restarts came before (0 for the first run)
 * @param time        virtual time of the change
 * @param watermark   the new watermark
 * @param restored    true when a restart set it from the checkpoint (it may then be lower than
 *                    before the failure, never lower than at the checkpoint)
 */
public record WatermarkEvent(int stage, int task, int incarnation, long time, long watermark, boolean restored) {
}
