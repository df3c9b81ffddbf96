package org.flowlab.workloads.importer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.InvalidInputException;

/**
 * A JSON Lines file's rows: one flat JSON object per line (blank lines skipped), its fields the columns, which are
 * every field name seen in the order first seen. A number, string or boolean is a cell's text; null or a missing
 * field is a missing value; an object or array makes the row malformed.
 */
final class JsonLinesRows extends FileRows {
    private final List<String> columns = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    JsonLinesRows(Path file) {
        super(file);
    }

    @Override
    public List<String> columns() {
        return Collections.unmodifiableList(columns);
    }

    @Override
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    @Override
    public void read(Handler handler) {
        try (BufferedReader in = RowSource.open(file)) {
            long line = 0;
            long rows = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                rows++;
                JsonObject object;
                try {
                    object = parse(text);
                } catch (JsonParseException | IllegalStateException e) {
                    handler.malformed(line, "malformed JSON (" + firstLine(e) + ")");
                    continue;
                }
                String[] cells = new String[columns.size() + object.size()];
                String problem = null;
                for (Map.Entry<String, JsonElement> field : object.entrySet()) {
                    int i = index.computeIfAbsent(field.getKey(), name -> {
                        columns.add(name);
                        return columns.size() - 1;
                    });
                    JsonElement value = field.getValue();
                    if (value.isJsonObject() || value.isJsonArray()) {
                        problem = "column '" + field.getKey() + "': " + (value.isJsonObject() ? "an object" : "an array")
                                + " is not a value; each line is one flat JSON object";
                    } else if (!value.isJsonNull()) {
                        cells[i] = value.getAsString();
                    }
                }
                if (problem != null) {
                    handler.malformed(line, problem);
                } else {
                    handler.row(line, cells);
                }
            }
            if (rows == 0) {
                throw new InvalidInputException(file + ": empty file; expected one JSON object per line, one line per event");
            }
        } catch (IOException e) {
            throw InvalidInputException.cannot("read the file to import", file, e);
        }
    }

    private static JsonObject parse(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root = JsonParser.parseReader(reader);
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("text after the object");
            }
        } catch (IOException e) {
            throw new JsonParseException(e);
        }
        if (!root.isJsonObject()) {
            throw new JsonParseException("a line must be one JSON object {…}, not " + (root.isJsonArray() ? "an array" : root.toString().length() > 40 ? "a value" : root.toString()));
        }
        return root.getAsJsonObject();
    }

    private static String firstLine(RuntimeException e) {
        Throwable t = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
