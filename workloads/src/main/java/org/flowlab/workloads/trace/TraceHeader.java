package org.flowlab.workloads.trace;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowlab.workloads.GroundTruth;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTable;
import org.flowlab.workloads.table.TraceTables;

/**
 * The first line of a trace file: what made the trace (scenario, seed, settings), how its columns
 * are named, its ground truth, and how many event lines follow.
 */
record TraceHeader(String scenario, long seed, JsonObject spec, TraceSchema schema,
                   GroundTruth groundTruth, int events) {

    static final String FORMAT = "flowlab-trace";
    static final int VERSION = 1;
    private static final Set<String> FIELDS =
            Set.of("format", "version", "scenario", "seed", "spec", "schema", "groundTruth", "events");
    private static final Set<String> SCHEMA_FIELDS =
            Set.of("kinds", "key", "value", "attr1", "attr2", "attr3", "labels", "tables");
    private static final Set<String> TABLES_FIELDS = Set.of("origin", "tables");
    private static final Set<String> TABLE_FIELDS = Set.of("name", "kinds", "rowtime", "columns");
    private static final Set<String> COLUMN_FIELDS = Set.of("name", "type", "field", "dictionary");
    private static final Set<String> EPISODE_FIELDS = Set.of("kind", "key", "start", "end");

    static TraceHeader of(Trace trace) {
        return new TraceHeader(trace.spec().scenario(), trace.seed(), trace.spec().settings(), trace.schema(),
                trace.groundTruth(), trace.size());
    }

    /** The header as one line of JSON, fields in a fixed order. */
    String toJson() {
        StringWriter out = new StringWriter(256);
        try (JsonWriter w = new JsonWriter(out)) {
            w.setStrictness(Strictness.STRICT);
            w.beginObject();
            w.name("format").value(FORMAT);
            w.name("version").value(VERSION);
            w.name("scenario").value(scenario);
            w.name("seed").value(seed);
            w.name("spec");
            writeElement(w, spec, "spec");
            w.name("schema").beginObject();
            w.name("kinds");
            writeStrings(w, schema.kinds());
            w.name("key").value(schema.key());
            w.name("value").value(schema.value());
            w.name("attr1").value(schema.attr1());
            w.name("attr2").value(schema.attr2());
            w.name("attr3").value(schema.attr3());
            w.name("labels");
            writeStrings(w, schema.labels());
            if (!schema.tables().equals(TraceTables.generic(schema.key(), schema.value(), schema.attr1(), schema.attr2(),
                    schema.attr3()))) {
                writeTables(w, schema.tables()); // the generic tables are left out: files without "tables" mean them
            }
            w.endObject();
            w.name("groundTruth").beginArray();
            for (GroundTruth.Episode e : groundTruth.episodes()) {
                w.beginObject();
                w.name("kind").value(e.kind());
                w.name("key").value(e.key());
                w.name("start").value(e.start());
                w.name("end").value(e.end());
                w.endObject();
            }
            w.endArray();
            w.name("events").value(events);
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void writeTables(JsonWriter w, TraceTables tables) throws IOException {
        w.name("tables").beginObject();
        w.name("origin").value(tables.originMillis());
        w.name("tables").beginArray();
        for (TraceTable t : tables.tables()) {
            w.beginObject();
            w.name("name").value(t.name());
            w.name("kinds");
            writeStrings(w, t.kinds());
            w.name("rowtime").value(t.rowtime());
            w.name("columns").beginArray();
            for (TraceColumn c : t.columns()) {
                w.beginObject();
                w.name("name").value(c.name());
                w.name("type").value(c.type().text());
                w.name("field").value(c.field().text());
                if (!c.dictionary().isEmpty()) {
                    w.name("dictionary");
                    writeStrings(w, c.dictionary());
                }
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void writeStrings(JsonWriter w, List<String> strings) throws IOException {
        w.beginArray();
        for (String s : strings) {
            w.value(s);
        }
        w.endArray();
    }

    /** Writes a spec value; doubles through {@link ShortestDecimal} so the text does not depend on the JDK. */
    private static void writeElement(JsonWriter w, JsonElement e, String path) throws IOException {
        if (e == null || e.isJsonNull()) {
            w.nullValue();
        } else if (e.isJsonObject()) {
            w.beginObject();
            for (Map.Entry<String, JsonElement> field : e.getAsJsonObject().entrySet()) {
                w.name(field.getKey());
                writeElement(w, field.getValue(), path + "." + field.getKey());
            }
            w.endObject();
        } else if (e.isJsonArray()) {
            w.beginArray();
            JsonArray array = e.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                writeElement(w, array.get(i), path + "[" + i + "]");
            }
            w.endArray();
        } else {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                w.value(p.getAsBoolean());
            } else if (p.isString()) {
                w.value(p.getAsString());
            } else {
                Number n = p.getAsNumber();
                if (n instanceof Double || n instanceof Float) {
                    double d = n.doubleValue();
                    if (!Double.isFinite(d)) {
                        throw new IllegalArgumentException(path + " is " + d + "; JSON has no text for it");
                    }
                    w.jsonValue(ShortestDecimal.of(d));
                } else {
                    w.value(n); // checks that the number's text is a JSON number
                }
            }
        }
    }

    /**
     * Reads and validates a header line; every problem is an {@link InvalidInputException}
     * starting with {@code where} ("file:1").
     */
    static TraceHeader parse(String where, String line) {
        JsonObject header = parseObject(where, line);
        Fields f = new Fields(where, "", header);
        if (!header.has("format")) {
            throw f.fail("not a Flowlab trace file: the first line has no \"format\":\"" + FORMAT + "\"");
        }
        String format = f.string("format");
        if (!format.equals(FORMAT)) {
            throw f.fail("not a Flowlab trace file: format is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        long version = f.integer("version", Long.MIN_VALUE, Long.MAX_VALUE);
        if (version != VERSION) {
            throw f.fail("trace format version " + version + " is not supported; this Flowlab reads version " + VERSION);
        }
        f.onlyFields(FIELDS);
        String scenario = f.string("scenario");
        long seed = f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        JsonObject spec = f.object("spec").object;
        TraceSchema schema = schema(f.object("schema"));
        GroundTruth truth = groundTruth(f);
        int events = (int) f.integer("events", 0, Integer.MAX_VALUE);
        return new TraceHeader(scenario, seed, spec, schema, truth, events);
    }

    private static JsonObject parseObject(String where, String line) {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(line));
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (!TraceFileReader.atEnd(reader)) {
                throw new InvalidInputException(where + ": unexpected text after the header object");
            }
        } catch (JsonParseException | IllegalStateException e) {
            throw new InvalidInputException(where + ": header: " + MalformedJson.describe(e));
        }
        if (!root.isJsonObject()) {
            throw new InvalidInputException(where + ": header: must be a JSON object {…} (got " + Fields.describe(root) + ")");
        }
        return root.getAsJsonObject();
    }

    private static TraceSchema schema(Fields f) {
        f.onlyFields(SCHEMA_FIELDS);
        List<String> kinds = f.strings("kinds");
        List<String> labels = f.strings("labels");
        String key = f.string("key");
        String value = f.string("value");
        String attr1 = f.optionalString("attr1");
        String attr2 = f.optionalString("attr2");
        String attr3 = f.optionalString("attr3");
        TraceSchema schema;
        try {
            schema = new TraceSchema(kinds, key, value, attr1, attr2, attr3, labels);
            if (f.object.has("tables")) {
                schema = schema.withTables(tables(f.object("tables")));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(f.where + ": " + f.path + ": " + e.getMessage());
        }
        String problem = EventColumns.problem(schema);
        if (problem != null) {
            throw new InvalidInputException(f.where + ": " + problem);
        }
        return schema;
    }

    /** The schema's SQL tables; a file without them (written before tables existed) reads as the generic one. */
    private static TraceTables tables(Fields f) {
        f.onlyFields(TABLES_FIELDS);
        long origin = f.integer("origin", Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
        JsonArray array = f.array("tables");
        List<TraceTable> tables = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Fields t = f.element("tables", i, array.get(i));
            t.onlyFields(TABLE_FIELDS);
            JsonArray columnArray = t.array("columns");
            List<TraceColumn> columns = new ArrayList<>(columnArray.size());
            for (int j = 0; j < columnArray.size(); j++) {
                Fields c = t.element("columns", j, columnArray.get(j));
                c.onlyFields(COLUMN_FIELDS);
                String typeText = c.string("type");
                SqlType type = SqlType.parse(typeText);
                if (type == null) {
                    throw c.fail("type", "'" + typeText + "' is not a column type; allowed: bigint, double, varchar, boolean, timestamp");
                }
                String fieldText = c.string("field");
                TraceField field = TraceField.parse(fieldText);
                if (field == null) {
                    throw c.fail("field", "'" + fieldText + "' is not a trace field; allowed: eventTime, kind, key, value, attr1, attr2, attr3");
                }
                List<String> dictionary = c.object.has("dictionary") ? c.strings("dictionary") : List.of();
                columns.add(fail(c, () -> new TraceColumn(c.string("name"), type, field, dictionary)));
            }
            tables.add(fail(t, () -> new TraceTable(t.string("name"), t.strings("kinds"), columns, t.string("rowtime"))));
        }
        return fail(f, () -> new TraceTables(origin, tables));
    }

    /** What {@code make} makes, its one-line {@link IllegalArgumentException} becoming the file's error at {@code f}. */
    private static <T> T fail(Fields f, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(f.where + ": " + f.path + ": " + e.getMessage());
        }
    }

    private static GroundTruth groundTruth(Fields header) {
        JsonArray array = header.array("groundTruth");
        List<GroundTruth.Episode> episodes = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = "groundTruth[" + i + "]";
            JsonElement e = array.get(i);
            if (!e.isJsonObject()) {
                throw new InvalidInputException(header.where + ": " + path + ": must be an object {…} (got "
                        + Fields.describe(e) + ")");
            }
            Fields f = new Fields(header.where, path, e.getAsJsonObject());
            f.onlyFields(EPISODE_FIELDS);
            String kind = f.string("kind");
            long key = f.integer("key", Long.MIN_VALUE, Long.MAX_VALUE);
            long start = f.integer("start", Long.MIN_VALUE, Long.MAX_VALUE);
            long end = f.integer("end", Long.MIN_VALUE, Long.MAX_VALUE);
            if (end < start) {
                throw new InvalidInputException(header.where + ": " + path + ".end: must be >= start (" + start
                        + "), got " + end);
            }
            episodes.add(new GroundTruth.Episode(kind, key, start, end));
        }
        return new GroundTruth(episodes);
    }

    /** Typed access to one object of the header, naming the field's path in errors. */
    private static final class Fields {
        final String where;
        final String path;
        final JsonObject object;

        Fields(String where, String path, JsonObject object) {
            this.where = where;
            this.path = path;
            this.object = object;
        }

        String pathOf(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        InvalidInputException fail(String problem) {
            return new InvalidInputException(where + ": " + problem);
        }

        InvalidInputException fail(String field, String problem) {
            return new InvalidInputException(where + ": " + pathOf(field) + ": " + problem);
        }

        void onlyFields(Set<String> allowed) {
            for (String name : object.keySet()) {
                if (!allowed.contains(name)) {
                    throw fail(name, "unknown field; allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }

        JsonElement require(String field) {
            JsonElement e = object.get(field);
            if (e == null) {
                throw fail(field, "missing");
            }
            return e;
        }

        String string(String field) {
            JsonElement e = require(field);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw fail(field, "must be a string (got " + describe(e) + ")");
            }
            return e.getAsString();
        }

        String optionalString(String field) {
            JsonElement e = require(field);
            if (e.isJsonNull()) {
                return null;
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw fail(field, "must be a string or null (got " + describe(e) + ")");
            }
            return e.getAsString();
        }

        long integer(String field, long lo, long hi) {
            JsonElement e = require(field);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw fail(field, "must be a whole number (got " + describe(e) + ")");
            }
            String text = e.getAsString();
            String allowed = lo == Long.MIN_VALUE && hi == Long.MAX_VALUE
                    ? "a whole number within 64 bits" : "a whole number from " + lo + " to " + hi;
            long n;
            try {
                n = Long.parseLong(text);
            } catch (NumberFormatException x) {
                throw fail(field, "must be " + allowed + " (got " + text + ")");
            }
            if (n < lo || n > hi) {
                throw fail(field, "must be " + allowed + " (got " + text + ")");
            }
            return n;
        }

        Fields object(String field) {
            JsonElement e = require(field);
            if (!e.isJsonObject()) {
                throw fail(field, "must be an object {…} (got " + describe(e) + ")");
            }
            return new Fields(where, pathOf(field), e.getAsJsonObject());
        }

        /** Element {@code i} of array {@code field}, which must be an object. */
        Fields element(String field, int i, JsonElement e) {
            String elementPath = pathOf(field) + "[" + i + "]";
            if (!e.isJsonObject()) {
                throw new InvalidInputException(where + ": " + elementPath + ": must be an object {…} (got " + describe(e) + ")");
            }
            return new Fields(where, elementPath, e.getAsJsonObject());
        }

        JsonArray array(String field) {
            JsonElement e = require(field);
            if (!e.isJsonArray()) {
                throw fail(field, "must be an array […] (got " + describe(e) + ")");
            }
            return e.getAsJsonArray();
        }

        List<String> strings(String field) {
            JsonArray array = array(field);
            List<String> strings = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                JsonElement e = array.get(i);
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                    throw fail(field + "[" + i + "]", "must be a string (got " + describe(e) + ")");
                }
                strings.add(e.getAsString());
            }
            return strings;
        }

        /** A JSON value's kind and, if short, its text, for messages. */
        static String describe(JsonElement e) {
            String kind;
            if (e.isJsonNull()) {
                return "null";
            } else if (e.isJsonObject()) {
                kind = "an object";
            } else if (e.isJsonArray()) {
                kind = "an array";
            } else if (e.getAsJsonPrimitive().isString()) {
                kind = "a string";
            } else if (e.getAsJsonPrimitive().isBoolean()) {
                kind = "a boolean";
            } else {
                kind = "a number";
            }
            String text = e.toString();
            return text.length() <= 40 ? kind + " " + text : kind;
        }
    }
}
