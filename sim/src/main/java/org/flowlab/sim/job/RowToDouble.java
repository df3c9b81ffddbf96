package org.flowlab.sim.job;

/** Reads a double from a row, for aggregates over something else than the value. */
@FunctionalInterface
public interface RowToDouble {
    double apply(Row row);
}
