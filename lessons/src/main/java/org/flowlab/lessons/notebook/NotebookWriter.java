package org.flowlab.lessons.notebook;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a {@link Notebook} as Jupyter itself does: keys sorted, one space of indent, multi-line
 * text as arrays of lines, a final newline. A notebook saved by Jupyter and written back unchanged
 * by Flowlab therefore shows no diff.
 */
final class NotebookWriter {
    private static final Gson GSON = new Gson();

    private NotebookWriter() {
    }

    static String toJson(Notebook notebook) {
        JsonObject nb = new JsonObject();
        nb.add("cells", cells(notebook));
        nb.add("metadata", notebook.metadata());
        nb.addProperty("nbformat", Notebook.NBFORMAT);
        nb.addProperty("nbformat_minor", notebook.nbformatMinor());
        StringWriter text = new StringWriter();
        try (JsonWriter writer = new JsonWriter(text)) {
            writer.setIndent(" ");
            writer.setHtmlSafe(false);
            writer.setSerializeNulls(true);
            GSON.getAdapter(JsonElement.class).write(writer, sorted(nb));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }

    private static JsonArray cells(Notebook notebook) {
        // nbformat 4.5 made cell ids required; a cell that has none gets one from its position.
        boolean needIds = notebook.nbformatMinor() >= 5;
        Set<String> taken = new HashSet<>();
        for (Cell cell : notebook.cells()) {
            if (cell.id() != null) {
                taken.add(cell.id());
            }
        }
        JsonArray cells = new JsonArray();
        int position = 0;
        for (Cell cell : notebook.cells()) {
            position++;
            String id = cell.id();
            if (id == null && needIds) {
                id = "cell-" + position;
                for (int n = 2; taken.contains(id); n++) {
                    id = "cell-" + position + "-" + n;
                }
                taken.add(id);
            }
            cells.add(cell(cell, id));
        }
        return cells;
    }

    private static JsonObject cell(Cell cell, String id) {
        JsonObject json = new JsonObject();
        if (id != null) {
            json.addProperty("id", id);
        }
        json.add("metadata", cell.metadata());
        json.add("source", lines(cell.source()));
        if (cell instanceof CodeCell code) {
            json.addProperty("cell_type", "code");
            json.add("execution_count", count(code.executionCount()));
            JsonArray outputs = new JsonArray();
            for (Output output : code.outputs()) {
                outputs.add(output(output));
            }
            json.add("outputs", outputs);
        } else if (cell instanceof MarkdownCell markdown) {
            json.addProperty("cell_type", "markdown");
            if (markdown.attachments() != null) {
                json.add("attachments", markdown.attachments());
            }
        } else if (cell instanceof RawCell raw) {
            json.addProperty("cell_type", "raw");
            if (raw.attachments() != null) {
                json.add("attachments", raw.attachments());
            }
        }
        return json;
    }

    private static JsonObject output(Output output) {
        JsonObject json = new JsonObject();
        if (output instanceof StreamOutput stream) {
            json.addProperty("output_type", "stream");
            json.addProperty("name", stream.name());
            json.add("text", lines(stream.text()));
        } else if (output instanceof ExecuteResult result) {
            json.addProperty("output_type", "execute_result");
            json.add("execution_count", count(result.executionCount()));
            json.add("data", data(result.data()));
            json.add("metadata", result.metadata());
        } else if (output instanceof DisplayData display) {
            json.addProperty("output_type", "display_data");
            json.add("data", data(display.data()));
            json.add("metadata", display.metadata());
        } else if (output instanceof ErrorOutput error) {
            json.addProperty("output_type", "error");
            json.addProperty("ename", error.ename());
            json.addProperty("evalue", error.evalue());
            JsonArray traceback = new JsonArray();
            error.traceback().forEach(traceback::add);
            json.add("traceback", traceback);
        }
        return json;
    }

    private static JsonObject data(Map<String, String> data) {
        JsonObject json = new JsonObject();
        data.forEach((mime, value) -> {
            if (MimeBundle.isJson(mime)) {
                json.add(mime, JsonParser.parseString(value));
            } else if (mime.equals(Output.IMAGE_PNG)) {
                json.addProperty(mime, value);
            } else {
                json.add(mime, lines(value));
            }
        });
        return json;
    }

    private static JsonElement count(Integer count) {
        return count == null ? JsonNull.INSTANCE : GSON.toJsonTree(count);
    }

    /** Jupyter's multi-line string: each line keeps its newline, the last one may have none. */
    static JsonArray lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        JsonArray array = new JsonArray();
        lines.forEach(array::add);
        return array;
    }

    private static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            Map<String, JsonElement> byKey = new TreeMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> byKey.put(e.getKey(), e.getValue()));
            JsonObject copy = new JsonObject();
            byKey.forEach((key, value) -> copy.add(key, sorted(value)));
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(e -> copy.add(sorted(e)));
            return copy;
        }
        return element;
    }
}
