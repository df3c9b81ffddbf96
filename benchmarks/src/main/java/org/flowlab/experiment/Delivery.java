package org.flowlab.experiment;

import org.flowlab.workloads.InvalidInputException;

/** The stream's sink guarantee: outputs visible at once with duplicates after a replay, or only at checkpoints and exactly once. */
public enum Delivery {
    EXACTLY_ONCE("exactly-once"),
    AT_LEAST_ONCE("at-least-once");

    private final String text;

    Delivery(String text) {
        this.text = text;
    }

    /** As flags and run.json write it: {@code exactly-once}. */
    public String text() {
        return text;
    }

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
