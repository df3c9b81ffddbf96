package org.flowlab.workloads.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;

/**
 * Typed, validated access to one JSON object of a workload spec. Every failure is an
 * {@link InvalidInputException} whose one-line message names the source file, the field's path
 * and what is allowed, for example
 * {@code card-fraud.json: keys.s: must be > 0 (got -1.0)}. A field given elsewhere than the source
 * (on the command line: {@code --rate 1/d}) is named the way it was given instead, for example
 * {@code --rate 1/d with fraud.burstsPerHour 20 of card-fraud.json: fraud bursts would make …}.
 */
public final class SpecReader {
    private final String source;
    private final String path;
    private final JsonObject object;
    private final JsonObject root;
    private final Map<String, String> givenBy;

    public SpecReader(String source, JsonObject object) {
        this(source, object, Map.of());
    }

    /**
     * @param givenBy the fields (dotted paths from {@code object}) that did not come from {@code source}, each
     *                with how it was given, which errors about it name instead of the source
     */
    public SpecReader(String source, JsonObject object, Map<String, String> givenBy) {
        this(source, "", object, object, Map.copyOf(givenBy));
    }

    private SpecReader(String source, String path, JsonObject object, JsonObject root, Map<String, String> givenBy) {
        this.source = source;
        this.path = path;
        this.object = object;
        this.root = root;
        this.givenBy = givenBy;
    }

    public String source() {
        return source;
    }

    /** The dotted path of a field of this object, for messages. */
    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public JsonObject json() {
        return object;
    }

    public boolean has(String field) {
        return object.has(field) && !object.get(field).isJsonNull();
    }

    /** An error about a field of this object. */
    public InvalidInputException error(String field, String problem) {
        return error(List.of(field), problem);
    }

    /**
     * An error about fields of this object that cannot go together, {@code fields.get(0)} the one named when
     * all come from the source; when some were given otherwise ({@code --rate 1/d}), it names how they were
     * given, followed by the source's fields involved and their values.
     */
    public InvalidInputException error(List<String> fields, String problem) {
        Set<String> given = new LinkedHashSet<>();
        List<String> fromSource = new ArrayList<>();
        for (String field : fields) {
            String p = pathOf(field);
            String how = givenBy(p);
            if (how != null) {
                given.add(how);
            } else {
                fromSource.add(p);
            }
        }
        if (given.isEmpty()) {
            return new InvalidInputException(source + ": " + pathOf(fields.get(0)) + ": " + problem);
        }
        StringBuilder where = new StringBuilder(String.join(" with ", given));
        if (!fromSource.isEmpty()) {
            List<String> values = new ArrayList<>();
            for (String p : fromSource) {
                String value = valueAt(p);
                values.add(value == null ? p : p + " " + value);
            }
            where.append(" with ").append(String.join(", ", values)).append(" of ").append(source);
        }
        return new InvalidInputException(where + ": " + problem);
    }

    /** How the field at {@code fullPath} was given, if not by the source: its own entry's, or an enclosing object's. */
    private String givenBy(String fullPath) {
        for (String p = fullPath; ; p = p.substring(0, p.lastIndexOf('.'))) {
            String how = givenBy.get(p);
            if (how != null || p.indexOf('.') < 0) {
                return how;
            }
        }
    }

    /** The value at a dotted path from the top, as written ({@code 20}, {@code 10m}), or null if it is not one value. */
    private String valueAt(String fullPath) {
        JsonElement e = root;
        for (String name : fullPath.split("\\.")) {
            if (!e.isJsonObject() || !e.getAsJsonObject().has(name)) {
                return null;
            }
            e = e.getAsJsonObject().get(name);
        }
        return e.isJsonPrimitive() ? e.getAsString() : null;
    }

