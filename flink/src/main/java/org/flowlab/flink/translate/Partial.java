package org.flowlab.flink.translate;

/**
 * Flink's accumulator for a Flowlab window aggregate: Flowlab's own accumulator and the largest row
 * id in the window so far (a window result's row carries it). Immutable, like Flowlab's.
 *
 * @param accumulator the Flowlab aggregate's accumulator
 * @param lastId      the largest id among the rows added, {@code Long.MIN_VALUE} for none
 */
record Partial(Object accumulator, long lastId) {
}
