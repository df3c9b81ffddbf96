package org.flowlab.workloads.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTable;
import org.flowlab.workloads.table.TraceTables;

/**
 * Where each column of an imported file goes, decided once the first pass knows the columns and their types: the
 * event time to the event time, the key column to the key, the first DOUBLE column (else the first BIGINT whose
 * values are all exactly doubles) other than the key to the value, the other kept columns in file order to attr1,
 * attr2 and attr3; the arrival-time column is the arrival time, not a SQL column.
 */
final class ImportPlan {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final TraceField[] ATTRS = {TraceField.ATTR1, TraceField.ATTR2, TraceField.ATTR3};
    /** The names an event line of a trace file uses for its own fields. */
    private static final Set<String> EVENT_LINE_FIELDS = Set.of("id", "eventTime", "arrivalTime", "kind", "label");

    final List<String> columns;
    final int eventIndex;
    final int arrivalIndex;
    final int keyIndex;
    /** Per column, its SQL type, or null if it is not a SQL column (dropped, or the arrival time). */
    final SqlType[] types;
    /** Per column, the trace field holding it, or null. */
    final TraceField[] fields;

    private ImportPlan(List<String> columns, int eventIndex, int arrivalIndex, int keyIndex, SqlType[] types, TraceField[] fields) {
        this.columns = columns;
        this.eventIndex = eventIndex;
        this.arrivalIndex = arrivalIndex;
        this.keyIndex = keyIndex;
        this.types = types;
        this.fields = fields;
    }

    /** Checks that every column the settings name exists, and returns its index. */
    private static void require(RowSource source, String name, String option) {
        int i = source.indexOf(name);
        if (i < 0) {
            throw new InvalidInputException(source.file() + ": no column '" + name + "' (" + option + "); the columns are: "
                    + String.join(", ", source.columns()));
        }
    }

    /** Checks that every column the settings name is a column of {@code source}. */
    static void requireNamed(ImportSettings settings, RowSource source) {
        require(source, settings.eventTime(), "--event-time");
        if (settings.arrivalTime() != null) {
            require(source, settings.arrivalTime(), "--arrival-time");
        }
        if (settings.key() != null) {
            require(source, settings.key(), "--key");
        }
        for (String kept : settings.columns()) {
            require(source, kept, "--columns");
        }
        for (String typed : settings.types().keySet()) {
            require(source, typed, "--types");
        }
    }

