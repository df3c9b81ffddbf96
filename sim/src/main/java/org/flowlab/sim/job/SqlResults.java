package org.flowlab.sim.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flowlab.workloads.table.SqlRow;

/**
 * A SQL query's result as a multiset of {@link SqlRow}s, whoever computed it. Flowlab's compiled SQL jobs output,
 * at each {@link ResultKey}, one {@code SqlRow} or a {@code List<SqlRow>}; Flink SQL gives rows with no key. Both
 * become the same {@link #table canonical table}: the rows sorted by {@link SqlRow#ORDER}, the {@code i}-th at
 * key 0, time 0, seq {@code i} — so two results are equal exactly when they hold the same rows as often.
 */
public final class SqlResults {

    private SqlResults() {
    }

    /** Every row a compiled SQL job's table holds, sorted; an output that is not a row is an error naming it. */
    public static List<SqlRow> rows(ResultTable table) {
        List<SqlRow> rows = new ArrayList<>(table.size());
        for (Output o : table.outputs()) {
            if (o.value() instanceof SqlRow row) {
                rows.add(row);
            } else if (o.value() instanceof List<?> list) {
                for (Object v : list) {
                    if (!(v instanceof SqlRow row)) {
                        throw new IllegalArgumentException("output at " + o.at() + " holds " + v + ", not a SQL row");
                    }
                    rows.add(row);
                }
            } else {
                throw new IllegalArgumentException("output at " + o.at() + " is " + o.value() + ", not a SQL row");
            }
        }
        rows.sort(SqlRow.ORDER);
        return rows;
    }

    /** The canonical table of these rows (any order): sorted, the {@code i}-th at {@code ResultKey.at(0, 0, i)}. */
    public static ResultTable table(Collection<SqlRow> rows) {
        List<SqlRow> sorted = new ArrayList<>(rows);
        sorted.sort(SqlRow.ORDER);
        ResultTable.Builder b = ResultTable.builder();
        for (int i = 0; i < sorted.size(); i++) {
            b.put(ResultKey.at(0, 0, i), sorted.get(i));
        }
        return b.build();
    }

    /** The canonical table of a compiled SQL job's table: {@code table(rows(results))}. */
    public static ResultTable canonical(ResultTable results) {
        return table(rows(results));
    }
}
