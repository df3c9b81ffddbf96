package org.flowlab.cli;

import java.util.function.Function;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;

/**
 * A flag's value read by a parser of ours: a mistake it reports (an {@link InvalidInputException}
 * or an {@link IllegalArgumentException}) becomes picocli's conversion error, so the command prints that one line and exits 2. Each flag type is a subclass naming its
 * parser, since picocli builds converters from a class.
 */
abstract class TextConverter<T> implements CommandLine.ITypeConverter<T> {
    private final Function<String, T> parser;

    TextConverter(Function<String, T> parser) {
        this.parser = parser;
    }

    @Override
    public final T convert(String value) {
        try {
            return parser.apply(value);
        } catch (InvalidInputException | IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
