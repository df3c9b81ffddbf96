package org.flowlab.experiment;

import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.fault.FaultPlan;

/**
 * Builds the engine of a paradigm from a comparison's settings: the one seam between the harness
 * and the engines, so the harness drives any {@link Engine} alike (and tests can hand it their own).
 */
@FunctionalInterface
public interface EngineFactory {

    /**
     * The engine for {@code paradigm}, configured from {@code settings}, injecting {@code faults},
     * drawing its randomness from {@code seed}.
     *
     * @throws org.flowlab.workloads.InvalidInputException if the settings do not make a valid engine
     */
    Engine create(Paradigm paradigm, EngineSettings settings, FaultPlan faults, long seed);
}
