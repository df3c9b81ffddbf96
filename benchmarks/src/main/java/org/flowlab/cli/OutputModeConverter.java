package org.flowlab.cli;

import org.flowlab.sim.engine.OutputMode;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;

/** Reads {@code final} or {@code updates}. */
public final class OutputModeConverter implements CommandLine.ITypeConverter<OutputMode> {
    @Override
    public OutputMode convert(String value) {
        try {
            return OutputMode.parse(value);
        } catch (InvalidInputException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
