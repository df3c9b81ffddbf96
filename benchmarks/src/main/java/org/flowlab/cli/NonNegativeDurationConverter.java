package org.flowlab.cli;

import org.flowlab.workloads.text.DurationText;
import picocli.CommandLine;

/** Reads a duration that may be zero, such as an allowed lateness: {@code 0s}, {@code 5m}. */
public final class NonNegativeDurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        if (value.trim().startsWith("-")) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a duration >= 0; expected " + DurationText.ALLOWED);
        }
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
