package org.flowlab.sim.job;

/**
 * One step of a job's linear chain. {@link Filter}, {@link MapRow} and {@link KeyBy} work row by row;
 * {@link WindowAggregate} and {@link KeyedProcess} are keyed and stateful, and each must have a
 * {@link KeyBy} between it and the previous stateful step (or the source).
 */
public sealed interface Operator permits Filter, MapRow, KeyBy, WindowAggregate, KeyedProcess {

    /** The step's name, unique within its job; shown in descriptions, metrics and errors. */
    String name();

    /** Whether the step keeps keyed state (and so needs a {@link KeyBy} before it). */
    default boolean stateful() {
        return false;
    }
}
