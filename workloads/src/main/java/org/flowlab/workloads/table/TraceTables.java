package org.flowlab.workloads.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL tables a trace holds, and the instant virtual time 0 stands for (milliseconds since the epoch, UTC),
 * which makes event times {@code TIMESTAMP(3)} values. Windows of Flowlab's engines start at virtual time 0 and
 * Flink's at the epoch, so an origin at a UTC midnight keeps every window that divides a day the same in both.
 *
 * @param originMillis the instant of virtual time 0, milliseconds since 1970-01-01T00:00Z
 * @param tables       the tables, names unique (case-insensitive)
 */
public record TraceTables(long originMillis, List<TraceTable> tables) {

    /** The name of a trace's one table when it has no others: imported traces and generic scenarios. */
    public static final String EVENTS = "events";
    /** The name of the event-time column of a generic {@code events} table. */
    public static final String EVENT_TIME_COLUMN = "event_time";

    public TraceTables {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a trace has at least one table");
        }
        Set<String> seen = new HashSet<>();
        for (TraceTable t : tables) {
            if (!seen.add(t.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two tables are named " + t.name());
            }
        }
    }

    /** The table named {@code name} (case-insensitive), or null. */
    public TraceTable table(String name) {
        for (TraceTable t : tables) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    /** The tables' names, in order. */
    public List<String> names() {
        return tables.stream().map(TraceTable::name).toList();
    }

    /**
     * The one {@code events} table of a generated scenario's trace, origin the epoch: {@code kind} (VARCHAR),
     * {@code event_time}, and the key (BIGINT), value (DOUBLE) and used attributes (BIGINT), each named as the
     * schema names it where that name is a SQL identifier, and by its field ({@code key}, {@code attr1} …) otherwise.
     */
    public static TraceTables generic(String key, String value, String attr1, String attr2, String attr3) {
        List<TraceColumn> columns = new ArrayList<>();
        Set<String> used = new HashSet<>(List.of("kind", EVENT_TIME_COLUMN));
        columns.add(TraceColumn.of("kind", SqlType.VARCHAR, TraceField.KIND));
        columns.add(TraceColumn.of(EVENT_TIME_COLUMN, SqlType.TIMESTAMP, TraceField.EVENT_TIME));
        columns.add(TraceColumn.of(columnName(key, TraceField.KEY, used), SqlType.BIGINT, TraceField.KEY));
        columns.add(TraceColumn.of(columnName(value, TraceField.VALUE, used), SqlType.DOUBLE, TraceField.VALUE));
        String[] attrs = {attr1, attr2, attr3};
        TraceField[] fields = {TraceField.ATTR1, TraceField.ATTR2, TraceField.ATTR3};
        for (int i = 0; i < attrs.length; i++) {
            if (attrs[i] != null) {
                columns.add(TraceColumn.of(columnName(attrs[i], fields[i], used), SqlType.BIGINT, fields[i]));
            }
        }
        return new TraceTables(0, List.of(new TraceTable(EVENTS, List.of(), columns, EVENT_TIME_COLUMN)));
    }

    private static String columnName(String schemaName, TraceField field, Set<String> used) {
        String name = schemaName != null && TraceTable.isIdentifier(schemaName)
                && !used.contains(schemaName.toLowerCase(Locale.ROOT)) ? schemaName : field.text();
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /** The same tables with virtual time 0 at {@code millis}. */
    public TraceTables withOrigin(long millis) {
        return new TraceTables(millis, tables);
    }
}
