package org.flowlab.sim.batch;

import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.EngineContractProperties;
import org.flowlab.sim.engine.EngineScenario;

/** The engine contract for the micro-batch engine. */
class MicroBatchEngineContractTest implements EngineContractProperties {
    @Override
    public Engine engine(EngineScenario s) {
        return new MicroBatchEngine(BatchContract.microBatch(s));
    }
}
