package org.flowlab.flink.translate;

import org.apache.flink.api.java.functions.KeySelector;
import org.flowlab.sim.job.Row;

/** Flink's key of a row: the key a Flowlab keyBy has set. */
final class RowKey implements KeySelector<Row, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long getKey(Row row) {
        return row.key();
    }
}
