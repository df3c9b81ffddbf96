package org.flowlab.sim.stream;

import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.engine.EngineContractProperties;
import org.flowlab.sim.engine.EngineScenario;

/** How the stream's contract tests configure the engine for a case: its output mode by its seed, as in every engine. */
final class StreamContract {
    private StreamContract() {
    }

    static StreamConfig config(EngineScenario s, Delivery delivery) {
        return StreamConfig.defaults()
                .withCluster(new ClusterSpec(s.workers(), 2, 0.2))
                .withTasks(s.workers())
                .withChannelCapacity(8)
                .withCheckpointInterval(s.cadence())
                .withEventTime(EngineContractProperties.eventTime(s))
                .withHeartbeatTimeout(EngineContractProperties.DETECTION_DELAY)
                .withIdleTimeout(3_000_000_000L)
                .withDelivery(delivery)
                .withFaults(s.faults())
                .withOutput(EngineContractProperties.outputMode(s))
                .withSeed(s.seed());
    }
}
