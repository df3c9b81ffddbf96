package org.flowlab.workloads.table;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One SQL table over a trace: the events of some kinds (all when {@code kinds} is empty), read as the columns
 * named. {@code rowtime} names the column that is the table's event time — Flink SQL's time attribute, the
 * column {@code DESCRIPTOR(...)} names in a window — always the trace's event time.
 *
 * @param name    the table's SQL name
 * @param kinds   which event kinds are its rows (empty: every event)
 * @param columns its columns, in order
 * @param rowtime the name of its event-time column
 */
public record TraceTable(String name, List<String> kinds, List<TraceColumn> columns, String rowtime) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TraceTable {
        Objects.requireNonNull(name, "name");
        kinds = List.copyOf(kinds);
        columns = List.copyOf(columns);
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("table name '" + name + "' is not a SQL identifier");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no columns");
        }
        Set<String> seen = new HashSet<>();
        for (TraceColumn c : columns) {
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("table " + name + " has two columns named " + c.name());
            }
        }
        TraceColumn time = columns.stream().filter(c -> c.name().equals(rowtime)).findFirst().orElse(null);
        if (time == null || time.field() != TraceField.EVENT_TIME) {
            throw new IllegalArgumentException("table " + name + ": its rowtime '" + rowtime + "' must be a column on the event time");
        }
    }

    /** The column named {@code name} (case-insensitive, as SQL identifiers are unquoted), or null. */
    public TraceColumn column(String name) {
        for (TraceColumn c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    /** Whether events of kind {@code kind} are rows of this table. */
    public boolean holdsKind(String kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    static boolean isIdentifier(String text) {
        return text != null && IDENTIFIER.matcher(text).matches();
    }
}
