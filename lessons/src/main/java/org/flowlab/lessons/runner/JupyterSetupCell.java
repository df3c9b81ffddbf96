package org.flowlab.lessons.runner;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.lessons.notebook.Cell;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.Notebook;

/**
 * The first code cell of every lesson, for Jupyter with the IJava kernel (SpencerPark/IJava), written
 * here once so that no notebook holds a hand copy that drifts. In Jupyter it puts Flowlab on the
 * kernel's class path — {@code %classpath} with the lessons module's classes, then IJava's
 * {@code lineMagic("classpath", …)} (what its {@code %classpath} magic desugars to) with the entries of
 * the class path file the build writes — and runs {@link LessonImports#ALL}, which a kernel does not
 * run by itself. Its metadata marks it {@code {"flowlab": {"skip": true}}}: the lesson runner has both
 * already, so it leaves the cell out. The paths are relative to the notebooks' folder, which Jupyter
 * makes the kernel's working directory.
 */
public final class JupyterSetupCell {
    /** The lessons module's compiled classes, from {@code lessons/notebooks/}. */
    public static final String CLASSES = "../target/classes";
    /**
     * The build's class path file (every other module's jar and every dependency, separated by the
     * platform's path separator), which the build and the {@code flowlab} launcher write and read.
     */
    public static final String CLASS_PATH_FILE = "../target/launcher.classpath";

    private JupyterSetupCell() {
    }

    /** The cell's text: two comment lines, the two class path lines, then every import of {@link LessonImports#ALL}. */
    public static String source() {
        List<String> lines = new ArrayList<>();
        lines.add("// Jupyter with the IJava kernel only: Flowlab's lesson runner skips this cell. Build Flowlab once first");
        lines.add("// (./flowlab lesson, from the checkout's root); then this puts it on the kernel's class path, with the lessons' imports.");
        lines.add("%classpath " + CLASSES);
        lines.add("lineMagic(\"classpath\", java.util.List.of(java.nio.file.Files.readString(java.nio.file.Path.of(\""
                + CLASS_PATH_FILE + "\")).trim().split(java.io.File.pathSeparator)));");
        lines.addAll(LessonImports.ALL);
        return String.join("\n", lines);
    }

    /** The cell, marked for the runner to skip. */
    public static CodeCell cell() {
        JsonObject skip = new JsonObject();
        skip.addProperty(CodeCell.SKIP, true);
        JsonObject metadata = new JsonObject();
        metadata.add(CodeCell.FLOWLAB_METADATA, skip);
        return new CodeCell("jupyter-setup", source(), metadata, null, List.of());
    }

    /** IJava's kernel spec, as Jupyter stores it in a notebook's metadata. */
    public static JsonObject kernelspec() {
        JsonObject spec = new JsonObject();
        spec.addProperty("display_name", "Java");
        spec.addProperty("language", "java");
        spec.addProperty("name", "java");
        return spec;
    }

    /**
     * The notebook with this cell as its first code cell — replacing the set-up cell it has, or put
     * before its first code cell — and IJava's kernel spec where its metadata has none. A notebook
     * that has both already comes back equal.
     */
    public static Notebook into(Notebook notebook) {
        List<Cell> cells = new ArrayList<>(notebook.cells());
        int first = 0;
        while (first < cells.size() && !(cells.get(first) instanceof CodeCell)) {
            first++;
        }
        if (first < cells.size() && ((CodeCell) cells.get(first)).skipped()) {
            CodeCell old = (CodeCell) cells.get(first);
            cells.set(first, new CodeCell(old.id(), source(), cell().metadata(), null, List.of()));
        } else {
            cells.add(first, cell());
        }
        JsonObject metadata = notebook.metadata();
        if (!metadata.has("kernelspec")) {
            metadata.add("kernelspec", kernelspec());
        }
        if (!metadata.has("language_info")) {
            JsonObject language = new JsonObject();
            language.addProperty("name", "java");
            metadata.add("language_info", language);
        }
        return new Notebook(notebook.nbformatMinor(), metadata, cells);
    }
}