    /** Fails if the object has a field not in {@code allowed} (catches typos such as "zipfs"). */
    public SpecReader rejectUnknown(Collection<String> allowed) {
        for (String name : object.keySet()) {
            if (!allowed.contains(name)) {
                throw error(name, "unknown field; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    public SpecReader rejectUnknown(String... allowed) {
        return rejectUnknown(Set.of(allowed));
    }

    /** The nested object under {@code field}. */
    public SpecReader object(String field) {
        JsonElement e = require(field);
        if (!e.isJsonObject()) {
            throw error(field, "must be an object {…} (got " + e + ")");
        }
        return new SpecReader(source, pathOf(field), e.getAsJsonObject(), root, givenBy);
    }

    public String string(String field) {
        JsonPrimitive p = primitive(field);
        if (!p.isString()) {
            throw error(field, "must be a string (got " + p + ")");
        }
        return p.getAsString();
    }

    /** A string that must be one of the allowed values. */
    public String oneOf(String field, Collection<String> allowed) {
        String s = string(field);
        if (!allowed.contains(s)) {
            throw error(field, "must be one of " + String.join(", ", allowed) + " (got \"" + s + "\")");
        }
        return s;
    }

    public double number(String field) {
        JsonPrimitive p = primitive(field);
        if (!p.isNumber()) {
            throw error(field, "must be a number (got " + p + ")");
        }
        double d = p.getAsDouble();
        if (!Double.isFinite(d)) {
            throw error(field, "must be a finite number (got " + p + ")");
        }
        return d;
    }

    public double positive(String field) {
        double d = number(field);
        if (!(d > 0)) {
            throw error(field, "must be > 0 (got " + d + ")");
        }
        return d;
    }

    public double nonNegative(String field) {
        double d = number(field);
        if (d < 0) {
            throw error(field, "must be >= 0 (got " + d + ")");
        }
        return d;
    }

    /** A number in [lo, hi]. */
    public double between(String field, double lo, double hi) {
        double d = number(field);
        if (d < lo || d > hi) {
            throw error(field, "must be between " + fmt(lo) + " and " + fmt(hi) + " (got " + d + ")");
        }
        return d;
    }

    public double probability(String field) {
        double d = number(field);
        if (d < 0 || d > 1) {
            throw error(field, "must be a probability between 0 and 1 (got " + d + ")");
        }
        return d;
    }

    /** An integer in [lo, hi]. */
    public long integer(String field, long lo, long hi) {
        double d = number(field);
        if (d != Math.rint(d)) {
            throw error(field, "must be a whole number (got " + d + ")");
        }
        if (d < lo || d > hi) {
            // As written: a cast would turn 1e308 into 9223372036854775807.
            throw error(field, "must be a whole number between " + lo + " and " + hi + " (got " + primitive(field).getAsString() + ")");
        }
        return (long) d;
    }

    public int positiveInt(String field) {
        return (int) integer(field, 1, Integer.MAX_VALUE);
    }

    public boolean bool(String field) {
        JsonPrimitive p = primitive(field);
        if (!p.isBoolean()) {
            throw error(field, "must be true or false (got " + p + ")");
        }
        return p.getAsBoolean();
    }

    /** A duration string ({@code "10s"}); it must be positive. */
    public long duration(String field) {
        long d = durationOrZero(field);
        if (d <= 0) {
            throw error(field, "must be a positive duration (got \"" + string(field) + "\")");
        }
        return d;
    }

    /** A duration string that may be zero ({@code "0s"}). */
    public long durationOrZero(String field) {
        String s = string(field);
        try {
            return DurationText.parse(s);
        } catch (DurationText.TooLongException e) {
            throw error(field, "must be " + DurationText.LONGEST + " (got \"" + s + "\")");
        } catch (IllegalArgumentException e) {
            throw error(field, "must be " + DurationText.ALLOWED + " (got \"" + s + "\")");
        }
    }

    /** A rate string ({@code "20000/s"}) or a plain number of events per second; it must be positive. */
    public double rate(String field) {
        JsonPrimitive p = primitive(field);
        if (p.isNumber()) {
            return positive(field);
        }
        String s = p.getAsString();
        try {
            return RateText.parse(s);
        } catch (IllegalArgumentException e) {
            throw error(field, "must be " + RateText.ALLOWED + " (got \"" + s + "\")");
        }
    }

    private JsonPrimitive primitive(String field) {
        JsonElement e = require(field);
        if (!e.isJsonPrimitive()) {
            throw error(field, "must be a single value (got " + e + ")");
        }
        return e.getAsJsonPrimitive();
    }

    private JsonElement require(String field) {
        JsonElement e = object.get(field);
        if (e == null || e.isJsonNull()) {
            throw error(field, "is missing");
        }
        return e;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
