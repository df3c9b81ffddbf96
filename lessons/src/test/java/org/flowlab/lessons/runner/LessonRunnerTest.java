package org.flowlab.lessons.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.flowlab.lessons.notebook.Cell;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.DisplayData;
import org.flowlab.lessons.notebook.ErrorOutput;
import org.flowlab.lessons.notebook.ExecuteResult;
import org.flowlab.lessons.notebook.MarkdownCell;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.Output;
import org.flowlab.lessons.notebook.StreamOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LessonRunnerTest {

    private static LessonRun showcase;

    @BeforeAll
    static void runTheShowcase() {
        showcase = new LessonRunner().run("01-showcase.ipynb", TestNotebooks.resource("01-showcase.ipynb"));
    }

    private static CodeCell cell(int number) {
        return (CodeCell) showcase.executed().cells().get(number - 1);
    }

    @Test
    void markdownPassesThroughAndTheSkipCellIsLeftOut() {
        Notebook source = TestNotebooks.resource("01-showcase.ipynb");
        assertThat(showcase.executed().cells().get(0)).isEqualTo(source.cells().get(0));
        assertThat(showcase.executed().metadata()).isEqualTo(source.metadata());
        assertThat(cell(2).skipped()).isTrue();
        assertThat(cell(2).executionCount()).isNull();
        assertThat(cell(2).outputs()).isEmpty();
    }

    @Test
    void codeCellsGetExecutionCountsInOrder() {
        List<Integer> counts = showcase.executed().cells().stream().filter(c -> c instanceof CodeCell code && !code.skipped())
                .map(c -> ((CodeCell) c).executionCount()).toList();
        assertThat(counts).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(showcase.codeCells()).isEqualTo(7);
    }

    @Test
    void aCellShowsWhatItPrintsAndItsLastExpression() {
        CodeCell trace = cell(3);
        assertThat(trace.outputs()).hasSize(2);
        StreamOutput printed = (StreamOutput) trace.outputs().get(0);
        assertThat(printed.name()).isEqualTo("stdout");
        assertThat(printed.text()).matches("events: \\d+\n");
        String events = printed.text().replaceAll("\\D", "");
        assertThat(trace.outputs().get(1)).isEqualTo(ExecuteResult.text(1, events));
    }

    @Test
    void aChartAsTheLastExpressionIsShownAsAPngAtTwiceItsSize() throws IOException {
        List<Output> outputs = cell(5).outputs();
        assertThat(outputs).hasSize(1);
        DisplayData chart = (DisplayData) outputs.get(0);
        assertThat(chart.data()).containsEntry(Output.TEXT_PLAIN, "XYChart \"Tiny\"");
        BufferedImage image = png(chart);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(chart.metadata().getAsJsonObject("image/png").get("width").getAsInt()).isEqualTo(400);
        assertThat(showcase.images()).isEqualTo(3);
    }

    @Test
    void showChartsShowsEachChartInOrder() throws IOException {
        List<Output> outputs = cell(6).outputs();
        assertThat(outputs).hasSize(2).allMatch(o -> o instanceof DisplayData);
        assertThat(png((DisplayData) outputs.get(0)).getWidth()).isEqualTo(800);
        assertThat(png((DisplayData) outputs.get(1)).getWidth()).isEqualTo(600);
        assertThat(((DisplayData) outputs.get(1)).data()).containsEntry(Output.TEXT_PLAIN, "CategoryChart \"Bars\"");
    }

    @Test
    void passingChecksSayCorrect() {
        assertThat(cell(9).outputs()).containsExactly(new StreamOutput("stdout", "✓ correct\n✓ correct\n"));
    }

    @Test
    void standardOutputAndErrorKeepTheirOrder() {
        assertThat(cell(10).outputs()).containsExactly(
                new StreamOutput("stdout", "to stdout\n"),
                new StreamOutput("stderr", "to stderr\n"),
                new StreamOutput("stdout", "no newline"),
                ExecuteResult.text(6, "\"teapot\""));
    }

    @Test
    void declarationsStatementsAndTerminatedExpressionsShowNoValue() {
        assertThat(cell(11).outputs()).isEmpty();
        assertThat(cell(8).outputs()).isEmpty();
    }

    @Test
    void aCompileErrorNamesTheLessonCellLineAndSymbol() {
        LessonFailure failure = fail(TestNotebooks.ofCode("int a = 1;", "int b = 2;\nint c = a + missing;\nint d = 4;"));
        assertThat(failure.cell()).isEqualTo(3);
        assertThat(failure.line()).isEqualTo(2);
        assertThat(failure.lineText()).isEqualTo("int c = a + missing;");
        assertThat(failure.getMessage()).isEqualTo("""
                lesson test.ipynb failed in cell 3, line 2:
                    int c = a + missing;
                                ^^^^^^^
                cannot find symbol (symbol: variable missing)""");
    }

    @Test
    void aMissingSemicolonPointsAtItsLine() {
        LessonFailure failure = fail(TestNotebooks.ofCode("int a = 1\nint b = 2;"));
        assertThat(failure.line()).isEqualTo(1);
        assertThat(failure.reason()).isEqualTo("';' expected");
    }

    @Test
    void anExceptionNamesTheLineItWasThrownFrom() {
        LessonFailure failure = fail(TestNotebooks.ofCode("int zero = 0;",
                "// comment lines count\n\nint ok = 1;\nif (ok > 0) {\n    int bad = ok / zero;\n}"));
        assertThat(failure.cell()).isEqualTo(3);
        assertThat(failure.line()).isEqualTo(5);
        assertThat(failure.lineText()).isEqualTo("    int bad = ok / zero;");
        assertThat(failure.reason()).isEqualTo("java.lang.ArithmeticException: / by zero");
        assertThat(failure.getMessage()).doesNotContain("\tat ", "LessonSession", "REPL");
    }

    @Test
    void anExceptionFromAnEarlierCellsMethodNamesBothPlaces() {
        LessonFailure failure = fail(TestNotebooks.ofCode(
                "int pick(int[] values, int i) {\n    return values[i];\n}",
                "int[] three = {1, 2, 3};\nint x = pick(three, 3);"));
        assertThat(failure.cell()).isEqualTo(3);
        assertThat(failure.line()).isEqualTo(2);
        assertThat(failure.reason()).isEqualTo("java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 3"
                + " (thrown in cell 2, line 2)");
    }

    @Test
    void aFailedCheckStopsTheLessonWithItsHint() {
        LessonFailure failure = fail(TestNotebooks.ofCode("int answer = 41;",
                "Check.equal(answer, 42, \"six times seven\");", "System.out.println(\"never runs\");"));
        assertThat(failure.cell()).isEqualTo(3);
        assertThat(failure.line()).isEqualTo(1);
        assertThat(failure.reason()).isEqualTo("the check did not pass: six times seven (got 41)");
        Notebook partial = failure.partial().orElseThrow();
        CodeCell check = (CodeCell) partial.cells().get(2);
        assertThat(check.outputs().get(0)).isEqualTo(new StreamOutput("stdout", "✗ not yet: six times seven (got 41)\n"));
        assertThat(check.outputs().get(1)).isInstanceOf(ErrorOutput.class);
        assertThat(((ErrorOutput) check.outputs().get(1)).traceback()).contains("lesson test.ipynb failed in cell 3, line 1:");
        CodeCell after = (CodeCell) partial.cells().get(3);
        assertThat(after.executionCount()).isNull();
        assertThat(after.outputs()).isEmpty();
    }

    @Test
    void unfinishedCodeIsReportedWhereItStarts() {
        LessonFailure failure = fail(TestNotebooks.ofCode("int a = 1;\nfor (int i = 0; i < 3; i++) {\n    a += i;\n"));
        assertThat(failure.line()).isEqualTo(2);
        assertThat(failure.reason()).contains("not finished");
    }

    @Test
    void aMethodThatNamesSomethingUndefinedFailsItsCell() {
        LessonFailure failure = fail(TestNotebooks.ofCode("void greet() {\n    helper();\n}"));
        assertThat(failure.line()).isEqualTo(1);
        assertThat(failure.reason()).isEqualTo("greet refers to method helper(), which is not defined");
    }

    @Test
    void onlyTheFirstCodeCellMayBeSkipped() {
        Notebook nb = Notebook.of(List.<Cell>of(MarkdownCell.of("# T"), CodeCell.of("int a = 1;"), skip("%magic")));
        assertThatThrownBy(() -> new LessonRunner().run("skip.ipynb", nb)).isInstanceOf(LessonFailure.class)
                .hasMessageContaining("failed in cell 3, line 1").hasMessageContaining("only the first code cell");
        LessonRun ok = new LessonRunner().run("skip.ipynb", Notebook.of(List.<Cell>of(MarkdownCell.of("# T"),
                skip("%jars whatever"), CodeCell.of("1 + 1"))));
        assertThat(((CodeCell) ok.executed().cells().get(2)).outputs()).containsExactly(ExecuteResult.text(1, "2"));
    }

    @Test
    void definitionsCarryOverFromCellToCellButNotFromLessonToLesson() {
        LessonRun first = new LessonRunner().run("a.ipynb", TestNotebooks.ofCode("int shared = 5;", "shared * 2"));
        assertThat(((CodeCell) first.executed().cells().get(2)).outputs()).containsExactly(ExecuteResult.text(2, "10"));
        assertThat(fail(TestNotebooks.ofCode("shared")).reason()).startsWith("cannot find symbol");
    }

    private static CodeCell skip(String source) {
        com.google.gson.JsonObject meta = com.google.gson.JsonParser.parseString("{\"flowlab\": {\"skip\": true}}")
                .getAsJsonObject();
        return new CodeCell(null, source, meta, null, List.of());
    }

    private static LessonFailure fail(Notebook notebook) {
        try {
            new LessonRunner().run("test.ipynb", notebook);
        } catch (LessonFailure failure) {
            return failure;
        }
        throw new AssertionError("the lesson should have failed");
    }

    private static BufferedImage png(DisplayData display) throws IOException {
        byte[] bytes = Base64.getDecoder().decode(display.data().get(Output.IMAGE_PNG));
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
