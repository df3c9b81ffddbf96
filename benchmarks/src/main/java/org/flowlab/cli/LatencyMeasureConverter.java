package org.flowlab.cli;

import org.flowlab.experiment.LatencyMeasure;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;

/** Reads {@code first} or {@code final}. */
public final class LatencyMeasureConverter implements CommandLine.ITypeConverter<LatencyMeasure> {
    @Override
    public LatencyMeasure convert(String value) {
        try {
            return LatencyMeasure.parse(value);
        } catch (InvalidInputException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
