package org.flowlab.flink.sql;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.types.Row;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTable;

/**
 * One trace table as a Flink source function: index {@code i} becomes the {@code i}-th event of the
 * table's kinds, in arrival order, as a Flink {@link Row} of the columns' SQL values
 * ({@link TraceColumn#read}). It carries each column's trace field as a primitive array (a double
 * as its bits), which serializes compactly and travels with the job to a remote cluster, and decodes
 * a value only when it is emitted.
 */
final class TableRows implements GeneratorFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final long originMillis;
    private final Column[] columns;
    private final String[] kindNames;
    private final long[][] raw;
    private final int size;

    /** One column's definition in parts that serialize, as {@link TraceColumn} does not. */
    private record Column(String name, SqlType type, TraceField field, String[] dictionary) implements Serializable {
        TraceColumn definition() {
            return new TraceColumn(name, type, field, List.of(dictionary));
        }
    }

    /**
     * The columns' definitions and the trace's kinds, which a kind column's raw index names: rebuilt in
     * each task on its first row. One object of final fields, so that source subtasks sharing this
     * function in one JVM ({@code SourceData.inThisJvm}) see either none or all of it.
     */
    private transient Decoding decoding;

    private record Decoding(TraceColumn[] definitions, List<String> kinds) {
    }

    TableRows(Trace trace, TraceTable table, long originMillis) {
        this.table = table.name();
        this.originMillis = originMillis;
        List<String> kinds = trace.schema().kinds();
        kindNames = kinds.toArray(String[]::new);
        boolean[] holds = new boolean[kinds.size()];
        for (int k = 0; k < kinds.size(); k++) {
            holds[k] = table.holdsKind(kinds.get(k));
        }
        List<Integer> events = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            if (holds[trace.kind(i)]) {
                events.add(i);
            }
        }
        size = events.size();
        List<TraceColumn> defs = table.columns();
        columns = new Column[defs.size()];
        raw = new long[defs.size()][size];
        for (int c = 0; c < defs.size(); c++) {
            TraceColumn def = defs.get(c);
            columns[c] = new Column(def.name(), def.type(), def.field(), def.dictionary().toArray(String[]::new));
            for (int r = 0; r < size; r++) {
                int i = events.get(r);
                raw[c][r] = def.field().rawOf(trace, i);
            }
        }
    }

    /** The table's rows: the trace's events of its kinds. */
    int size() {
        return size;
    }

    /** The table's name. */
    String table() {
        return table;
    }

    @Override
    public Row map(Long index) {
        Decoding d = decoding;
        if (d == null) {
            d = new Decoding(Arrays.stream(columns).map(Column::definition).toArray(TraceColumn[]::new), List.of(kindNames));
            decoding = d;
        }
        if (size == 0) {
            return new Row(columns.length); // the one row of NULLs the source makes for an empty table, dropped after it
        }
        int r = Math.toIntExact(index);
        Object[] values = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            values[c] = d.definitions()[c].decode(raw[c][r], d.kinds(), originMillis);
        }
        return Row.of(values);
    }
}
