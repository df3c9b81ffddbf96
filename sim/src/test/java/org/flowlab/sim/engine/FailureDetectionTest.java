package org.flowlab.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowlab.sim.batch.BatchConfig;
import org.flowlab.sim.batch.ExecutionSettings;
import org.flowlab.sim.batch.MicroBatchConfig;
import org.flowlab.sim.batch.RunLoopEngine;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.StreamEngine;
import org.junit.jupiter.api.Test;

/** Every engine notices a crashed worker after the same delay, defined once ({@link WorkerCrash#DEFAULT_DETECTION_DELAY}). */
class FailureDetectionTest {

    @Test
    void everyConfigurationsDefaultDetectionDelayIsTheOneOfTheFaultModel() {
        long detection = WorkerCrash.DEFAULT_DETECTION_DELAY;
        assertThat(detection).as("Flink's heartbeat.timeout").isEqualTo(50_000_000_000L);
        assertThat(ExecutionSettings.defaults().heartbeatTimeout()).isEqualTo(detection);
        assertThat(BatchConfig.defaults().execution().heartbeatTimeout()).isEqualTo(detection);
        assertThat(MicroBatchConfig.defaults().execution().heartbeatTimeout()).isEqualTo(detection);
        assertThat(StreamConfig.defaults().heartbeatTimeout()).isEqualTo(detection);
    }

    @Test
    void everyEngineOfAComparisonNoticesACrashAfterTheSameDelay() {
        FaultPlan crash = FaultPlan.parse("crash:worker=1@1m+30s");
        for (EngineType<?> type : EngineRegistry.STANDARD.all()) {
            Engine engine = type.create(CommonSettings.DEFAULTS, type.defaults(), crash, 1);
            long detection;
            if (engine instanceof RunLoopEngine<?> batch) {
                detection = batch.config().execution().heartbeatTimeout();
            } else if (engine instanceof StreamEngine stream) {
                detection = stream.config().heartbeatTimeout();
            } else {
                throw new AssertionError("an engine this test does not know: " + type.id());
            }
            assertThat(detection).as(type.id()).isEqualTo(WorkerCrash.DEFAULT_DETECTION_DELAY);
        }
    }

    @Test
    void eachEngineMayBeGivenAnotherDetectionDelay() {
        assertThat(ExecutionSettings.defaults().withHeartbeatTimeout(8_000_000_000L).heartbeatTimeout()).isEqualTo(8_000_000_000L);
        assertThat(StreamConfig.defaults().withHeartbeatTimeout(8_000_000_000L).heartbeatTimeout()).isEqualTo(8_000_000_000L);
    }
}
