package org.flowlab.workloads.trace;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import com.google.gson.stream.JsonWriter;
import org.flowlab.workloads.TraceSchema;

/**
 * The fields of one event line, named by a trace schema: {@code id}, {@code eventTime},
 * {@code arrivalTime}, {@code kind}, the schema's key and value names, the attribute columns it
 * names (unnamed ones are left out), and {@code label}.
 */
final class EventColumns {
    static final int ID = 0;
    static final int EVENT_TIME = 1;
    static final int ARRIVAL_TIME = 2;
    static final int KIND = 3;
    static final int KEY = 4;
    static final int VALUE = 5;
    static final int ATTR1 = 6;
    static final int ATTR2 = 7;
    static final int ATTR3 = 8;
    static final int LABEL = 9;
    static final int COUNT = 10;

    private final String[] names = new String[COUNT];
    private final String[] quotedKinds;
    private final String[] quotedLabels;

    private EventColumns(TraceSchema schema) {
        names[ID] = "id";
        names[EVENT_TIME] = "eventTime";
        names[ARRIVAL_TIME] = "arrivalTime";
        names[KIND] = "kind";
        names[KEY] = schema.key();
        names[VALUE] = schema.value();
        names[ATTR1] = schema.attr1();
        names[ATTR2] = schema.attr2();
        names[ATTR3] = schema.attr3();
        names[LABEL] = "label";
        quotedKinds = schema.kinds().stream().map(EventColumns::quote).toArray(String[]::new);
        quotedLabels = schema.labels().stream().map(EventColumns::quote).toArray(String[]::new);
    }

    /**
     * The columns of {@code schema}, or an explanation of why its names cannot make an event line
     * that reads back unambiguously.
     */
    static EventColumns of(TraceSchema schema) {
        String problem = problem(schema);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new EventColumns(schema);
    }

    /** Why the schema cannot be written, or null if it can. */
    static String problem(TraceSchema schema) {
        EventColumns columns = new EventColumns(schema);
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < COUNT; c++) {
            String name = columns.names[c];
            if (name != null && !seen.add(name)) {
                return "schema: the column name \"" + name + "\" is used twice; event fields id, eventTime, arrivalTime,"
                        + " kind, label and the key, value and attribute names must all differ";
            }
        }
        String kinds = duplicate(schema.kinds());
        if (kinds != null) {
            return "schema.kinds: \"" + kinds + "\" appears twice; kind names must differ";
        }
        String labels = duplicate(schema.labels());
        if (labels != null) {
            return "schema.labels: \"" + labels + "\" appears twice; label names must differ";
        }
        return null;
    }

    private static String duplicate(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                return name;
            }
        }
        return null;
    }

    /** The column's field name, or null if the schema leaves that attribute unnamed. */
    String name(int column) {
        return names[column];
    }

    boolean used(int column) {
        return names[column] != null;
    }

    /** The used columns' names, in line order. */
    List<String> usedNames() {
        List<String> used = new ArrayList<>();
        for (String name : names) {
            if (name != null) {
                used.add(name);
            }
        }
        return used;
    }

    /** The kind's name as a JSON string literal. */
    String quotedKind(int kind) {
        return quotedKinds[kind];
    }

    /** The label's name as a JSON string literal. */
    String quotedLabel(int label) {
        return quotedLabels[label];
    }

    /** {@code s} as a JSON string literal, escaped as Gson escapes it. */
    static String quote(String s) {
        StringWriter out = new StringWriter(s.length() + 2);
        try (JsonWriter writer = new JsonWriter(out)) {
            writer.value(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
