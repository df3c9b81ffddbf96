package org.flowlab.workloads.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.text.DurationText;

/**
 * The settings of an imported trace's {@link org.flowlab.workloads.WorkloadSpec}: the fields every spec has
 * ({@code scenario} = {@value TraceImporter#SCENARIO}, {@code description}, {@code duration} = the span of event
 * time from the first event to the last, {@code rate} = events ÷ duration) and how it was imported: the source
 * file's name and format, the columns named, the time format, the type overrides and kept columns if given, the
 * disorder model (without an arrival column), the time rescaling if any, the rows imported and skipped.
 */
final class ImportedSpec {
    private static final MathContext DIGITS = new MathContext(9);

    private ImportedSpec() {
    }

    static JsonObject settings(ImportSettings s, List<String> columns, long spanNanos, long rows, long skipped, double factor) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", TraceImporter.SCENARIO);
        String name = s.from().getFileName().toString();
        o.addProperty("description", "Events imported from " + name + " (" + String.join(", ", columns) + ")");
        o.addProperty("duration", DurationText.inMillisOrNanos(spanNanos));
        o.addProperty("rate", plain(rows * 1e9 / spanNanos) + "/s");
        o.addProperty("source", name);
        o.addProperty("format", s.format());
        o.addProperty("eventTime", s.eventTime());
        if (s.arrivalTime() != null) {
            o.addProperty("arrivalTime", s.arrivalTime());
        }
        if (s.key() != null) {
            o.addProperty("key", s.key());
        }
        o.addProperty("timeFormat", s.timeFormat().text());
        if (!s.types().isEmpty()) {
            JsonObject types = new JsonObject();
            for (Map.Entry<String, SqlType> t : s.types().entrySet()) {
                types.addProperty(t.getKey(), t.getValue().text());
            }
            o.add("types", types);
        }
        if (!s.columns().isEmpty()) {
            JsonArray kept = new JsonArray();
            s.columns().forEach(kept::add);
            o.add("columns", kept);
        }
        if (s.arrivalTime() == null) {
            o.add("disorder", s.disorder());
        }
        if (s.speedup() != 1) {
            o.addProperty("speedup", s.speedup());
        }
        if (s.rate() != null) {
            o.addProperty("targetRate", plain(s.rate()) + "/s");
        }
        if (factor != 1) {
            o.addProperty("timeScale", factor);
        }
        o.addProperty("rows", rows);
        o.addProperty("skippedRows", skipped);
        return o;
    }

    /** Plain decimal digits (RateText reads no exponent), at most 9 significant. */
    private static String plain(double d) {
        return new BigDecimal(d).round(DIGITS).stripTrailingZeros().toPlainString();
    }
}
