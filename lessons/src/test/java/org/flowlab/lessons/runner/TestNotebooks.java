package org.flowlab.lessons.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.lessons.notebook.Cell;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.MarkdownCell;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.NotebookFiles;

/** The notebooks under test resources, and small notebooks made in a line. */
final class TestNotebooks {
    private TestNotebooks() {
    }

    static Notebook resource(String name) {
        try (InputStream in = TestNotebooks.class.getResourceAsStream("/notebooks/" + name)) {
            return NotebookFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A notebook with a title cell, then one code cell per argument. */
    static Notebook ofCode(String... sources) {
        List<Cell> cells = new ArrayList<>();
        cells.add(MarkdownCell.of("# Test"));
        for (String source : sources) {
            cells.add(CodeCell.of(source));
        }
        return Notebook.of(cells);
    }
}
