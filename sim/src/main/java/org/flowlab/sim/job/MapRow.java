package org.flowlab.sim.job;

import java.util.Objects;

/** Replaces each row by the function's row; after a {@link KeyBy} the function must keep the key. */
public record MapRow(String name, RowFunction function) implements Operator {
    public MapRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
    }

    @Override
    public String toString() {
        return "map '" + name + "'";
    }
}
