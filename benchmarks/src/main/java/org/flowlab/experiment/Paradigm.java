package org.flowlab.experiment;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flowlab.workloads.InvalidInputException;

/**
 * The ways of processing a comparison sets side by side, in the order tables and charts show them:
 * from the one that waits longest to the one that waits least.
 */
public enum Paradigm {
    BATCH("batch", "batch", "a scheduled job over staged records: the simplest to build, test and rerun"),
    MICROBATCH("microbatch", "micro-batch", "the batch model on a short trigger with state carried between runs:"
            + " batch code and semantics, plus a scheduler that never stops"),
    STREAM("stream", "stream", "long-running operators with keyed state, watermarks and checkpoints:"
            + " the most moving parts to build, test and operate");

    private final String id;
    private final String label;
    private final String complexity;

    Paradigm(String id, String label, String complexity) {
        this.id = id;
        this.label = label;
        this.complexity = complexity;
    }

    /** The name in flags and in run.json, for example {@code microbatch}. */
    public String id() {
        return id;
    }

    /** The name people read, for example {@code micro-batch}. */
    public String label() {
        return label;
    }

    /** What running it involves, one clause, for the recommendation's paragraph. */
    public String complexity() {
        return complexity;
    }

    /** Every id, for messages: {@code batch, microbatch, stream}. */
    public static String ids() {
        return Arrays.stream(values()).map(Paradigm::id).collect(Collectors.joining(", "));
    }

    /** The paradigm whose id is {@code id} exactly, if any (run.json also names Flink's engines, which are none). */
    public static Optional<Paradigm> byId(String id) {
        for (Paradigm p : values()) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The paradigm with this id (or label); anything else is an error listing the known ones. */
    public static Paradigm parse(String text) {
        String t = text.trim();
        for (Paradigm p : values()) {
            if (p.id.equals(t) || p.label.equals(t)) {
                return p;
            }
        }
        throw new InvalidInputException("unknown engine '" + text + "'; known: " + ids());
    }
}
