package org.flowlab.cli;

import org.flowlab.experiment.Paradigm;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;

/** Reads an engine's name: {@code batch}, {@code microbatch} or {@code stream}. */
public final class ParadigmConverter implements CommandLine.ITypeConverter<Paradigm> {
    @Override
    public Paradigm convert(String value) {
        try {
            return Paradigm.parse(value);
        } catch (InvalidInputException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
