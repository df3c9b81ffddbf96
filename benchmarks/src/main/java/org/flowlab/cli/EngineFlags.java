package org.flowlab.cli;

import java.util.List;
import java.util.Map;
import org.flowlab.experiment.EngineSettings;
import org.flowlab.sim.engine.EngineOption;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.registry.EngineRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each registered engine's own options as flags of the commands that run comparisons: {@code --batch-interval D}
 * comes from the batch engine's registration, not from a field written here, so an engine added to the registry
 * brings its flags along. An option two engines share ({@code --retries}) is one flag that sets both. A value is
 * checked as it is read, by the engine's own parser, so a bad one is picocli's one-line error, exit 2.
 */
final class EngineFlags {
    private EngineFlags() {
    }

    /** Adds a flag for every option of {@code registry}'s engines to {@code command}. */
    static void addTo(CommandSpec command, EngineRegistry registry) {
        for (Map.Entry<String, List<EngineType<?>>> e : registry.options().entrySet()) {
            EngineType<?> first = e.getValue().get(0);
            EngineOption<?> option = first.option(e.getKey());
            command.addOption(OptionSpec.builder("--" + option.name())
                    .paramLabel(option.paramLabel())
                    .description(option.description())
                    .type(String.class)
                    .converters(value -> check(e.getValue(), option.name(), value))
                    .build());
        }
    }

    /** {@code value}, once every engine that has option {@code name} has read it from its defaults. */
    private static String check(List<EngineType<?>> types, String name, String value) {
        try {
            for (EngineType<?> t : types) {
                t.set(t.defaults(), name, value);
            }
            return value;
        } catch (IllegalArgumentException | org.flowlab.workloads.InvalidInputException e) {
            // picocli names the option already: "Invalid value for option '--name': ..."
            String message = String.valueOf(e.getMessage());
            String prefix = "--" + name + ": ";
            throw new CommandLine.TypeConversionException(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    /** {@code settings} with every engine flag given on {@code command} applied. */
    static EngineSettings apply(CommandSpec command, EngineRegistry registry, EngineSettings settings) {
        EngineSettings s = settings;
        for (String name : registry.options().keySet()) {
            String value = given(command, name);
            if (value != null) {
                s = s.set(registry, name, value);
            }
        }
        return s;
    }

    /** The value of engine flag {@code --name} on {@code command}, or null if it was not given. */
    static String given(CommandSpec command, String name) {
        OptionSpec option = command.findOption("--" + name);
        return option == null ? null : option.getValue();
    }
}
