package org.flowlab.lessons.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowlab.lessons.notebook.Cell;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.MarkdownCell;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.NotebookFiles;
import org.flowlab.lessons.notebook.RawCell;
import org.flowlab.lessons.runner.LessonRun;
import org.flowlab.lessons.runner.LessonRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonFilesTest {

    @TempDir
    static Path dir;

    private static LessonRun run;
    private static LessonFiles files;
    private static String html;

    @BeforeAll
    static void runAndWrite() throws IOException {
        Notebook source;
        try (InputStream in = LessonFilesTest.class.getResourceAsStream("/notebooks/01-showcase.ipynb")) {
            source = NotebookFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "01-showcase.ipynb");
        }
        run = new LessonRunner().run("01-showcase.ipynb", source);
        files = LessonFiles.write("01-showcase", run.executed(), "A first look at a trace", dir.resolve("results"));
        html = Files.readString(files.page());
    }

    @Test
    void theExecutedNotebookIsWrittenWithItsOutputs() throws IOException {
        assertThat(files.notebook()).isEqualTo(dir.resolve("results/01-showcase.ipynb"));
        assertThat(Files.readString(files.notebook())).isEqualTo(NotebookFiles.toJson(run.executed()));
        JsonObject json = JsonParser.parseString(Files.readString(files.notebook())).getAsJsonObject();
        String text = json.toString();
        assertThat(text).contains("\"output_type\":\"stream\"", "\"output_type\":\"execute_result\"",
                "\"output_type\":\"display_data\"", "\"image/png\":\"iVBORw0KGgo");
        assertThat(NotebookFiles.read(files.notebook())).isEqualTo(run.executed());
    }

    @Test
    void thePageShowsEveryChartInlineAsAPngDataUri() {
        Matcher images = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"(\\d+)\" height=\"(\\d+)\"")
                .matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
            assertThat(images.group(1)).startsWith("iVBORw0KGgo");
        }
        assertThat(count).isEqualTo(3);
        assertThat(html).contains("width=\"400\" height=\"300\" alt=\"XYChart &quot;Tiny&quot;\"");
    }

    @Test
    void thePageRendersMarkdownAndShowsCodeAndOutputs() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>A first look at a trace</title>",
                "<h1>A first look at a trace</h1>", "<em>prints</em>", "<table>", "<td>value</td>",
                "var trace = WorkloadGenerator.generate(", "Check.that(answer == trace.size(), &quot;count the events",
                "<pre class=\"stdout\">✓ correct\n✓ correct\n</pre>", "<pre class=\"stderr\">to stderr\n</pre>",
                "<pre class=\"result\">&quot;teapot&quot;</pre>", "Executed by Flowlab");
        // The Jupyter set-up cell is for a kernel, not for readers of the executed lesson.
        assertThat(html).doesNotContain("%classpath");
        assertThat(html).doesNotContain("http://", "https://");
    }

    @Test
    void markdownAttachmentsAndRawCellsAreHandledLikeJupyterExport() {
        JsonObject attachments = JsonParser.parseString("{\"dot.png\": {\"image/png\": \"iVBORw0K\\nGgo=\"}}").getAsJsonObject();
        Notebook nb = Notebook.of(List.<Cell>of(new MarkdownCell(null, "# T\n\n![a dot](attachment:dot.png) <b>raw html</b>",
                null, attachments), new RawCell(null, "raw text stays out", null, null), CodeCell.of("1 < 2")));
        String page = LessonPage.render(nb, "T & more", "footer <x>");
        assertThat(page).contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"a dot\" />", "<b>raw html</b>",
                "<title>T &amp; more</title>", "1 &lt; 2", "<footer>footer &lt;x&gt;</footer>")
                .doesNotContain("raw text stays out");
    }

    @Test
    void writingLeavesNoTemporaryFiles() throws IOException {
        try (Stream<Path> list = Files.list(dir.resolve("results"))) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("01-showcase.ipynb", "01-showcase.html");
        }
    }
}
