package org.flowlab.lessons.notebook;

import com.google.gson.JsonObject;
import java.util.Objects;

/** Text that no one renders or runs; kept so a notebook survives a round trip unchanged. */
public record RawCell(String id, String source, JsonObject metadata, JsonObject attachments) implements Cell {
    public RawCell {
        Objects.requireNonNull(source, "source");
        metadata = metadata == null ? new JsonObject() : metadata.deepCopy();
        attachments = attachments == null ? null : attachments.deepCopy();
    }

    @Override
    public JsonObject metadata() {
        return metadata.deepCopy();
    }

    @Override
    public JsonObject attachments() {
        return attachments == null ? null : attachments.deepCopy();
    }
}
