package org.flowlab.sim.engine;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * One knob of one engine's own settings, as flags, run.json and sweeps know it: {@code --batch-interval 1h}
 * sets the batch engine's interval, run.json writes {@code "interval": "1h"} under the batch engine, and
 * {@code sweep --vary batch-interval=...} varies it. Two engines may have an option of the same name (both
 * batch engines' {@code retries}): one flag then sets it in both.
 *
 * @param name        the flag without its dashes, and the sweep parameter: {@code batch-interval}
 * @param jsonName    the field in the engine's JSON form: {@code interval}
 * @param paramLabel  the value's shape in help texts: {@code D}
 * @param description one or two sentences for {@code --help}, naming the default
 * @param sweepable   whether a sweep may vary it: a duration that {@code --vary NAME=1s..1h:6:log} reads
 * @param text        the value in settings as flags write it, which {@code parse} reads back
 * @param parse       the settings with the value a flag gives; a bad value throws
 *                    {@link org.flowlab.workloads.InvalidInputException} naming what is allowed
 * @param <S>         the engine's settings record
 */
public record EngineOption<S>(String name, String jsonName, String paramLabel, String description, boolean sweepable,
                              Function<S, String> text, BiFunction<S, String, S> parse) {

    public EngineOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jsonName, "jsonName");
        Objects.requireNonNull(paramLabel, "paramLabel");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(parse, "parse");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("an option's name is lower-case words joined by '-': " + name);
        }
    }

    /** Sets a duration of settings {@code S}. */
    @FunctionalInterface
    public interface DurationSetter<S> {
        S with(S settings, long nanos);
    }

    /** A positive duration that sweeps may vary, written as flags write durations ({@code 1h30m}). */
    public static <S> EngineOption<S> duration(String name, String jsonName, String description, ToLongFunction<S> get,
                                               DurationSetter<S> set) {
        return new EngineOption<>(name, jsonName, "D", description, true,
                s -> DurationText.exact(get.applyAsLong(s)), (s, text) -> set.with(s, positiveDuration(name, text)));
    }

    /** {@code text} as a positive duration, or an error naming the option and what it allows. */
    public static long positiveDuration(String name, String text) {
        long nanos;
        try {
            nanos = text.trim().startsWith("-") ? 0 : DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--" + name + ": " + e.getMessage());
        }
        if (nanos <= 0) {
            throw new InvalidInputException("--" + name + ": '" + text + "' must be a positive duration; expected "
                    + DurationText.ALLOWED);
        }
        return nanos;
    }
}
