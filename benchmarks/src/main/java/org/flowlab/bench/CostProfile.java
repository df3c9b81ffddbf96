package org.flowlab.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * A cost profile measured on this machine: the default {@link CostModel} with the fields that
 * {@link OperatorBenchmark} measures replaced by their wall-clock cost per record, written in the
 * cost model's own JSON shape so that {@code CostModel.fromJson} and {@code withOverrides} read it.
 * These are the costs of Flowlab's Java operators on one core of this host, not of Flink or Spark:
 * a simulation under this profile says how fast the same work would go if the engines' costs were
 * no more than the operator's own work.
 */
public final class CostProfile {

    /** Which benchmark measures which cost-model field (the JSON path), in profile order. */
    public static final Map<String, String> MEASURED_BY = measuredBy();

    private CostProfile() {
    }

    private static Map<String, String> measuredBy() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("stream.record", "OperatorBenchmark.mapFilter");
        m.put("stream.stateAccess", "OperatorBenchmark.keyedAggregate");
        m.put("stream.checkpointPerEntry", "OperatorBenchmark.stateSnapshot");
        m.put("batch.record", "OperatorBenchmark.mapFilter");
        return m;
    }

    /**
     * The cost model a profile file describes: the defaults with every field the file sets replaced
     * (a calibrated profile sets them all). What {@code compare --cost-profile FILE} should run with.
     *
     * @throws InvalidInputException naming the file and, for a bad field, its path
     */
    public static CostModel read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the cost profile (" + InvalidInputException.describe(e)
                    + "); give a JSON file in the shape of cost-model.json, as './flowlab calibrate' writes", e);
        }
        JsonObject json = WorkloadSpec.parseObject(file.toString(), text);
        return CostModel.defaults().withOverrides(new SpecReader(file.toString(), json));
    }

    /**
     * The profile's JSON: every field of the cost model, the measured ones from
     * {@code nanosByBenchmark} (nanoseconds per record by short benchmark name, rounded to whole
     * nanoseconds, at least 1), the others from {@code defaults}, and a description saying which is
     * which, with each measurement's 99.9 % error from {@code errors} where it is known.
     *
     * @throws IllegalArgumentException if a benchmark the profile needs is missing
     */
    public static String json(Map<String, Double> nanosByBenchmark, Map<String, Double> errors, CostModel defaults,
                              String host, String date) {
        Map<String, Long> fields = new LinkedHashMap<>(defaults.asMap());
        StringBuilder measured = new StringBuilder();
        for (Map.Entry<String, String> e : MEASURED_BY.entrySet()) {
            Double nanos = nanosByBenchmark.get(e.getValue());
            if (nanos == null || !(nanos > 0)) {
                throw new IllegalArgumentException("no measurement of " + e.getValue() + " for " + e.getKey());
            }
            fields.put(e.getKey(), Math.max(1, Math.round(nanos)));
            Double error = errors.get(e.getValue());
            measured.append(String.format(Locale.ROOT, "%s%s = %s (%.1f%s ns/record)",
                    measured.length() == 0 ? "" : "; ", e.getKey(), e.getValue(), nanos,
                    error == null || error.isNaN() ? "" : String.format(Locale.ROOT, " ± %.1f", error)));
        }
        JsonObject root = new JsonObject();
        root.addProperty("description", "calibrated on " + host + " on " + date + " by ./flowlab calibrate: "
                + "wall-clock cost per record of Flowlab's own operators (one core, JMH); measured: " + measured
                + "; every other field is the default of cost-model.json");
        // One object per section of the cost model (stream, batch, microBatch …), in its order.
        Map<String, JsonObject> sections = new LinkedHashMap<>();
        fields.forEach((path, nanos) -> sections
                .computeIfAbsent(path.substring(0, path.indexOf('.')), name -> new JsonObject())
                .addProperty(path.substring(path.indexOf('.') + 1), DurationText.inOneUnit(nanos)));
        sections.forEach(root::add);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }
}
