package org.flowlab.sim.stream;

import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.EngineContractProperties;
import org.flowlab.sim.engine.EngineScenario;

/** The engine contract for the stream with at-least-once sinks. */
class StreamEngineContractTest implements EngineContractProperties {
    @Override
    public Engine engine(EngineScenario s) {
        return new StreamEngine(StreamContract.config(s, Delivery.AT_LEAST_ONCE));
    }
}
