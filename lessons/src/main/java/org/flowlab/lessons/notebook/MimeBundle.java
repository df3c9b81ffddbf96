package org.flowlab.lessons.notebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of a rich output, by MIME type: {@code text/plain} text, {@code image/png} base64.
 * JSON-typed data ({@code application/json}, {@code *+json}) is held as its JSON text.
 */
final class MimeBundle {
    private MimeBundle() {
    }

    static Map<String, String> copy(Map<String, String> data) {
        Map<String, String> copy = new LinkedHashMap<>();
        data.forEach((mime, value) -> {
            if (mime == null || value == null) {
                throw new IllegalArgumentException("MIME types and their data must not be null: " + data);
            }
            copy.put(mime, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** True for the MIME types nbformat stores as JSON values rather than as text. */
    static boolean isJson(String mime) {
        return mime.equals("application/json") || mime.endsWith("+json");
    }
}
