package org.flowlab.cli;

import org.flowlab.sim.engine.OutputMode;

/** Reads {@code final} or {@code updates}. */
public final class OutputModeConverter extends TextConverter<OutputMode> {
    public OutputModeConverter() {
        super(OutputMode::parse);
    }
}
