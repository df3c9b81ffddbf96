package org.flowlab.cli;

import org.flowlab.experiment.Delivery;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;

/** Reads {@code exactly-once} or {@code at-least-once}. */
public final class DeliveryConverter implements CommandLine.ITypeConverter<Delivery> {
    @Override
    public Delivery convert(String value) {
        try {
            return Delivery.parse(value);
        } catch (InvalidInputException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
