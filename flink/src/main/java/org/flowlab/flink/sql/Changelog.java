package org.flowlab.flink.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.flowlab.workloads.table.SqlRow;

/**
 * A query's changelog played to its end: {@code +I} and {@code +U} add a row, {@code -U} and
 * {@code -D} take one away, so an updating query (a GROUP BY without a window, a regular join)
 * leaves its final table, and an append-only one all its rows. Rows are kept as a multiset in
 * {@link SqlRow#ORDER}, so the result does not depend on how the changes of parallel tasks
 * interleave; each task's own changes must come in the order it sent them, a retraction after
 * what it retracts (the runner keeps each task's outputs in one list).
 */
final class Changelog {
    private final Map<SqlRow, Long> counts = new TreeMap<>(SqlRow.ORDER);
    private long changes;

    /** Applies one change. */
    void apply(Row change) {
        changes++;
        SqlRow row = sqlRow(change);
        RowKind kind = change.getKind();
        if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
            counts.merge(row, 1L, Long::sum);
            return;
        }
        Long had = counts.get(row);
        if (had == null) {
            throw new IllegalStateException("Flink SQL retracted " + row + " (" + kind.shortString() + ") which it never sent");
        }
        if (had == 1) {
            counts.remove(row);
        } else {
            counts.put(row, had - 1);
        }
    }

    /** The rows left, each as often as it is there, in {@link SqlRow#ORDER}. */
    List<SqlRow> rows() {
        List<SqlRow> rows = new ArrayList<>();
        counts.forEach((row, n) -> {
            for (long i = 0; i < n; i++) {
                rows.add(row);
            }
        });
        return rows;
    }

    /** Changes applied. */
    long changes() {
        return changes;
    }

    /** A Flink row's fields as a {@link SqlRow} (its kind left out). */
    static SqlRow sqlRow(Row row) {
        List<Object> values = new ArrayList<>(row.getArity());
        for (int i = 0; i < row.getArity(); i++) {
            values.add(row.getField(i));
        }
        return new SqlRow(values);
    }
}
