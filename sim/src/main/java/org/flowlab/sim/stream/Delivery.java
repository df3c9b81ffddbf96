package org.flowlab.sim.stream;

import org.flowlab.workloads.InvalidInputException;

/** When a stream's outputs become visible to consumers, and whether they may repeat. */
public enum Delivery {
    /** Visible as soon as the sink writes them; after a restart, replayed outputs are written again (duplicates). */
    AT_LEAST_ONCE("at-least-once"),
    /** Staged per checkpoint and visible when that checkpoint completes; never duplicated, later. */
    EXACTLY_ONCE("exactly-once");

    private final String text;

    Delivery(String text) {
        this.text = text;
    }

    /** As flags and run.json write it: {@code exactly-once}. */
    public String text() {
        return text;
    }

    /** The guarantee {@link #text()} names; anything else is an error listing the known ones. */
    public static Delivery parse(String text) {
        for (Delivery d : values()) {
            if (d.text.equals(text.trim())) {
                return d;
            }
        }
        throw new InvalidInputException("unknown delivery '" + text + "'; known: exactly-once, at-least-once");
    }

    @Override
    public String toString() {
        return text;
    }
}
