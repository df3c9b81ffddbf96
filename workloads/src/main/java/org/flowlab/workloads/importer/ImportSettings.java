package org.flowlab.workloads.importer;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.disorder.DisorderText;
import org.flowlab.workloads.table.SqlType;

/**
 * What to import and how: the file, which columns are the event time, the arrival time and the key, how times are
 * written, type overrides, which columns to keep, the disorder of arrivals when the file has no arrival column,
 * how to rescale time, and how many malformed rows to skip. Start from {@link #of} and change what differs.
 *
 * @param from        the CSV ({@code .csv}, a header row first) or JSON Lines ({@code .jsonl}, {@code .ndjson}) file
 * @param eventTime   the column holding each event's time (required)
 * @param arrivalTime the column holding when each event arrived, or null: arrival = event time + {@code disorder}
 * @param key         the column that is the key (any type; VARCHAR keys are dictionary-encoded), or null: no key
 * @param timeFormat  how the time columns are written
 * @param types       SQL types that replace the inferred ones, by column name, in the order given
 * @param columns     the columns to keep besides the event-time, arrival-time and key columns (empty: all)
 * @param disorder    the delay model of arrivals as a spec's delay object ({@link DisorderText#toJson}); only
 *                    without an arrival column; {@code {"type":"none"}}: every event arrives when it happens
 * @param speedup     divide every time's distance from the first event by this ({@code > 0}; 1: as in the file)
 * @param rate        rescale time so that the mean event rate is this many events per second, or null; not with a
 *                    speedup other than 1
 * @param skipBadRows how many malformed rows may be skipped (and counted) before that is an error
 * @param seed        the seed of the disorder's random draws
 */
public record ImportSettings(Path from, String eventTime, String arrivalTime, String key, TimeFormat timeFormat,
                             Map<String, SqlType> types, List<String> columns, JsonObject disorder, double speedup,
                             Double rate, long skipBadRows, long seed) {

    /** The delay object of no disorder. */
    public static final String NO_DISORDER = "none";

    public ImportSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(timeFormat, "timeFormat");
        types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
        columns = List.copyOf(columns);
        disorder = disorder.deepCopy();
        DisorderText.of("--disorder", disorder); // checks the model's fields
        if (!(speedup > 0) || Double.isInfinite(speedup)) {
            throw new InvalidInputException("--speedup: must be a positive number (got " + speedup + ")");
        }
        if (rate != null && (!(rate > 0) || rate.isInfinite())) {
            throw new InvalidInputException("--rate: must be a positive rate (got " + rate + "/s)");
        }
        if (rate != null && speedup != 1) {
            throw new InvalidInputException("--speedup and --rate both rescale time; give one of them");
        }
        if (skipBadRows < 0) {
            throw new InvalidInputException("--skip-bad-rows: must be >= 0 (got " + skipBadRows + ")");
        }
        if (arrivalTime != null && !isNone(disorder)) {
            throw new InvalidInputException("--disorder draws arrival times; the file's arrival column '" + arrivalTime
                    + "' already has them: give one of --arrival-time and --disorder");
        }
    }

    /** Importing {@code from} with {@code eventTime} as the event time, everything else as the file has it. */
    public static ImportSettings of(Path from, String eventTime) {
        return new ImportSettings(from, eventTime, null, null, TimeFormat.ISO, Map.of(), List.of(),
                DisorderText.toJson("--disorder", NO_DISORDER), 1, null, 0, 0);
    }

    public ImportSettings withArrivalTime(String column) {
        return new ImportSettings(from, eventTime, column, key, timeFormat, types, columns, disorder, speedup, rate, skipBadRows, seed);
    }

    public ImportSettings withKey(String column) {
        return new ImportSettings(from, eventTime, arrivalTime, column, timeFormat, types, columns, disorder, speedup, rate, skipBadRows, seed);
    }

    public ImportSettings withTimeFormat(TimeFormat format) {
        return new ImportSettings(from, eventTime, arrivalTime, key, format, types, columns, disorder, speedup, rate, skipBadRows, seed);
    }

    public ImportSettings withTypes(Map<String, SqlType> overrides) {
        return new ImportSettings(from, eventTime, arrivalTime, key, timeFormat, overrides, columns, disorder, speedup, rate, skipBadRows, seed);
    }

    public ImportSettings withColumns(List<String> kept) {
        return new ImportSettings(from, eventTime, arrivalTime, key, timeFormat, types, kept, disorder, speedup, rate, skipBadRows, seed);
    }

    /** With the disorder written as {@link DisorderText} reads it, for example {@code lognormal:median=300ms,sigma=0.7}. */
    public ImportSettings withDisorder(String text) {
        return new ImportSettings(from, eventTime, arrivalTime, key, timeFormat, types, columns,
                DisorderText.toJson("--disorder", text), speedup, rate, skipBadRows, seed);
    }

    public ImportSettings withSpeedup(double factor) {
        return new ImportSettings(from, eventTime, arrivalTime, key, timeFormat, types, columns, disorder, factor, rate, skipBadRows, seed);
    }

    public ImportSettings withRate(Double perSecond) {
        return new ImportSettings(from, eventTime, arrivalTime, key, timeFormat, types, columns, disorder, speedup, perSecond, skipBadRows, seed);
    }

    public ImportSettings withSkipBadRows(long n) {
        return new ImportSettings(from, eventTime, arrivalTime, key, timeFormat, types, columns, disorder, speedup, rate, n, seed);
    }

    public ImportSettings withSeed(long newSeed) {
        return new ImportSettings(from, eventTime, arrivalTime, key, timeFormat, types, columns, disorder, speedup, rate, skipBadRows, newSeed);
    }

    /**
     * Type overrides written {@code amount=double,card=varchar} (type names as {@link SqlType#parse} reads them).
     *
     * @throws InvalidInputException naming the part that is not {@code COLUMN=TYPE} or the unknown type
     */
    public static Map<String, SqlType> parseTypes(String text) {
        Map<String, SqlType> types = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new InvalidInputException("--types: '" + part.trim() + "' is not COLUMN=TYPE; for example amount=double,card=varchar");
            }
            String column = part.substring(0, eq).trim();
            String name = part.substring(eq + 1).trim();
            SqlType type = SqlType.parse(name);
            if (type == null) {
                throw new InvalidInputException("--types: '" + name + "' (for " + column
                        + ") is not a type; allowed: bigint, double, varchar, boolean, timestamp");
            }
            if (types.put(column, type) != null) {
                throw new InvalidInputException("--types: column '" + column + "' is given twice");
            }
        }
        return types;
    }

    /** The format a file name's extension says: {@code csv}, or {@code jsonl} for .jsonl, .ndjson and .json. */
    public String format() {
        String name = from.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return "jsonl";
        }
        throw new InvalidInputException(from + ": cannot tell the format from the name; expected FILE.csv or FILE.jsonl (.ndjson)");
    }

    static boolean isNone(JsonObject disorder) {
        return disorder.has("type") && NO_DISORDER.equals(disorder.get("type").getAsString()) && disorder.size() == 1;
    }
}
