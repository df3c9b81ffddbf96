package org.flowlab.sim.batch;

import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.EngineContractProperties;
import org.flowlab.sim.engine.EngineScenario;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;

/**
 * How the batch engines' contract tests configure an engine for a case: runs every cadence that
 * last a little longer, so they follow each other and crashes hit starting, running and mostly
 * committing runs; a few records per task
 * (so runs have several tasks and crashes lose finished map outputs), quick retries, the case's
 * event-time contract, and — by the case's seed — speculation on or off.
 */
final class BatchContract {
    private static final long MS = 1_000_000L;

    private BatchContract() {
    }

    static ExecutionSettings execution(EngineScenario s) {
        CostModel costs = CostModel.defaults()
                .withBatchRunStartupNanos(100 * MS).withBatchTaskOverheadNanos(20 * MS).withBatchRecordNanos(2 * MS)
                .withBatchShuffleRecordNanos(MS).withBatchCommitNanos(950 * MS)
                .withMicroBatchStartupNanos(100 * MS).withMicroBatchTaskOverheadNanos(20 * MS).withMicroBatchCommitNanos(950 * MS);
        return ExecutionSettings.defaults()
                .withCluster(new ClusterSpec(s.workers(), 1, 0.2))
                .withCosts(costs)
                .withTargetTaskRecords(4)
                .withRetries(Retries.DEFAULT.withBackoff(10 * MS, 2, 200 * MS).withRerunDelay(500 * MS))
                .withHeartbeatTimeout(EngineContractProperties.DETECTION_DELAY)
                .withSpeculation(s.seed() % 3 == 0 ? Speculation.SPARK : Speculation.OFF)
                .withFaults(s.faults())
                .withSeed(s.seed());
    }

    static EventTimeContract eventTime(EngineScenario s) {
        return EngineContractProperties.eventTime(s);
    }

    /** By the case's seed: final outputs or updates, half and half, as in every engine. */
    static OutputMode output(EngineScenario s) {
        return EngineContractProperties.outputMode(s);
    }

    static BatchConfig batch(EngineScenario s) {
        return new BatchConfig(new Schedule.FixedInterval(s.cadence()), eventTime(s), output(s), execution(s));
    }

    static MicroBatchConfig microBatch(EngineScenario s) {
        return new MicroBatchConfig(s.cadence(), eventTime(s), output(s), execution(s));
    }
}
