package org.flowlab.lessons.notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.io.AtomicFiles;

/**
 * Reads and writes {@code .ipynb} files. A file that is not an nbformat 4 notebook is a user's
 * mistake: one line naming the file, the field (for example {@code cells[3].source}) and what is
 * allowed. Writing goes through a temporary file and a rename.
 */
public final class NotebookFiles {
    private NotebookFiles() {
    }

    /** Reads the notebook in {@code file}. */
    public static Notebook read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidInputException.cannot("read the notebook", file, e);
        }
        return parse(json, file.toString());
    }

    /** Reads a notebook from its JSON text; {@code origin} names it in error messages. */
    public static Notebook parse(String json, String origin) {
        return NotebookReader.parse(json, origin);
    }

    /** The notebook as Jupyter would save it. */
    public static String toJson(Notebook notebook) {
        return NotebookWriter.toJson(notebook);
    }

    /** Writes {@code notebook} to {@code file} (temporary file, then rename); returns {@code file}. */
    public static Path write(Notebook notebook, Path file) {
        return AtomicFiles.writeString(file, toJson(notebook));
    }
}
