package org.flowlab.lessons.notebook;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Something a cell showed, such as a chart: data by MIME type ({@code image/png} is base64 text). */
public record DisplayData(Map<String, String> data, JsonObject metadata) implements Output {
    public DisplayData {
        data = MimeBundle.copy(data);
        metadata = metadata == null ? new JsonObject() : metadata.deepCopy();
    }

    /**
     * A PNG image with a plain-text stand-in for viewers without images, shown at {@code width} by
     * {@code height} (the picture may hold more pixels, for sharp charts on dense screens).
     */
    public static DisplayData png(String base64, String text, int width, int height) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(IMAGE_PNG, base64);
        data.put(TEXT_PLAIN, text);
        JsonObject size = new JsonObject();
        size.addProperty("width", width);
        size.addProperty("height", height);
        JsonObject metadata = new JsonObject();
        metadata.add(IMAGE_PNG, size);
        return new DisplayData(data, metadata);
    }

    @Override
    public JsonObject metadata() {
        return metadata.deepCopy();
    }
}
