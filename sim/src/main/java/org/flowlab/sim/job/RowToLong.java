package org.flowlab.sim.job;

/** Reads a long from a row, for aggregates that need a field ({@code Row::attr1}, {@code Row::key}). */
@FunctionalInterface
public interface RowToLong {
    long apply(Row row);
}
