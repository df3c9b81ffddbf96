package org.flowlab.sim.job;

import java.util.Objects;

/** Keeps the rows for which the predicate holds. */
public record Filter(String name, RowPredicate predicate) implements Operator {
    public Filter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(predicate, "predicate");
    }

    @Override
    public String toString() {
        return "filter '" + name + "'";
    }
}
