package org.flowlab.cli;

import org.flowlab.experiment.LatencyMeasure;

/** Reads {@code first} or {@code final}. */
public final class LatencyMeasureConverter extends TextConverter<LatencyMeasure> {
    public LatencyMeasureConverter() {
        super(LatencyMeasure::parse);
    }
}
