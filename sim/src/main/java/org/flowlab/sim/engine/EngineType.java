package org.flowlab.sim.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowlab.sim.fault.FaultPlan;

/**
 * One way of processing that a comparison can run, registered once ({@link
 * org.flowlab.sim.registry.EngineRegistry}): its name, how tables and charts show it, its own settings
 * record with their defaults, options and JSON form, and how to build the engine. Everything the harness
 * says of an engine it reads here, so adding an engine is one package and one registration line.
 *
 * @param id             the name in flags and run.json: {@code microbatch}
 * @param label          the name people read: {@code micro-batch}
 * @param colour         its colour in every chart, {@code #RRGGBB}
 * @param complexity     what running it involves, one clause, for the recommendation
 * @param settingsType   the class of its own settings record
 * @param defaults       its own settings when a comparison sets none
 * @param options        the knobs of its own settings that flags, run.json and sweeps name
 * @param factory        builds the engine from the common settings, its own, the faults and the seed
 * @param description    its own settings in a few words for tables and legends: {@code every 1h}
 * @param triggerInterval how long it waits between runs ({@code 0} for an engine that runs continuously),
 *                       which charts bin by and sweeps plot against
 * @param recovery       what it does after a failure, a noun for counts: {@code restart}, {@code rerun}
 * @param givingUp       the sentence saying when it gives up after failures, from its own settings
 * @param <S>            its own settings record
 */
public record EngineType<S>(String id, String label, String colour, String complexity, Class<S> settingsType,
                            S defaults, List<EngineOption<S>> options, Factory<S> factory, Description<S> description,
                            java.util.function.ToLongFunction<S> triggerInterval, String recovery,
                            java.util.function.Function<S, String> givingUp) {

    /** Builds an engine of this type. */
    @FunctionalInterface
    public interface Factory<S> {
        /**
         * The engine configured from {@code common} and {@code own}, injecting {@code faults}, drawing its
         * randomness from {@code seed}.
         *
         * @throws org.flowlab.workloads.InvalidInputException if the settings do not make a valid engine
         */
        Engine create(CommonSettings common, S own, FaultPlan faults, long seed);
    }

    /** Says what an engine's own settings are, given the common ones (an output mode may add to it). */
    @FunctionalInterface
    public interface Description<S> {
        String describe(S own, CommonSettings common);
    }

    public EngineType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(complexity, "complexity");
        Objects.requireNonNull(settingsType, "settingsType");
        settingsType.cast(Objects.requireNonNull(defaults, "defaults"));
        options = List.copyOf(options);
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(triggerInterval, "triggerInterval");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(givingUp, "givingUp");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("an engine's id is lower-case letters, digits and '-': " + id);
        }
        if (!colour.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("an engine's colour is #RRGGBB: " + colour);
        }
    }

    /** This type with another factory: the same engine as flags and reports know it, built another way (tests' doubles). */
    public EngineType<S> withFactory(Factory<S> f) {
        return new EngineType<>(id, label, colour, complexity, settingsType, defaults, options, f, description,
                triggerInterval, recovery, givingUp);
    }

    /** {@code own}, checked to be this type's settings. */
    public S cast(Object own) {
        return settingsType.cast(own);
    }

    /** The engine for {@code own} settings (of {@link #settingsType()}). */
    public Engine create(CommonSettings common, Object own, FaultPlan faults, long seed) {
        return factory.create(common, cast(own), faults, seed);
    }

    /** {@link #description()} of {@code own} settings. */
    public String describe(Object own, CommonSettings common) {
        return description.describe(cast(own), common);
    }

    /** {@link #triggerInterval()} of {@code own} settings. */
    public long triggerIntervalOf(Object own) {
        return triggerInterval.applyAsLong(cast(own));
    }

    /** {@link #givingUp()} of {@code own} settings. */
    public String givingUpOf(Object own) {
        return givingUp.apply(cast(own));
    }

    /** The option named {@code name}, or null. */
    public EngineOption<S> option(String name) {
        for (EngineOption<S> o : options) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** {@code own} with option {@code name} set from {@code text}. */
    public S set(Object own, String name, String text) {
        EngineOption<S> o = option(name);
        if (o == null) {
            throw new IllegalArgumentException(label + " has no option " + name);
        }
        return o.parse().apply(cast(own), text);
    }

    /** The JSON form of {@code own}: each option's JSON name and value as flags write it, in order. */
    public Map<String, String> json(Object own) {
        S s = cast(own);
        Map<String, String> json = new LinkedHashMap<>();
        for (EngineOption<S> o : options) {
            json.put(o.jsonName(), o.text().apply(s));
        }
        return json;
    }

    /** Engines are one by their id: a type with another factory (a test's double) is the same engine. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EngineType<?> t && t.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
