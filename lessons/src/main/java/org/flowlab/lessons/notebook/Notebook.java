package org.flowlab.lessons.notebook;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jupyter notebook, nbformat 4: notebook metadata (kernel spec, language info and whatever else
 * its editors stored) and the cells in order.
 */
public record Notebook(int nbformatMinor, JsonObject metadata, List<Cell> cells) {

    /** The major format version this model reads and writes. */
    public static final int NBFORMAT = 4;

    /** The minor version given to notebooks made from scratch: 4.5, the first with cell ids. */
    public static final int NBFORMAT_MINOR = 5;

    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");

    public Notebook {
        if (nbformatMinor < 0) {
            throw new IllegalArgumentException("nbformat_minor must not be negative: " + nbformatMinor);
        }
        metadata = metadata == null ? new JsonObject() : metadata.deepCopy();
        cells = List.copyOf(cells);
    }

    /** A notebook of the given cells with empty metadata, nbformat 4.5. */
    public static Notebook of(List<Cell> cells) {
        return new Notebook(NBFORMAT_MINOR, null, cells);
    }

    @Override
    public JsonObject metadata() {
        return metadata.deepCopy();
    }

    /** The same notebook with other cells. */
    public Notebook withCells(List<Cell> newCells) {
        return new Notebook(nbformatMinor, metadata, newCells);
    }

    /** The text of the first Markdown heading ({@code # Title}) outside code fences: the lesson's title. */
    public Optional<String> title() {
        for (Cell cell : cells) {
            if (cell instanceof MarkdownCell) {
                boolean fenced = false;
                for (String line : (Iterable<String>) cell.source().lines()::iterator) {
                    String stripped = line.stripLeading();
                    if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                        fenced = !fenced;
                        continue;
                    }
                    Matcher m = HEADING.matcher(line);
                    if (!fenced && m.matches() && !m.group(1).isBlank()) {
                        return Optional.of(m.group(1).strip());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
