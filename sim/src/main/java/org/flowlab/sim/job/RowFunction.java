package org.flowlab.sim.job;

/**
 * A stateless transformation of one row into one row, for {@link MapRow}. It should keep the
 * row's id (ids identify outputs and order ties), and after a {@link KeyBy} it must keep the key.
 */
@FunctionalInterface
public interface RowFunction {
    Row apply(Row row);
}
