package org.flowlab.experiment;

import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.InvalidInputException;

/** The engines of this build, configured from a comparison's settings: what {@code flowlab compare} runs. */
public final class StandardEngines implements EngineFactory {

    /** The one instance; it holds no state. */
    public static final StandardEngines FACTORY = new StandardEngines();

    private StandardEngines() {
    }

    @Override
    public Engine create(Paradigm paradigm, EngineSettings settings, FaultPlan faults, long seed) {
        throw new InvalidInputException("the " + paradigm.label() + " engine is not part of this build yet");
    }
}
