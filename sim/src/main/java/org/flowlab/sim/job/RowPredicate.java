package org.flowlab.sim.job;

/** A stateless test of one row, for {@link Filter}. */
@FunctionalInterface
public interface RowPredicate {
    boolean test(Row row);
}
