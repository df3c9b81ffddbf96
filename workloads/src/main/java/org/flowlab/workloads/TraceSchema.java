package org.flowlab.workloads;

import java.util.List;
import java.util.Objects;
import org.flowlab.workloads.table.TraceTables;

/**
 * Names the columns of a trace for one scenario, so that files, charts and notebooks can say
 * "country" rather than "attr1". A name of {@code null} marks a column the scenario does not use.
 *
 * @param kinds      the event kinds, indexed by {@link Event#kind()}
 * @param key        what the key is (card, store, auction …)
 * @param value      what the value is (amount, price …)
 * @param attr1      what attr1 is, or null
 * @param attr2      what attr2 is, or null
 * @param attr3      what attr3 is, or null
 * @param labels     the ground-truth labels, indexed by {@link Event#label()}; index 0 is "none"
 * @param tables     the trace read as SQL tables ({@link TraceTables#generic} unless the scenario or the
 *                   import names its own)
 */
public record TraceSchema(List<String> kinds, String key, String value,
                          String attr1, String attr2, String attr3, List<String> labels, TraceTables tables) {

    /** A schema whose SQL tables are the one generic {@code events} table. */
    public TraceSchema(List<String> kinds, String key, String value, String attr1, String attr2, String attr3,
                       List<String> labels) {
        this(kinds, key, value, attr1, attr2, attr3, labels, TraceTables.generic(key, value, attr1, attr2, attr3));
    }

    public TraceSchema {
        kinds = List.copyOf(kinds);
        labels = List.copyOf(labels);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tables, "tables");
        if (kinds.isEmpty() || kinds.size() > 127) {
            throw new IllegalArgumentException("a schema has 1 to 127 kinds, got " + kinds.size());
        }
        for (var table : tables.tables()) {
            for (String kind : table.kinds()) {
                if (!kinds.contains(kind)) {
                    throw new IllegalArgumentException("table " + table.name() + " holds kind '" + kind + "', which the schema lacks; kinds: " + kinds);
                }
            }
        }
        if (labels.isEmpty() || labels.size() > 127) {
            throw new IllegalArgumentException("a schema has 1 to 127 labels (index 0 = none), got " + labels.size());
        }
    }

    /** The index of a kind by name, or -1. */
    public int kindIndex(String name) {
        return kinds.indexOf(name);
    }

    /** The index of a label by name, or -1. */
    public int labelIndex(String name) {
        return labels.indexOf(name);
    }

    /** The same schema read as {@code newTables}. */
    public TraceSchema withTables(TraceTables newTables) {
        return new TraceSchema(kinds, key, value, attr1, attr2, attr3, labels, newTables);
    }
}
