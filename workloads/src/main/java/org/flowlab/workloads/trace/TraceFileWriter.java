package org.flowlab.workloads.trace;

import java.io.IOException;
import java.io.Writer;
import org.flowlab.workloads.Trace;

/**
 * Formats a trace as JSON Lines. Event lines are assembled by hand from pre-escaped field names
 * (a JSON object per line would triple the time of a million-event write); the reader checks them
 * with Gson's strict parser all the same.
 */
final class TraceFileWriter {
    private final Trace trace;
    private final EventColumns columns;
    private final String[] prefix = new String[EventColumns.COUNT];

    TraceFileWriter(Trace trace) {
        this.trace = trace;
        this.columns = EventColumns.of(trace.schema());
        for (int c = 0; c < EventColumns.COUNT; c++) {
            if (columns.used(c)) {
                prefix[c] = (c == EventColumns.ID ? "{" : ",") + EventColumns.quote(columns.name(c)) + ":";
            }
        }
    }

    void writeTo(Writer out) throws IOException {
        out.write(TraceHeader.of(trace).toJson());
        out.write('\n');
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < trace.size(); i++) {
            line.setLength(0);
            line.append(prefix[EventColumns.ID]).append(i);
            line.append(prefix[EventColumns.EVENT_TIME]).append(trace.eventTime(i));
            line.append(prefix[EventColumns.ARRIVAL_TIME]).append(trace.arrivalTime(i));
            line.append(prefix[EventColumns.KIND]).append(columns.quotedKind(trace.kind(i)));
            line.append(prefix[EventColumns.KEY]).append(trace.key(i));
            line.append(prefix[EventColumns.VALUE]).append(value(i));
            attr(line, i, EventColumns.ATTR1, trace.attr1(i));
            attr(line, i, EventColumns.ATTR2, trace.attr2(i));
            attr(line, i, EventColumns.ATTR3, trace.attr3(i));
            line.append(prefix[EventColumns.LABEL]).append(columns.quotedLabel(trace.label(i)));
            line.append("}\n");
            out.append(line);
        }
    }

    private String value(int i) {
        double v = trace.value(i);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("event " + i + ": value is " + v + "; a trace file holds finite values only");
        }
        return ShortestDecimal.of(v);
    }

    private void attr(StringBuilder line, int i, int column, long value) {
        if (columns.used(column)) {
            line.append(prefix[column]).append(value);
        } else if (value != 0) {
            // An unnamed column is left out of the file, so a value in it would silently read back as 0.
            throw new IllegalArgumentException("event " + i + ": attr" + (column - EventColumns.ATTR1 + 1) + " is " + value
                    + " but the schema names no such column; name it or leave it 0");
        }
    }
}
