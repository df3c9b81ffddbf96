package org.flowlab.workloads;

import org.flowlab.workloads.importer.TraceImporter;
import org.flowlab.workloads.random.RandomStreams;
import org.flowlab.workloads.scenario.ScenarioCatalog;

/** The one entry point for making a trace: a pure function of (spec, seed). */
public final class WorkloadGenerator {
    private WorkloadGenerator() {
    }

    /** Generates the trace of {@code spec} for {@code seed}; equal arguments give equal traces. */
    public static Trace generate(WorkloadSpec spec, long seed) {
        if (spec.scenario().equals(TraceImporter.SCENARIO)) {
            String from = spec.settings().has("source") ? spec.settings().get("source").getAsString() : "an event log";
            throw new InvalidInputException(spec.source() + ": the trace was imported from " + from
                    + " ('flowlab workload import'); it cannot be generated again, replay its trace file");
        }
        return ScenarioCatalog.get(spec.scenario()).generator().generate(spec, seed, new RandomStreams(seed));
    }

    /** The catalog scenario's default trace for {@code seed}. */
    public static Trace generate(String scenario, long seed) {
        return generate(WorkloadSpec.defaults(scenario), seed);
    }
}
