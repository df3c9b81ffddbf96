package org.flowlab.workloads.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of a SQL query's result, its values in one normal form so that rows from Flowlab's compiled jobs and
 * from Flink SQL compare with {@code equals}: whole numbers as {@link Long}, floating point as {@link Double},
 * decimals as {@link BigDecimal} without trailing zeros, text as {@link String}, {@link Boolean}s, timestamps as
 * {@link LocalDateTime} (UTC), and SQL NULL as null. Rows sort by {@link #ORDER}, so a result's rows can be
 * compared as a sorted list: a multiset.
 *
 * @param values the row's values, in the query's column order
 */
public record SqlRow(List<Object> values) implements Comparable<SqlRow> {

    /** Column by column: NULL first, then by type (numbers, text, booleans, times), then by value. */
    public static final Comparator<SqlRow> ORDER = SqlRow::compareTo;

    public SqlRow {
        List<Object> normal = new ArrayList<>(values.size());
        for (Object v : values) {
            normal.add(normalize(v));
        }
        values = Collections.unmodifiableList(normal);
    }

    public static SqlRow of(Object... values) {
        return new SqlRow(Arrays.asList(values));
    }

    public int arity() {
        return values.size();
    }

    public Object get(int i) {
        return values.get(i);
    }

    /** A value in the normal form (see the class comment); an unknown class is an error naming it. */
    public static Object normalize(Object v) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Boolean || v instanceof LocalDateTime) {
            return v;
        }
        if (v instanceof Double d) {
            return d == 0.0 ? 0.0 : d; // -0.0 and 0.0 are one SQL value
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return normalize(f.doubleValue());
        }
        if (v instanceof BigDecimal b) {
            return b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros();
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        throw new IllegalArgumentException("a SQL value of class " + v.getClass().getName() + " has no normal form");
    }

    @Override
    public int compareTo(SqlRow o) {
        int n = Math.min(values.size(), o.values.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(values.get(i), o.values.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(values.size(), o.values.size());
    }

    /** Two normal values: NULL first, numbers (of any class, by value), text, booleans, times. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareValues(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a == null) {
            return 0;
        }
        if (ra == 1 && a.getClass() != b.getClass()) {
            int c = decimal(a).compareTo(decimal(b));
            return c != 0 ? c : a.getClass().getName().compareTo(b.getClass().getName());
        }
        return ((Comparable) a).compareTo(b);
    }

    private static BigDecimal decimal(Object number) {
        if (number instanceof BigDecimal b) {
            return b;
        }
        if (number instanceof Double d) {
            return Double.isFinite(d) ? new BigDecimal(d) : BigDecimal.valueOf(d > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        return BigDecimal.valueOf((Long) number);
    }

    private static int rank(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number) {
            return 1;
        }
        if (v instanceof String) {
            return 2;
        }
        if (v instanceof Boolean) {
            return 3;
        }
        return 4;
    }

    /** For example {@code (1042, 3, 17.5)}. */
    @Override
    public String toString() {
        return values.stream().map(v -> v == null ? "NULL" : v instanceof String s ? "'" + s + "'" : v.toString())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
