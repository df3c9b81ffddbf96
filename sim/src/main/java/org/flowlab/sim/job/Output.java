package org.flowlab.sim.job;

import java.util.Objects;

/**
 * One output of a job: where it belongs and its value (a Long, a Double, a Row, a List, a record:
 * anything with value equality, never an array).
 */
public record Output(ResultKey at, Object value) {

    public Output {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return at + " = " + ResultTable.render(value);
    }
}
