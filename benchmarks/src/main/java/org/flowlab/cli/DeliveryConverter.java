package org.flowlab.cli;

import org.flowlab.experiment.Delivery;

/** Reads {@code exactly-once} or {@code at-least-once}. */
public final class DeliveryConverter extends TextConverter<Delivery> {
    public DeliveryConverter() {
        super(Delivery::parse);
    }
}
