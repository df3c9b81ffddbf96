package org.flowlab.workloads.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;

/**
 * Typed, validated access to one JSON object of a workload spec. Every failure is an
 * {@link InvalidInputException} whose one-line message names the source file, the field's path
 * and what is allowed, for example
 * {@code card-fraud.json: keys.s: must be > 0 (got -1.0)}.
 */
public final class SpecReader {
    private final String source;
    private final String path;
    private final JsonObject object;

    public SpecReader(String source, JsonObject object) {
        this(source, "", object);
    }

    private SpecReader(String source, String path, JsonObject object) {
        this.source = source;
        this.path = path;
        this.object = object;
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
        return new InvalidInputException(source + ": " + pathOf(field) + ": " + problem);
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
        return new SpecReader(source, pathOf(field), e.getAsJsonObject());
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
            throw error(field, "must be a whole number between " + lo + " and " + hi + " (got " + (long) d + ")");
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
