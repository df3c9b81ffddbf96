package org.flowlab.cli;

import org.flowlab.workloads.text.RateText;
import picocli.CommandLine;

/** Reads {@code 20000/s}, {@code 3/ms} into events per second. */
public final class RateConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        try {
            return RateText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
