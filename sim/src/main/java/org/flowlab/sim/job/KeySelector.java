package org.flowlab.sim.job;

/** Picks the grouping key of a row, for {@link KeyBy}; {@code Row::attr1} is one. */
@FunctionalInterface
public interface KeySelector {
    long key(Row row);
}
