package org.flowlab.workloads.table;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.flowlab.workloads.Trace;

/**
 * One column of a trace table: its SQL name and type, and the trace field that holds its values, encoded so
 * that a trace stays columns of primitives:
 * <ul>
 *   <li>{@code BIGINT}: a long field as it is; the value field cast to a long;</li>
 *   <li>{@code DOUBLE}: the value field as it is; a long field holds the double's bits
 *       ({@link Double#doubleToLongBits});</li>
 *   <li>{@code VARCHAR}: an index into {@code dictionary} (for the kind field, the trace's kinds); a negative
 *       index is SQL NULL;</li>
 *   <li>{@code BOOLEAN}: 0 or 1;</li>
 *   <li>{@code TIMESTAMP(3)}: nanoseconds of virtual time, the instant {@link TraceTables#originMillis} standing
 *       for 0; read as UTC wall-clock time, cut to the millisecond as SQL's {@code TIMESTAMP(3)} is.</li>
 * </ul>
 *
 * @param name       the column's SQL name
 * @param type       its SQL type
 * @param field      the trace field that holds it
 * @param dictionary the strings a {@code VARCHAR} column's indexes stand for (empty for other types and for the kind field)
 */
public record TraceColumn(String name, SqlType type, TraceField field, List<String> dictionary) {

    private static final long NANOS_PER_MILLI = 1_000_000;

    public TraceColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(field, "field");
        dictionary = List.copyOf(dictionary);
        if (!TraceTable.isIdentifier(name)) {
            throw new IllegalArgumentException("column name '" + name + "' is not a SQL identifier (a letter or _, then letters, digits or _)");
        }
        if (field == TraceField.EVENT_TIME && type != SqlType.TIMESTAMP) {
            throw new IllegalArgumentException("column " + name + ": the event time is a " + SqlType.TIMESTAMP.sql() + " column, not " + type.sql());
        }
        if (field == TraceField.KIND && type != SqlType.VARCHAR) {
            throw new IllegalArgumentException("column " + name + ": the kind is a VARCHAR column, not " + type.sql());
        }
        if (field == TraceField.VALUE && type != SqlType.BIGINT && type != SqlType.DOUBLE) {
            throw new IllegalArgumentException("column " + name + ": the value field holds BIGINT or DOUBLE columns, not " + type.sql());
        }
        if (!dictionary.isEmpty() && (type != SqlType.VARCHAR || field == TraceField.KIND)) {
            throw new IllegalArgumentException("column " + name + ": only a VARCHAR column outside the kind field has a dictionary");
        }
    }

    /** A column without a dictionary. */
    public static TraceColumn of(String name, SqlType type, TraceField field) {
        return new TraceColumn(name, type, field, List.of());
    }

    /** A VARCHAR column whose field holds indexes into {@code dictionary}. */
    public static TraceColumn strings(String name, TraceField field, List<String> dictionary) {
        return new TraceColumn(name, SqlType.VARCHAR, field, dictionary);
    }

    /** Event {@code i}'s value of this column, in its {@link SqlType}'s Java class (null for SQL NULL). */
    public Object read(Trace trace, int i, long originMillis) {
        return decode(field.rawOf(trace, i), trace.schema().kinds(), originMillis);
    }

    /**
     * The SQL value of this column's field content, as {@link TraceField#rawOf} gives it: the value field's
     * double as its bits, the kind as its index into {@code kinds}, every other field as it is.
     */
    public Object decode(long raw, List<String> kinds, long originMillis) {
        return switch (field) {
            case KIND -> kinds.get((int) raw);
            case VALUE -> fromDouble(Double.longBitsToDouble(raw));
            default -> fromLong(raw, originMillis);
        };
    }

    private Object fromLong(long raw, long originMillis) {
        return switch (type) {
            case BIGINT -> raw;
            case DOUBLE -> Double.longBitsToDouble(raw);
            case VARCHAR -> raw < 0 || raw >= dictionary.size() ? null : dictionary.get((int) raw);
            case BOOLEAN -> raw != 0;
            case TIMESTAMP -> timestamp(raw, originMillis);
        };
    }

    private Object fromDouble(double raw) {
        return type == SqlType.BIGINT ? (Object) (long) raw : (Object) raw;
    }

    /** The UTC wall-clock time of virtual time {@code nanos}, cut to the millisecond (floor). */
    public static LocalDateTime timestamp(long nanos, long originMillis) {
        long millis = originMillis + Math.floorDiv(nanos, NANOS_PER_MILLI);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC);
    }

    /** Virtual nanoseconds of a wall-clock time (UTC), the inverse of {@link #timestamp} on whole milliseconds. */
    public static long nanos(LocalDateTime time, long originMillis) {
        long millis = time.toInstant(ZoneOffset.UTC).toEpochMilli();
        return Math.multiplyExact(millis - originMillis, NANOS_PER_MILLI);
    }

    /** For example {@code price BIGINT (value)}. */
    @Override
    public String toString() {
        return name + " " + type.sql() + " (" + field.text() + ")";
    }
}
