package org.flowlab.lessons.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Java code in JShell syntax, with what it printed and showed when it last ran. {@code executionCount}
 * is null for a cell that has not run (or that the runner skips).
 */
public record CodeCell(String id, String source, JsonObject metadata, Integer executionCount, List<Output> outputs)
        implements Cell {

    /**
     * The metadata key under which Flowlab keeps its own settings for a cell: {@code {"flowlab": {"skip": true}}},
     * or an exercise's stored answers ({@link StoredAnswers}).
     */
    public static final String FLOWLAB_METADATA = "flowlab";

    /** The setting that marks the one kernel set-up cell the runner does not execute. */
    public static final String SKIP = "skip";

    public CodeCell {
        Objects.requireNonNull(source, "source");
        metadata = metadata == null ? new JsonObject() : metadata.deepCopy();
        outputs = List.copyOf(outputs);
        if (executionCount != null && executionCount < 0) {
            throw new IllegalArgumentException("execution count must not be negative: " + executionCount);
        }
    }

    /** A code cell without id or metadata that has not run. */
    public static CodeCell of(String source) {
        return new CodeCell(null, source, null, null, List.of());
    }

    @Override
    public JsonObject metadata() {
        return metadata.deepCopy();
    }

    /** True when the cell's metadata holds {@code "flowlab": {"skip": true}}: kernel set-up the runner leaves alone. */
    public boolean skipped() {
        JsonElement flowlab = metadata.get(FLOWLAB_METADATA);
        if (flowlab == null || !flowlab.isJsonObject()) {
            return false;
        }
        JsonElement skip = flowlab.getAsJsonObject().get(SKIP);
        return skip != null && skip.isJsonPrimitive() && skip.getAsJsonPrimitive().isBoolean() && skip.getAsBoolean();
    }

    /**
     * The solution and the wrong answer this exercise cell keeps in its metadata ({@link StoredAnswers});
     * empty for any other cell.
     *
     * @throws IllegalArgumentException when the metadata holds only part of them
     */
    public Optional<StoredAnswers> storedAnswers() {
        JsonElement flowlab = metadata.get(FLOWLAB_METADATA);
        return flowlab != null && flowlab.isJsonObject() ? StoredAnswers.of(flowlab.getAsJsonObject()) : Optional.empty();
    }

    /** The same cell with another source: an exercise cell with one of its stored answers. */
    public CodeCell withSource(String newSource) {
        return new CodeCell(id, newSource, metadata, executionCount, outputs);
    }

    /** This cell as it is after running: the same id, source and metadata, with new outputs. */
    public CodeCell executed(Integer executionCount, List<Output> outputs) {
        return new CodeCell(id, source, metadata, executionCount, outputs);
    }

    /** This cell as if it had never run. */
    public CodeCell cleared() {
        return executed(null, List.of());
    }
}
