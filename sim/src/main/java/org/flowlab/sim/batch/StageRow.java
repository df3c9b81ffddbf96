package org.flowlab.sim.batch;

import java.util.Comparator;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;

/**
 * A row a stateful stage keeps as input: where it came from (the output of an earlier stateful
 * step, null for a row read from the source), the row, the latest arrival it reflects and its
 * lineage not yet committed (null once committed or passed on).
 */
class StageRow {

    /** Rows in {@link Row#ORDER}, ties by where they came from; null ids (source rows, range probes) first. */
    static final Comparator<StageRow> ORDER = (a, b) -> {
        int c = Row.ORDER.compare(a.row, b.row);
        if (c != 0) {
            return c;
        }
        if (a.id == null || b.id == null) {
            return a.id == null ? (b.id == null ? 0 : -1) : 1;
        }
        return a.id.compareTo(b.id);
    };

    final ResultKey id;
    final Row row;
    final long maxArrival;
    IntList lineage;

    StageRow(ResultKey id, Row row, long maxArrival, IntList lineage) {
        this.id = id;
        this.row = row;
        this.maxArrival = maxArrival;
        this.lineage = lineage;
    }

    /** A row that sorts before every real row at {@code eventTime} and after every earlier one, for range probes. */
    static Row probeRow(long eventTime) {
        return new Row(Long.MIN_VALUE, eventTime, Integer.MIN_VALUE, Long.MIN_VALUE,
                Double.NEGATIVE_INFINITY, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
    }
}
