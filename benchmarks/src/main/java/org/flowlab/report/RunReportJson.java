package org.flowlab.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.io.AtomicFiles;

/** {@link RunReport} as pretty-printed JSON and back: the format of {@code run.json}. */
public final class RunReportJson {

    /**
     * Pretty-printed, nulls written (the shape never loses a field), no HTML escapes of {@code <} or {@code =};
     * an engine is written as its id (sweep.json's sustainable throughputs name theirs so).
     */
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .registerTypeHierarchyAdapter(EngineType.class,
                    (JsonSerializer<EngineType<?>>) (engine, type, context) -> new JsonPrimitive(engine.id()))
            .registerTypeAdapter(EngineEntry.class, (JsonDeserializer<EngineEntry>) RunReportJson::engineEntry)
            .create();
    /** Gson without the adapters, for the object form of an engine entry. */
    private static final Gson PLAIN = new Gson();

    /**
     * An engine of {@code parameters.engines}: an object, or, in run.json files from before the
     * engine registry (schema 1), its id alone — read as that id for label, no colour and
     * no settings, so those runs stay readable (the README's table of runs against Flink is made
     * from them).
     */
    private static EngineEntry engineEntry(JsonElement json, Type type, JsonDeserializationContext context) {
        if (json.isJsonPrimitive()) {
            String id = json.getAsString();
            return new EngineEntry(id, id, null, Map.of());
        }
        return PLAIN.fromJson(json, EngineEntry.class);
    }

    private RunReportJson() {
    }

    public static String toJson(RunReport report) {
        return GSON.toJson(report) + "\n";
    }

    public static RunReport fromJson(String json) {
        return GSON.fromJson(json, RunReport.class);
    }

    /** Writes {@code report} to {@code file} through a temporary file. */
    public static void write(RunReport report, Path file) {
        AtomicFiles.writeString(file, toJson(report));
    }

    /** Reads a run.json; an unreadable or malformed file is an {@link InvalidInputException} naming it. */
    public static RunReport read(Path file) {
        try {
            RunReport r = fromJson(Files.readString(file, StandardCharsets.UTF_8));
            if (r == null) {
                throw new InvalidInputException(file + ": empty run report");
            }
            return r;
        } catch (IOException e) {
            throw InvalidInputException.cannot("read the run report", file, e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new InvalidInputException(file + ": malformed run report (" + e.getMessage() + ")");
        }
    }
}
