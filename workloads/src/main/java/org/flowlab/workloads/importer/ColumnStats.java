package org.flowlab.workloads.importer;

import java.util.regex.Pattern;
import org.flowlab.workloads.table.SqlType;

/**
 * What the first pass learns of one column's values: which types every value so far reads as, and how many rows
 * have a value. Each type is tried until the first value that is not of it, so a column costs at most one failed
 * parse per type.
 */
final class ColumnStats {
    /** Decimal numbers as SQL and CSV files write them: no hexadecimal, no NaN, no Infinity, no {@code 1d}. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** The largest magnitude up to which every whole number is exactly a double. */
    static final long EXACT_IN_DOUBLE = 1L << 53;

    private boolean bigint = true;
    private boolean decimal = true;
    private boolean bool = true;
    private boolean time = true;
    private boolean exactInDouble = true;
    private long present;

    /** Takes one value into account ({@code cell} not null). */
    void add(String cell, TimeFormat format) {
        present++;
        if (bigint) {
            Long n = bigint(cell);
            if (n == null) {
                bigint = false;
            } else if (n > EXACT_IN_DOUBLE || n < -EXACT_IN_DOUBLE) {
                exactInDouble = false;
            }
        }
        if (!bigint && decimal) {
            decimal = decimal(cell) != null;
        }
        if (bool) {
            bool = bool(cell) != null;
        }
        if (time) {
            time = format.isText() && format.nanos(cell) != null;
        }
    }

    /**
     * The type every value reads as, of {@code rows} rows: BIGINT, DOUBLE, BOOLEAN, TIMESTAMP (in the time format)
     * in that order of preference, else VARCHAR; VARCHAR too when some row has no value, since only VARCHAR
     * columns hold NULL.
     */
    SqlType inferred(long rows) {
        if (present == 0 || present < rows) {
            return SqlType.VARCHAR;
        }
        if (bigint) {
            return SqlType.BIGINT;
        }
        if (decimal) {
            return SqlType.DOUBLE;
        }
        if (bool) {
            return SqlType.BOOLEAN;
        }
        return time ? SqlType.TIMESTAMP : SqlType.VARCHAR;
    }

    /** Whether every value, if the column is BIGINT, is exactly a double (so it may live in the value field). */
    boolean exactInDouble() {
        return exactInDouble;
    }

    static Long bigint(String cell) {
        try {
            return Long.parseLong(cell.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double decimal(String cell) {
        String t = cell.trim();
        if (!DECIMAL.matcher(t).matches()) {
            return null;
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }

    static Boolean bool(String cell) {
        String t = cell.trim();
        return t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }
}
