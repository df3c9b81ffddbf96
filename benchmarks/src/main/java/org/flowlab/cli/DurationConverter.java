package org.flowlab.cli;

import org.flowlab.workloads.text.DurationText;
import picocli.CommandLine;

/** Reads {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d} into nanoseconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        if (value.trim().startsWith("-")) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration; expected " + DurationText.ALLOWED);
        }
        long nanos;
        try {
            nanos = DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (nanos <= 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration; expected " + DurationText.ALLOWED);
        }
        return nanos;
    }
}
