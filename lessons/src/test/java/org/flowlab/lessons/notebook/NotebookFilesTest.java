package org.flowlab.lessons.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookFilesTest {

    @TempDir
    Path dir;

    static String resource(String name) {
        try (InputStream in = NotebookFilesTest.class.getResourceAsStream("/notebook/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aNotebookSavedByJupyterIsWrittenBackByteForByte() {
        String saved = resource("jupyter-saved.ipynb");
        assertThat(NotebookFiles.toJson(NotebookFiles.parse(saved, "jupyter-saved.ipynb"))).isEqualTo(saved);
    }

    @Test
    void cellsOutputsAndMetadataAreRead() {
        Notebook nb = NotebookFiles.parse(resource("jupyter-saved.ipynb"), "x.ipynb");
        assertThat(nb.nbformatMinor()).isEqualTo(5);
        assertThat(nb.metadata().getAsJsonObject("kernelspec").get("name").getAsString()).isEqualTo("java");
        assertThat(nb.title()).contains("Two ways to process data");
        assertThat(nb.cells()).hasSize(5);
        assertThat(nb.cells().get(0)).isInstanceOf(MarkdownCell.class);
        assertThat(((MarkdownCell) nb.cells().get(0)).attachments().has("pic.png")).isTrue();

        CodeCell setup = (CodeCell) nb.cells().get(1);
        assertThat(setup.skipped()).isTrue();
        assertThat(setup.executionCount()).isNull();

        CodeCell code = (CodeCell) nb.cells().get(2);
        assertThat(code.skipped()).isFalse();
        assertThat(code.id()).isEqualTo("a1b2");
        assertThat(code.source()).isEqualTo("int x = 6 * 7;\nSystem.out.println(\"hello\");\nx");
        assertThat(code.executionCount()).isEqualTo(3);
        assertThat(code.outputs()).hasSize(5);
        assertThat(code.outputs().get(0)).isEqualTo(new StreamOutput("stdout", "hello\nworld\n"));
        assertThat(code.outputs().get(1)).isEqualTo(new StreamOutput("stderr", "warn\n"));
        assertThat(code.outputs().get(2)).isEqualTo(ExecuteResult.text(3, "42"));
        DisplayData display = (DisplayData) code.outputs().get(3);
        assertThat(display.data()).containsEntry("image/png", "iVBORw0KGgoAAAANSUhEUg==\n").containsEntry("text/plain", "<chart>");
        assertThat(JsonParser.parseString(display.data().get("application/json")))
                .isEqualTo(JsonParser.parseString("{\"a\": [1, 2.50, \"x\"]}"));
        assertThat(code.outputs().get(4)).isEqualTo(new ErrorOutput("java.lang.ArithmeticException", "/ by zero",
                List.of("line 1", "line 2")));

        assertThat(nb.cells().get(3)).isInstanceOf(RawCell.class);
        assertThat(nb.cells().get(4).source()).isEmpty();
    }

    @Test
    void sourceMayBeOneStringAndIsWrittenAsLines() {
        Notebook nb = NotebookFiles.parse("{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"int a = 1;\\nint b = 2;\\n\", \"outputs\": [],"
                + " \"execution_count\": null}]}", "s.ipynb");
        assertThat(nb.cells().get(0).source()).isEqualTo("int a = 1;\nint b = 2;\n");
        assertThat(NotebookFiles.toJson(nb)).contains("\"source\": [\n    \"int a = 1;\\n\",\n    \"int b = 2;\\n\"\n   ]");
    }

    @Test
    void cellIdsAreAddedOnlyWhereTheFormatRequiresThem() {
        List<Cell> cells = List.of(MarkdownCell.of("# T"), CodeCell.of("1"), new CodeCell("cell-3", "2", null, null, List.of()),
                CodeCell.of("3"));
        Notebook v45 = NotebookFiles.parse(NotebookFiles.toJson(Notebook.of(cells)), "a");
        // Position 3 already names a cell, so the fourth cell's made-up id must not collide with it.
        assertThat(v45.cells()).extracting(Cell::id).containsExactly("cell-1", "cell-2", "cell-3", "cell-4");
        Notebook v44 = NotebookFiles.parse(NotebookFiles.toJson(new Notebook(4, null, cells)), "b");
        assertThat(v44.cells()).extracting(Cell::id).containsExactly(null, null, "cell-3", null);
        Notebook clash = Notebook.of(List.of(CodeCell.of("1"), new CodeCell("cell-1", "2", null, null, List.of())));
        assertThat(NotebookFiles.parse(NotebookFiles.toJson(clash), "c").cells()).extracting(Cell::id)
                .containsExactly("cell-1-2", "cell-1");
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("sub/out.ipynb");
        Notebook nb = Notebook.of(List.of(MarkdownCell.of("# One")));
        NotebookFiles.write(nb, file);
        NotebookFiles.write(nb.withCells(List.of(MarkdownCell.of("# Two"))), file);
        assertThat(NotebookFiles.read(file).title()).contains("Two");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theTitleIsTheFirstHeadingOutsideCodeFences() {
        assertThat(Notebook.of(List.of(CodeCell.of("// # not a title"), MarkdownCell.of("Intro\n```\n# code\n```\n## Real ##  ")))
                .title()).contains("Real");
        assertThat(Notebook.of(List.of(MarkdownCell.of("#hashtag is not a heading"))).title()).isEmpty();
    }

    @Test
    void whatIsNotANotebookIsNamedWithItsFieldPath() {
        String ok = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [%s]}";
        assertError("{\"cells\": [", "bad.ipynb: not a notebook: malformed JSON");
        assertError("[1]", "bad.ipynb: not a notebook: expected a JSON object");
        assertError("{\"nbformat\": 3, \"nbformat_minor\": 0, \"cells\": []}", "bad.ipynb: nbformat: 3 is not supported");
        assertError("{\"nbformat\": 4, \"nbformat_minor\": 5}", "bad.ipynb: cells: is missing");
        assertError(String.format(ok, "{\"cell_type\": \"python\", \"source\": \"\"}"),
                "bad.ipynb: cells[0].cell_type: 'python' is not a cell type (allowed: markdown, code, raw)");
        assertError(String.format(ok, "{\"cell_type\": \"code\", \"source\": 5}"),
                "bad.ipynb: cells[0].source: must be a string or an array of strings (got 5)");
        assertError(String.format(ok, "{\"cell_type\": \"code\", \"source\": [\"a\", 1]}"),
                "bad.ipynb: cells[0].source[1]: must be a string (got 1)");
        assertError(String.format(ok, "{\"cell_type\": \"code\", \"source\": \"\", \"metadata\": {\"flowlab\": {\"skip\": \"yes\"}}}"),
                "bad.ipynb: cells[0].metadata.flowlab.skip: must be true or false (got \"yes\")");
        assertError(String.format(ok, "{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": [{\"output_type\": \"image\"}]}"),
                "bad.ipynb: cells[0].outputs[0].output_type: 'image' is not an output type");
        assertError(String.format(ok, "{\"cell_type\": \"code\", \"source\": \"\", \"execution_count\": -1}"),
                "bad.ipynb: cells[0].execution_count: must be null or 0 or more (got -1)");
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertThatThrownBy(() -> NotebookFiles.read(dir.resolve("missing.ipynb")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing.ipynb: cannot read the notebook (no such file or directory");
    }

    private static void assertError(String json, String expected) {
        assertThatThrownBy(() -> NotebookFiles.parse(json, "bad.ipynb"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
