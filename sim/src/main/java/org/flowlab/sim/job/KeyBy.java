package org.flowlab.sim.job;

import java.util.Objects;

/** Sets each row's key to what the selector picks; engines shuffle rows by key here. */
public record KeyBy(String name, KeySelector selector) implements Operator {
    public KeyBy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selector, "selector");
    }

    @Override
    public String toString() {
        return "keyBy '" + name + "'";
    }
}
