package org.flowlab.lessons.notebook;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.InvalidInputException;

/** Turns nbformat 4 JSON into a {@link Notebook}, naming the file and the field of anything it cannot accept. */
final class NotebookReader {
    private static final Gson GSON = new Gson();

    private final String origin;

    private NotebookReader(String origin) {
        this.origin = origin;
    }

    static Notebook parse(String json, String origin) {
        return new NotebookReader(origin).notebook(parseJson(json, origin));
    }

    private static JsonElement parseJson(String json, String origin) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidInputException(origin + ": not a notebook: text after the JSON document");
            }
            return root;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidInputException(origin + ": not a notebook: malformed JSON (" + message.strip() + ")", e);
        }
    }

    private Notebook notebook(JsonElement root) {
        if (!root.isJsonObject()) {
            throw new InvalidInputException(origin + ": not a notebook: expected a JSON object {…}");
        }
        JsonObject nb = root.getAsJsonObject();
        int major = integer(nb, "nbformat", "");
        if (major != Notebook.NBFORMAT) {
            throw error("nbformat", major + " is not supported; Flowlab reads nbformat 4 (open and save the notebook "
                    + "in a current Jupyter to convert it)");
        }
        int minor = integer(nb, "nbformat_minor", "");
        if (minor < 0) {
            throw error("nbformat_minor", "must be 0 or more (got " + minor + ")");
        }
        JsonObject metadata = optionalObject(nb, "metadata", "");
        JsonArray cells = array(nb, "cells", "");
        List<Cell> list = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            list.add(cell(cells.get(i), "cells[" + i + "]"));
        }
        return new Notebook(minor, metadata, list);
    }

    private Cell cell(JsonElement element, String path) {
        JsonObject cell = object(element, path);
        String type = string(cell, "cell_type", path);
        String id = cell.has("id") ? string(cell, "id", path) : null;
        String source = text(cell, "source", path);
        JsonObject metadata = optionalObject(cell, "metadata", path);
        switch (type) {
            case "markdown":
                return new MarkdownCell(id, source, metadata, optionalObjectOrNull(cell, "attachments", path));
            case "raw":
                return new RawCell(id, source, metadata, optionalObjectOrNull(cell, "attachments", path));
            case "code":
                checkFlowlabMetadata(metadata, path);
                Integer count = optionalCount(cell, "execution_count", path);
                List<Output> outputs = new ArrayList<>();
                if (cell.has("outputs")) {
                    JsonArray array = array(cell, "outputs", path);
                    for (int i = 0; i < array.size(); i++) {
                        outputs.add(output(array.get(i), path + ".outputs[" + i + "]"));
                    }
                }
                return new CodeCell(id, source, metadata, count, outputs);
            default:
                throw error(join(path, "cell_type"), "'" + type + "' is not a cell type (allowed: markdown, code, raw)");
        }
    }

    private void checkFlowlabMetadata(JsonObject metadata, String path) {
        JsonElement flowlab = metadata.get(CodeCell.FLOWLAB_METADATA);
        if (flowlab == null) {
            return;
        }
        String at = join(path, "metadata." + CodeCell.FLOWLAB_METADATA);
        if (!flowlab.isJsonObject()) {
            throw error(at, "must be an object such as {\"skip\": true} (got " + shorten(flowlab) + ")");
        }
        JsonElement skip = flowlab.getAsJsonObject().get(CodeCell.SKIP);
        if (skip != null && !(skip.isJsonPrimitive() && skip.getAsJsonPrimitive().isBoolean())) {
            throw error(at + "." + CodeCell.SKIP, "must be true or false (got " + shorten(skip) + ")");
        }
        try {
            StoredAnswers.of(flowlab.getAsJsonObject());
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private Output output(JsonElement element, String path) {
        JsonObject output = object(element, path);
        String type = string(output, "output_type", path);
        switch (type) {
            case "stream": {
                String name = string(output, "name", path);
                if (!name.equals(StreamOutput.STDOUT) && !name.equals(StreamOutput.STDERR)) {
                    throw error(join(path, "name"), "'" + name + "' is not a stream (allowed: stdout, stderr)");
                }
                return new StreamOutput(name, text(output, "text", path));
            }
            case "execute_result":
                return new ExecuteResult(optionalCount(output, "execution_count", path), data(output, path),
                        optionalObject(output, "metadata", path));
            case "display_data":
                return new DisplayData(data(output, path), optionalObject(output, "metadata", path));
            case "error": {
                JsonArray traceback = array(output, "traceback", path);
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < traceback.size(); i++) {
                    JsonElement line = traceback.get(i);
                    if (!isString(line)) {
                        throw error(join(path, "traceback[" + i + "]"), "must be a string (got " + shorten(line) + ")");
                    }
                    lines.add(line.getAsString());
                }
                return new ErrorOutput(string(output, "ename", path), string(output, "evalue", path), lines);
            }
            default:
                throw error(join(path, "output_type"), "'" + type
                        + "' is not an output type (allowed: stream, execute_result, display_data, error)");
        }
    }

    private Map<String, String> data(JsonObject output, String path) {
        JsonObject data = object(required(output, "data", path), join(path, "data"));
        Map<String, String> bundle = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : data.entrySet()) {
            String mime = e.getKey();
            bundle.put(mime, MimeBundle.isJson(mime) ? e.getValue().toString() : text(data, mime, join(path, "data")));
        }
        return bundle;
    }

    /** A multi-line string field: nbformat allows one string or an array of strings to be joined. */
    private String text(JsonObject object, String field, String path) {
        JsonElement value = required(object, field, path);
        if (isString(value)) {
            return value.getAsString();
        }
        if (value.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            JsonArray parts = value.getAsJsonArray();
            for (int i = 0; i < parts.size(); i++) {
                if (!isString(parts.get(i))) {
                    throw error(join(path, field + "[" + i + "]"), "must be a string (got " + shorten(parts.get(i)) + ")");
                }
                text.append(parts.get(i).getAsString());
            }
            return text.toString();
        }
        throw error(join(path, field), "must be a string or an array of strings (got " + shorten(value) + ")");
    }

    private Integer optionalCount(JsonObject object, String field, String path) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        int count = integer(object, field, path);
        if (count < 0) {
            throw error(join(path, field), "must be null or 0 or more (got " + count + ")");
        }
        return count;
    }

    private int integer(JsonObject object, String field, String path) {
        JsonElement value = required(object, field, path);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            try {
                return Integer.parseInt(value.getAsString());
            } catch (NumberFormatException e) {
                // Reported below with the value.
            }
        }
        throw error(join(path, field), "must be a whole number (got " + shorten(value) + ")");
    }

    private String string(JsonObject object, String field, String path) {
        JsonElement value = required(object, field, path);
        if (!isString(value)) {
            throw error(join(path, field), "must be a string (got " + shorten(value) + ")");
        }
        return value.getAsString();
    }

    private JsonArray array(JsonObject object, String field, String path) {
        JsonElement value = required(object, field, path);
        if (!value.isJsonArray()) {
            throw error(join(path, field), "must be an array […] (got " + shorten(value) + ")");
        }
        return value.getAsJsonArray();
    }

    private JsonObject object(JsonElement value, String path) {
        if (!value.isJsonObject()) {
            throw error(path, "must be an object {…} (got " + shorten(value) + ")");
        }
        return value.getAsJsonObject();
    }

    private JsonObject optionalObject(JsonObject object, String field, String path) {
        JsonObject value = optionalObjectOrNull(object, field, path);
        return value == null ? new JsonObject() : value;
    }

    private JsonObject optionalObjectOrNull(JsonObject object, String field, String path) {
        JsonElement value = object.get(field);
        if (value == null) {
            return null;
        }
        return object(value, join(path, field));
    }

    private JsonElement required(JsonObject object, String field, String path) {
        JsonElement value = object.get(field);
        if (value == null) {
            throw error(join(path, field), "is missing");
        }
        return value;
    }

    private static boolean isString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String shorten(JsonElement value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private InvalidInputException error(String path, String problem) {
        return new InvalidInputException(origin + ": " + path + ": " + problem);
    }
}
