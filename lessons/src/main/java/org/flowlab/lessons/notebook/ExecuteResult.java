package org.flowlab.lessons.notebook;

import com.google.gson.JsonObject;
import java.util.Map;

/** The value of a cell's last expression ({@code Out[n]}), by MIME type: usually {@code text/plain}. */
public record ExecuteResult(Integer executionCount, Map<String, String> data, JsonObject metadata) implements Output {
    public ExecuteResult {
        data = MimeBundle.copy(data);
        metadata = metadata == null ? new JsonObject() : metadata.deepCopy();
    }

    /** The plain-text value shown as {@code Out[n]}. */
    public static ExecuteResult text(int executionCount, String text) {
        return new ExecuteResult(executionCount, Map.of(TEXT_PLAIN, text), null);
    }

    @Override
    public JsonObject metadata() {
        return metadata.deepCopy();
    }
}