    /** The plan for the columns of {@code source}, their types inferred by {@code stats} over {@code rows} rows unless overridden. */
    static ImportPlan of(ImportSettings settings, RowSource source, List<ColumnStats> seen, long rows) {
        // A column named only by rows that were skipped as bad has no value in any row imported.
        List<ColumnStats> stats = new java.util.ArrayList<>(seen);
        while (stats.size() < source.columns().size()) {
            stats.add(new ColumnStats());
        }
        requireNamed(settings, source);
        List<String> columns = List.copyOf(source.columns());
        int eventIndex = source.indexOf(settings.eventTime());
        int arrivalIndex = settings.arrivalTime() == null ? -1 : source.indexOf(settings.arrivalTime());
        int keyIndex = settings.key() == null ? -1 : source.indexOf(settings.key());
        if (arrivalIndex == eventIndex || keyIndex == eventIndex || (keyIndex >= 0 && keyIndex == arrivalIndex)) {
            throw new InvalidInputException("--event-time, --arrival-time and --key must name different columns");
        }
        SqlType[] types = new SqlType[columns.size()];
        Map<String, String> names = new java.util.HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            boolean kept = i == eventIndex || i == keyIndex || (i != arrivalIndex
                    && (settings.columns().isEmpty() || settings.columns().contains(name)));
            if (kept) {
                SqlType override = settings.types().get(name);
                types[i] = override != null ? override : i == eventIndex ? SqlType.TIMESTAMP : stats.get(i).inferred(rows);
                String same = names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                if (same != null) {
                    throw new InvalidInputException(source.file() + ": columns '" + same + "' and '" + name
                            + "' differ only in case, which SQL does not tell apart; leave one out with --columns");
                }
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new InvalidInputException(source.file() + ": column '" + name + "' is not a SQL identifier (a letter or _, "
                            + "then letters, digits or _); rename it in the file, or leave it out with --columns");
                }
            }
        }
        checkTimeColumn(settings.types(), settings.eventTime(), "--event-time");
        if (settings.arrivalTime() != null) {
            checkTimeColumn(settings.types(), settings.arrivalTime(), "--arrival-time");
        }
        TraceField[] fields = fields(columns, types, stats, eventIndex, keyIndex);
        return new ImportPlan(columns, eventIndex, arrivalIndex, keyIndex, types, fields);
    }

    private static void checkTimeColumn(Map<String, SqlType> overrides, String column, String option) {
        SqlType t = overrides.get(column);
        if (t != null && t != SqlType.TIMESTAMP) {
            throw new InvalidInputException("--types: column '" + column + "' is the " + option.substring(2).replace('-', ' ')
                    + " (" + option + "), a " + SqlType.TIMESTAMP.sql() + " read with --time-format, not " + t.sql());
        }
    }

    private static TraceField[] fields(List<String> columns, SqlType[] types, List<ColumnStats> stats, int eventIndex, int keyIndex) {
        TraceField[] fields = new TraceField[columns.size()];
        fields[eventIndex] = TraceField.EVENT_TIME;
        if (keyIndex >= 0) {
            fields[keyIndex] = TraceField.KEY;
        }
        int value = -1;
        for (int i = 0; i < columns.size() && value < 0; i++) {
            if (fields[i] == null && types[i] == SqlType.DOUBLE) {
                value = i;
            }
        }
        for (int i = 0; i < columns.size() && value < 0; i++) {
            if (fields[i] == null && types[i] == SqlType.BIGINT && stats.get(i).exactInDouble()) {
                value = i;
            }
        }
        if (value >= 0) {
            fields[value] = TraceField.VALUE;
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (fields[i] == null && types[i] != null) {
                if (rest.size() < ATTRS.length) {
                    fields[i] = ATTRS[rest.size()];
                }
                rest.add(columns.get(i));
            }
        }
        if (rest.size() > ATTRS.length) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (types[i] != null && i != eventIndex && i != keyIndex) {
                    kept.add(columns.get(i));
                }
            }
            throw new InvalidInputException("too many columns: besides the event time and the key, a trace holds a value "
                    + "and 3 attributes, but " + kept.size() + " columns are left (" + String.join(", ", kept)
                    + "); keep at most 4 with --columns, for example --columns " + String.join(",", kept.subList(0, 4)));
        }
        return fields;
    }

    /** The one {@code events} table, VARCHAR columns with their dictionaries (by column index). */
    TraceTables tables(long originMillis, List<List<String>> dictionaries) {
        List<TraceColumn> list = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (fields[i] != null) {
                list.add(new TraceColumn(columns.get(i), types[i], fields[i],
                        types[i] == SqlType.VARCHAR ? dictionaries.get(i) : List.of()));
            }
        }
        TraceTable events = new TraceTable(TraceTables.EVENTS, List.of(), list, columns.get(eventIndex));
        return new TraceTables(originMillis, List.of(events));
    }

    /**
     * The schema: one kind {@code event}, no labels, the key, value and attributes named after their columns (by
     * their field where a column's name is one an event line uses itself, such as {@code id}, or is taken).
     */
    TraceSchema schema(TraceTables tables) {
        Set<String> used = new HashSet<>(EVENT_LINE_FIELDS);
        String key = name(TraceField.KEY, used);
        String value = name(TraceField.VALUE, used);
        String[] attrs = new String[ATTRS.length];
        for (int a = 0; a < ATTRS.length; a++) {
            attrs[a] = indexOf(ATTRS[a]) < 0 ? null : name(ATTRS[a], used);
        }
        return new TraceSchema(List.of("event"), key, value, attrs[0], attrs[1], attrs[2], List.of("none"), tables);
    }

    private String name(TraceField field, Set<String> used) {
        int i = indexOf(field);
        String name = i >= 0 && !used.contains(columns.get(i)) ? columns.get(i) : field.text();
        while (used.contains(name)) {
            name = "_" + name;
        }
        used.add(name);
        return name;
    }

    int indexOf(TraceField field) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == field) {
                return i;
            }
        }
        return -1;
    }

    /** For example {@code ts TIMESTAMP(3) (event time), card BIGINT (key), country VARCHAR (attr1), amount DOUBLE (value)}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (fields[i] != null) {
                parts.add(columns.get(i) + " " + types[i].sql() + " ("
                        + (fields[i] == TraceField.EVENT_TIME ? "event time" : fields[i].text()) + ")");
            } else if (i == arrivalIndex) {
                parts.add(columns.get(i) + " (arrival time)");
            }
        }
        return parts.stream().collect(Collectors.joining(", "));
    }
}
