package org.flowlab.sim.metrics;

/**
 * Which faults actually happened in a run, for reports and for tests that must see each kind occur.
 *
 * @param workerCrashes           worker crashes that hit running work
 * @param crashesDuringCheckpoint of those, crashes while a checkpoint (stream) or a commit (batch)
 *                                was in progress
 * @param taskFailures            random task failures
 * @param restarts                restarts of the job (stream) or reruns and retries (batch)
 */
public record FaultTally(int workerCrashes, int crashesDuringCheckpoint, int taskFailures, int restarts) {

    public static final FaultTally NONE = new FaultTally(0, 0, 0, 0);
}
