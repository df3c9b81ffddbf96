package org.flowlab.workloads.table;

import java.util.Locale;

/**
 * The SQL types a trace column can have, with the Java class its values take in {@link SqlRow}s (Flink SQL's
 * default conversion classes): {@code BIGINT} → {@link Long}, {@code DOUBLE} → {@link Double}, {@code VARCHAR}
 * → {@link String}, {@code BOOLEAN} → {@link Boolean}, {@code TIMESTAMP(3)} → {@link java.time.LocalDateTime}
 * (UTC wall-clock time, milliseconds).
 */
public enum SqlType {
    BIGINT("BIGINT"),
    DOUBLE("DOUBLE"),
    VARCHAR("VARCHAR"),
    BOOLEAN("BOOLEAN"),
    TIMESTAMP("TIMESTAMP(3)");

    private final String sql;

    SqlType(String sql) {
        this.sql = sql;
    }

    /** The type as SQL writes it, for example {@code TIMESTAMP(3)}. */
    public String sql() {
        return sql;
    }

    /** The name in trace files and on the command line: {@code bigint}, {@code double}, … */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code text} (any case; {@code timestamp(3)} too), or null. */
    public static SqlType parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (SqlType type : values()) {
            if (type.name().equals(t) || type.sql.equals(t)) {
                return type;
            }
        }
        return null;
    }
}
