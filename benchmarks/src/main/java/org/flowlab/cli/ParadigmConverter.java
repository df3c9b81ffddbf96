package org.flowlab.cli;

import org.flowlab.experiment.Paradigm;

/** Reads an engine's name: {@code batch}, {@code microbatch} or {@code stream}. */
public final class ParadigmConverter extends TextConverter<Paradigm> {
    public ParadigmConverter() {
        super(Paradigm::parse);
    }
}
