package org.flowlab.report;

import org.flowlab.experiment.TraceSource;

/**
 * The trace a run replayed, as run.json and sweep.json record it ({@code parameters.input}): generated
 * from the scenario's spec and the seed, or read from a trace file, named as it was given, with its
 * SHA-256 and event count, so that the run can be repeated and the file checked to be the same.
 *
 * @param source   {@value #GENERATED} or {@value #FILE}
 * @param scenario the scenario the trace's spec names ({@code imported} for an imported trace)
 * @param file     the trace file's path as given, or null for a generated trace
 * @param sha256   the SHA-256 of the file's bytes, or null for a generated trace
 * @param events   the file's events, or null for a generated trace
 */
public record RunInput(String source, String scenario, String file, String sha256, Long events) {

    /** The {@code source} of a generated trace. */
    public static final String GENERATED = "generated";
    /** The {@code source} of a trace read from a file. */
    public static final String FILE = "file";

    /** The record of {@code input}. */
    public static RunInput of(TraceSource input) {
        if (input instanceof TraceSource.FromFile f) {
            return new RunInput(FILE, f.scenario(), f.path().toString(), f.sha256(), (long) f.trace().size());
        }
        return new RunInput(GENERATED, input.scenario(), null, null, null);
    }

    /** Whether the trace was read from a file. */
    public boolean fromFile() {
        return FILE.equals(source);
    }

    /**
     * How titles, tables and the index of runs name a run's trace: the scenario of a generated one, the file
     * and its scenario for a trace file ({@code trace.jsonl (imported)}). {@code input} is null in a run.json
     * written before schema 4, whose traces were all generated.
     */
    public static String name(RunInput input, String scenario) {
        return input != null && input.fromFile() ? input.file() + " (" + input.scenario() + ")" : scenario;
    }
}
