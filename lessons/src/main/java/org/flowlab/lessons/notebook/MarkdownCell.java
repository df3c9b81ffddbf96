package org.flowlab.lessons.notebook;

import com.google.gson.JsonObject;
import java.util.Objects;

/** Prose in Markdown; {@code attachments} (images pasted into the cell) are null when the cell has none. */
public record MarkdownCell(String id, String source, JsonObject metadata, JsonObject attachments) implements Cell {
    public MarkdownCell {
        Objects.requireNonNull(source, "source");
        metadata = metadata == null ? new JsonObject() : metadata.deepCopy();
        attachments = attachments == null ? null : attachments.deepCopy();
    }

    /** A markdown cell without id, metadata or attachments. */
    public static MarkdownCell of(String source) {
        return new MarkdownCell(null, source, null, null);
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
