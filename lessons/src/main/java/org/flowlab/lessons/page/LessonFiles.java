package org.flowlab.lessons.page;

import java.nio.file.Path;
import org.flowlab.cli.FlowlabVersion;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.NotebookFiles;
import org.flowlab.workloads.io.AtomicFiles;

/** Where a lesson run's two files went: the executed notebook and its HTML page. */
public record LessonFiles(Path notebook, Path page) {

    /**
     * Writes {@code executed} as {@code dir/<baseName>.ipynb} and {@code dir/<baseName>.html}, each
     * through a temporary file and a rename; {@code title} heads the page.
     */
    public static LessonFiles write(String baseName, Notebook executed, String title, Path dir) {
        Path notebook = NotebookFiles.write(executed, dir.resolve(baseName + ".ipynb"));
        String footer = "Executed by Flowlab " + FlowlabVersion.current() + " from " + baseName + ".ipynb.";
        Path page = AtomicFiles.writeString(dir.resolve(baseName + ".html"), LessonPage.render(executed, title, footer));
        return new LessonFiles(notebook, page);
    }
}
