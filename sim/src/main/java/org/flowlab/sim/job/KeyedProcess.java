package org.flowlab.sim.job;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A keyed process function with keyed state and event-time timers (detectors, incremental joins).
 * The supplier makes fresh instances, so a crashed task can be rebuilt; the function keeps its
 * state in the {@link ProcessContext}, never in fields, so engines can snapshot it. One instance
 * may serve many keys (the oracle uses one per step, an engine one per task), so fields would also
 * leak between keys.
 */
public record KeyedProcess(String name, Supplier<? extends KeyedProcessFunction> function) implements Operator {
    public KeyedProcess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
    }

    @Override
    public boolean stateful() {
        return true;
    }

    /** A fresh instance of the function. */
    public KeyedProcessFunction newFunction() {
        return Objects.requireNonNull(function.get(), () -> "process '" + name + "': the supplier returned null");
    }

    @Override
    public String toString() {
        return "process '" + name + "'";
    }
}
