package org.flowlab.torture;

import java.util.Objects;

/**
 * One broken invariant in one run.
 *
 * @param run       the run's index
 * @param invariant what was broken
 * @param engine    which engine broke it ({@code stream}), or empty when the whole run did
 * @param detail    what differs, in a line
 * @param command   the {@code ./flowlab compare} command that replays the run
 */
public record Violation(int run, Invariant invariant, String engine, String detail, String command) {

    public Violation {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(command, "command");
    }

    /** {@code run 12, stream: 1 output differs, ...}. */
    public String describe() {
        return "run " + run + (engine.isEmpty() ? "" : ", " + engine) + ": " + detail;
    }
}
