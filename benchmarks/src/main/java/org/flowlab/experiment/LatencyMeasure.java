package org.flowlab.experiment;

import java.util.Locale;
import org.flowlab.sim.metrics.LatencySummary;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.workloads.InvalidInputException;

/**
 * Which of a record's two latencies a figure means (DESIGN.md, "latency"): arrival to the first
 * output that reflects it, or arrival to the moment the output that reflects it will not change
 * again. They differ when outputs are updated: partial windows emitted early ({@code --output
 * updates}), windows re-emitted within the allowed lateness, batch corrections. The SLA and the
 * recommendation say which one they use ({@code --sla-on}); the final latency by default.
 */
public enum LatencyMeasure {
    /** Arrival to final: the output reflecting the record will not change again. */
    FINAL("final", "final latency"),
    /** Arrival to first visible: an output first reflects the record. */
    FIRST_VISIBLE("first", "first-visible latency");

    private final String id;
    private final String label;

    LatencyMeasure(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** As flags write it: {@code final}, {@code first}. */
    public String id() {
        return id;
    }

    /** For sentences: {@code final latency}. */
    public String label() {
        return label;
    }

    /** This latency's distribution in {@code metrics}. */
    public LatencySummary of(RunMetrics metrics) {
        return this == FINAL ? metrics.latency() : metrics.firstVisibleLatency();
    }

    /**
     * The measure written {@code text}.
     *
     * @throws InvalidInputException naming what is allowed
     */
    public static LatencyMeasure parse(String text) {
        for (LatencyMeasure m : values()) {
            if (m.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidInputException("--sla-on: '" + text + "' is not a latency; allowed: first, final");
    }
}
