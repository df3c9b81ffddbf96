package org.flowlab.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * An option as the user typed it, {@code --rate 1/d}: a message about a value that came from the
 * command line names it that way, not by the scenario file the value replaced.
 */
final class GivenOption {
    private GivenOption() {
    }

    /** {@code name} and the text of its last value on {@code command}'s command line. */
    static String text(CommandSpec command, String name) {
        OptionSpec option = command.findOption(name);
        List<String> given = option == null ? List.of() : option.originalStringValues();
        return given.isEmpty() ? name : name + " " + given.get(given.size() - 1);
    }
}
