package org.flowlab.cli;

import org.flowlab.workloads.text.RateText;

/** Reads {@code 20000/s}, {@code 3/ms} into events per second. */
public final class RateConverter extends TextConverter<Double> {
    public RateConverter() {
        super(RateText::parse);
    }
}
