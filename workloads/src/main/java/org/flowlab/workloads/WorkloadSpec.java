package org.flowlab.workloads;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flowlab.workloads.scenario.ScenarioCatalog;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * What to generate: a scenario of the catalog and its settings, the scenario's commented defaults
 * with any overrides merged in. Together with a seed it fixes a trace completely
 * ({@link WorkloadGenerator#generate}).
 *
 * <p>Every scenario has the fields {@code scenario}, {@code description}, {@code duration} and
 * {@code rate} (its mean input rate); the rest are the scenario's own.
 *
 * @param scenario the catalog name, for example {@code card-fraud}
 * @param source   where the settings came from, named in error messages
 * @param settings the merged settings; treat as read-only (accessors return copies)
 * @param givenBy  the settings that did not come from {@code source}: each field's dotted path, and how it
 *                 was given ({@code --rate 1/d}), which errors about the field name instead of the source
 */
public record WorkloadSpec(String scenario, String source, JsonObject settings, Map<String, String> givenBy) {

    public WorkloadSpec {
        settings = settings.deepCopy();
        givenBy = Map.copyOf(givenBy);
    }

    /** Settings that all came from {@code source}. */
    public WorkloadSpec(String scenario, String source, JsonObject settings) {
        this(scenario, source, settings, Map.of());
    }

    @Override
    public JsonObject settings() {
        return settings.deepCopy();
    }

    /**
     * Equal scenario, source and settings: how a setting was given ({@link #givenBy}) words a message
     * and changes nothing else, so {@code --rate 88/s} and a plan's {@code withRate(88)} are the same spec.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof WorkloadSpec w && scenario.equals(w.scenario) && source.equals(w.source) && settings.equals(w.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scenario, source, settings);
    }

    /** Typed, validated access to the settings, naming {@link #source()} in errors, or how a field was given. */
    public SpecReader reader() {
        return new SpecReader(source, settings, givenBy);
    }

    /** The catalog scenario's defaults. */
    public static WorkloadSpec defaults(String scenario) {
        return ScenarioCatalog.get(scenario).defaults();
    }

    /**
     * A spec file: a JSON object (comments allowed) naming its {@code scenario} and overriding any
     * of that scenario's defaults. Nested objects merge field by field, except that an object whose
     * {@code type} changes replaces the default object whole.
     */
    public static WorkloadSpec fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidInputException.cannot("read the spec file", file, e);
        }
        String source = file.toString();
        JsonObject overrides = parseObject(source, text);
        SpecReader reader = new SpecReader(source, overrides);
        String name = reader.oneOf("scenario", ScenarioCatalog.names());
        return ScenarioCatalog.get(name).defaults().merge(source, overrides);
    }

    /** Parses commented JSON that must be one object; malformed text is an {@link InvalidInputException}. */
    public static JsonObject parseObject(String source, String text) {
        try (Reader r = new StringReader(text)) {
            JsonReader reader = new JsonReader(r);
            reader.setStrictness(Strictness.LENIENT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new InvalidInputException(source + ": malformed JSON: unexpected text after the top-level object");
            }
            if (!root.isJsonObject()) {
                throw new InvalidInputException(source + ": must hold one JSON object {…} (got "
                        + (root.isJsonNull() ? "nothing" : root.getClass().getSimpleName()) + ")");
            }
            rejectDuplicateNames(source, text);
            return root.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new InvalidInputException(source + ": malformed JSON: " + firstLine(why));
        }
    }

    /**
     * Refuses an object that names a field twice, at any depth: the parser keeps the last value and
     * says nothing, so {@code "rate": "10/s", …, "rate": "1000/s"} would run at 1000/s unnoticed.
     * Called once the text has parsed, so it meets well-formed JSON only.
     */
    private static void rejectDuplicateNames(String source, String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.LENIENT);
        Deque<Set<String>> names = new ArrayDeque<>();
        while (true) {
            switch (reader.peek()) {
                case BEGIN_OBJECT -> {
                    reader.beginObject();
                    names.push(new HashSet<>());
                }
                case END_OBJECT -> {
                    reader.endObject();
                    names.pop();
                }
                case BEGIN_ARRAY -> reader.beginArray();
                case END_ARRAY -> reader.endArray();
                case NAME -> {
                    String name = reader.nextName();
                    if (!names.peek().add(name)) {
                        throw new InvalidInputException(source + ": " + name + ": is given twice in one object; "
                                + "give each field once");
                    }
                }
                case END_DOCUMENT -> {
                    return;
                }
                default -> reader.skipValue();
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * These settings with {@code overrides} merged in; errors in the result name {@code newSource},
     * except about a field given otherwise ({@link #givenBy()}) and not overridden here.
     */
    public WorkloadSpec merge(String newSource, JsonObject overrides) {
        return merge(newSource, overrides, null);
    }

    /**
     * These settings with {@code overrides} merged in, given by {@code how} ({@code --rate 1/d}): an
     * error about one of them names {@code how} instead of the source, since the user wrote it there.
     */
    public WorkloadSpec override(JsonObject overrides, String how) {
        return merge(source, overrides, how);
    }

    private WorkloadSpec merge(String newSource, JsonObject overrides, String how) {
        JsonObject merged = settings.deepCopy();
        mergeInto(merged, overrides);
        merged.addProperty("scenario", scenario);
        Map<String, String> given = new LinkedHashMap<>(givenBy);
        for (String path : leafPaths("", overrides)) {
            given.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + ".") || path.startsWith(p + "."));
            if (how != null) {
                given.put(path, how);
            }
        }
        return new WorkloadSpec(scenario, newSource, merged, given);
    }

    /** The dotted paths of the values in {@code o}, descending into objects. */
    private static List<String> leafPaths(String prefix, JsonObject o) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String path = prefix + e.getKey();
            if (e.getValue().isJsonObject() && !e.getValue().getAsJsonObject().isEmpty()) {
                paths.addAll(leafPaths(path + ".", e.getValue().getAsJsonObject()));
            } else {
                paths.add(path);
            }
        }
        return paths;
    }

    private static void mergeInto(JsonObject target, JsonObject overrides) {
        for (Map.Entry<String, JsonElement> e : overrides.entrySet()) {
            JsonElement current = target.get(e.getKey());
            JsonElement value = e.getValue();
            if (current != null && current.isJsonObject() && value.isJsonObject() && sameType(current, value)) {
                mergeInto(current.getAsJsonObject(), value.getAsJsonObject());
            } else {
                target.add(e.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean sameType(JsonElement a, JsonElement b) {
        JsonElement ta = a.getAsJsonObject().get("type");
        JsonElement tb = b.getAsJsonObject().get("type");
        return tb == null || tb.equals(ta);
    }

    /** The generated span of event time, in nanoseconds. */
    public long duration() {
        return reader().duration("duration");
    }

    /** The mean input rate, events per second. */
    public double rate() {
        return reader().rate("rate");
    }

    /** This spec with another duration; errors about it name {@code duration} and its value. */
    public WorkloadSpec withDuration(long nanos) {
        return withDuration(nanos, nanos > 0 ? "duration " + DurationText.exact(nanos) : "duration");
    }

    /** This spec with another duration, given by {@code how} ({@code --duration 2h}), which errors about it name. */
    public WorkloadSpec withDuration(long nanos, String how) {
        if (nanos <= 0) {
            throw new InvalidInputException(how + ": must be a positive duration (got " + nanos + " ns)");
        }
        JsonObject o = new JsonObject();
        o.addProperty("duration", DurationText.inMillisOrNanos(nanos));
        return override(o, how);
    }

    /** This spec with another mean input rate, events per second; errors about it name {@code rate} and its value. */
    public WorkloadSpec withRate(double perSecond) {
        return withRate(perSecond, perSecond > 0 && Double.isFinite(perSecond) ? "rate " + stripZeros(perSecond) + "/s" : "rate");
    }

    /** This spec with another mean input rate, given by {@code how} ({@code --rate 1/d}), which errors about it name. */
    public WorkloadSpec withRate(double perSecond, String how) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new InvalidInputException(how + ": must be a positive rate (got " + perSecond + "/s)");
        }
        JsonObject o = new JsonObject();
        o.addProperty("rate", String.format(Locale.ROOT, "%s/s", stripZeros(perSecond)));
        return override(o, how);
    }

    /** Plain decimal digits: RateText reads no exponent, and 0.0005 prints as 5.0E-4 otherwise. */
    private static String stripZeros(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** The settings as compact JSON, fields in their defined order: stable, so traces stay byte-identical. */
    public String toJson() {
        return settings.toString();
    }
}
