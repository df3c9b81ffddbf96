package org.flowlab.sim.job;

/**
 * One fired window of a {@link WindowAggregate}, as its {@link ResultMapper} sees it.
 *
 * @param key         the key
 * @param window      the window
 * @param lastId      the largest id among the key's rows in the window (the one that arrived last)
 * @param value       the aggregate's result
 */
public record WindowResult(long key, TimeWindow window, long lastId, Object value) {

    /**
     * The row a result becomes unless the mapper says otherwise: id {@code lastId}, event time
     * {@code window end − 1} (the window's last instant, so it is on time for the next stage), the
     * key, kind, value and attributes 0.
     */
    public Row row() {
        return new Row(lastId, window.maxTimestamp(), 0, key, 0.0, 0, 0, 0);
    }

    /** Where this result is in the result table. */
    public ResultKey at() {
        return ResultKey.window(key, window);
    }
}
