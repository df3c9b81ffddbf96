package org.flowlab.workloads.scenario;

import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.random.RandomStreams;

/**
 * Turns a scenario's settings into a trace. Implementations validate the settings they read
 * (through {@link WorkloadSpec#reader()}), draw randomness only from the given named streams,
 * and are pure: the same spec and streams give the same trace.
 */
@FunctionalInterface
public interface ScenarioGenerator {
    Trace generate(WorkloadSpec spec, long seed, RandomStreams streams);
}
