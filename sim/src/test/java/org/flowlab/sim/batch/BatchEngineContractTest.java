package org.flowlab.sim.batch;

import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.EngineContractProperties;
import org.flowlab.sim.engine.EngineScenario;

/** The engine contract for the batch engine. */
class BatchEngineContractTest implements EngineContractProperties {
    @Override
    public Engine engine(EngineScenario s) {
        return new BatchEngine(BatchContract.batch(s));
    }

    @Override
    public boolean dropsLateRecords() {
        return false;
    }
}
