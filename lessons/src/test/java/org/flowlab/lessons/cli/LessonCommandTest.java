package org.flowlab.lessons.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flowlab.lessons.notebook.Cell;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.MarkdownCell;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.NotebookFiles;
import org.flowlab.lessons.runner.ExerciseAnswersTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonCommandTest {

    @TempDir
    Path home;

    Path notebooks;
    Path results;

    @BeforeEach
    void aHomeWithTwoLessons() throws IOException {
        notebooks = Files.createDirectories(home.resolve("lessons/notebooks"));
        results = home.resolve("results/lessons");
        NotebookFiles.write(Notebook.of(List.of(MarkdownCell.of("# A first lesson\n\nIt prints, computes and draws."),
                CodeCell.of("System.out.println(\"hello\");\n6 * 7"),
                CodeCell.of("double[] xs = {1, 2, 3};\nvar chart = new XYChartBuilder().width(300).height(200).title(\"Line\").build();\n"
                        + "chart.addSeries(\"y\", xs, xs);\nchart"))), notebooks.resolve("01-first.ipynb"));
        NotebookFiles.write(Notebook.of(List.of(MarkdownCell.of("# Counting to three\n\nA short one."),
                CodeCell.of("IntStream.rangeClosed(1, 3).sum()"))), notebooks.resolve("02-counting.ipynb"));
        Files.writeString(notebooks.resolve("README.md"), "not a lesson");
        NotebookFiles.write(Notebook.of(List.of(MarkdownCell.of("# Scratch"))), notebooks.resolve("scratch.ipynb"));
    }

    private CommandLineRun lesson(String... args) {
        List<String> all = new ArrayList<>(List.of("lesson", "--notebooks", notebooks.toString(), "--out", results.toString()));
        all.addAll(List.of(args));
        return CommandLineRun.of(all.toArray(String[]::new));
    }

    @Test
    void withoutArgumentsTheLessonsAreListedByNumberWithTitleAndFile() {
        CommandLineRun run = lesson();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                 1  A first lesson     01-first.ipynb
                 2  Counting to three  02-counting.ipynb
                """);
    }

    @Test
    void theLessonsAreFoundInTheFlowlabHomeAndTheirResultsGoUnderIt() {
        String old = System.getProperty("flowlab.home");
        System.setProperty("flowlab.home", home.toString());
        try {
            assertThat(CommandLineRun.of("lesson").out()).contains("02-counting.ipynb");
            CommandLineRun run = CommandLineRun.of("lesson", "2");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("page      " + results.resolve("02-counting.html"));
            assertThat(results.resolve("02-counting.ipynb")).exists();
        } finally {
            if (old == null) {
                System.clearProperty("flowlab.home");
            } else {
                System.setProperty("flowlab.home", old);
            }
        }
    }

    @Test
    void runningALessonWritesItsNotebookAndPageAndSaysWhere() throws IOException {
        CommandLineRun run = lesson("1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("lesson 1: A first lesson — 2 code cells, 1 chart, ")
                .contains("  page      " + results.resolve("01-first.html"))
                .contains("  notebook  " + results.resolve("01-first.ipynb"));
        assertThat(Files.readString(results.resolve("01-first.html"))).contains("<img src=\"data:image/png;base64,",
                "<pre class=\"stdout\">hello\n</pre>", "<pre class=\"result\">42</pre>");
        assertThat(NotebookFiles.read(results.resolve("01-first.ipynb")).cells()).hasSize(3);
    }

    /** The "must show" of the lessons issue: break one cell of a copy, and the error names the lesson, the cell and the line. */
    @Test
    void aBrokenCellInACopyOfALessonIsNamedWithItsLineAndNoStackTrace() throws IOException {
        Notebook lesson = NotebookFiles.read(notebooks.resolve("01-first.ipynb"));
        List<Cell> cells = new ArrayList<>(lesson.cells());
        CodeCell chart = (CodeCell) cells.get(2);
        assertThat(chart.source()).contains("chart.addSeries(\"y\", xs, xs);");
        cells.set(2, new CodeCell(chart.id(), chart.source().replace("chart.addSeries(\"y\", xs, xs);",
                "chart.addSeries(\"y\", xs, xss);"), chart.metadata(), null, List.of()));
        NotebookFiles.write(lesson.withCells(cells), notebooks.resolve("01-first.ipynb"));

        CommandLineRun run = lesson("1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("""
                flowlab: lesson 01-first.ipynb failed in cell 3, line 3:
                    chart.addSeries("y", xs, xss);
                                             ^^^
                cannot find symbol (symbol: variable xss)
                  the page shows the lesson up to the failure: %s
                """.formatted(results.resolve("01-first.html")));
        String page = Files.readString(results.resolve("01-first.html"));
        assertThat(page).contains("<pre class=\"error\">", "<pre class=\"stdout\">hello\n</pre>");
    }

    @Test
    void aFailingCheckFailsItsLessonAndAllGoesOnWithTheOthers() throws IOException {
        NotebookFiles.write(Notebook.of(List.of(MarkdownCell.of("# Wrong answer"), CodeCell.of("int answer = 41;"),
                CodeCell.of("Check.equal(answer, 42, \"six times seven\");"))), notebooks.resolve("03-wrong.ipynb"));
        CommandLineRun run = lesson("all");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("lesson 1: A first lesson", "lesson 2: Counting to three")
                .endsWith("2 of 3 lessons ran; failed: lesson 3\n");
        assertThat(run.err()).contains("flowlab: lesson 03-wrong.ipynb failed in cell 3, line 1:",
                "the check did not pass: six times seven (got 41)");
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("01-first.ipynb",
                    "01-first.html", "02-counting.ipynb", "02-counting.html", "03-wrong.ipynb", "03-wrong.html");
        }
    }

    @Test
    void unfinishedExercisesAreNoFailureButWithTheSolutionsEveryCheckMustPass() throws IOException {
        NotebookFiles.write(Notebook.of(List.of(MarkdownCell.of("# Predict"),
                ExerciseAnswersTest.exercise("3.1", "Integer answer = Exercise.todo();", "Integer answer = 42;", "Integer answer = 41;"),
                CodeCell.of("Exercise.check(\"3.1\", answer, a -> a == 6 * 7, \"multiply again\");"))),
                notebooks.resolve("03-predict.ipynb"));
        CommandLineRun blank = lesson("3");
        assertThat(blank.exitCode()).as(blank.err()).isZero();
        assertThat(blank.out()).contains("  exercises 0 of 1 correct, 1 not done yet\n", "    ✗ 3.1 not done yet: ");
        CommandLineRun solved = lesson("all", "--solutions");
        assertThat(solved.exitCode()).as(solved.err()).isZero();
        assertThat(solved.out()).contains("  exercises 1 of 1 correct (with the solutions)\n").doesNotContain("✗")
                .endsWith("all 3 lessons ran\n");

        NotebookFiles.write(Notebook.of(List.of(MarkdownCell.of("# Predict"),
                ExerciseAnswersTest.exercise("3.1", "Integer answer = Exercise.todo();", "Integer answer = 41;", "Integer answer = 40;"),
                CodeCell.of("Exercise.check(\"3.1\", answer, a -> a == 6 * 7, \"multiply again\");"))),
                notebooks.resolve("03-predict.ipynb"));
        CommandLineRun wrongSolution = lesson("3", "--solutions");
        assertThat(wrongSolution.exitCode()).isEqualTo(1);
        assertThat(wrongSolution.err()).isEqualTo("flowlab: lesson 03-predict.ipynb: with the solutions, exercise 3.1 did "
                + "not pass: ✗ 3.1 not yet: multiply again\n");
    }

    @Test
    void aMisspelledFlagIsOneLineAndExitCode2() {
        CommandLineRun run = lesson("1", "--solution");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("flowlab: ").hasLineCount(1).contains("--solution");
    }

    @Test
    void allSaysSoWhenEveryLessonRan() {
        CommandLineRun run = lesson("all");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("all 2 lessons ran\n");
    }

    @Test
    void aNotebookFileOfOnesOwnRunsToo() {
        CommandLineRun run = lesson(notebooks.resolve("scratch.ipynb").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("scratch.ipynb: Scratch — 0 code cells, 0 charts");
        assertThat(results.resolve("scratch.html")).exists();
    }

    @Test
    void userMistakesGetOneLineAndExitCode2() throws IOException {
        CommandLineRun missing = lesson("7");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("flowlab: no lesson 7 in " + notebooks + "; the lessons are 1, 2\n");

        CommandLineRun word = lesson("seven");
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).startsWith("flowlab: 'seven' is not a lesson: give a lesson number, 'all', or a notebook file");

        CommandLineRun noDir = CommandLineRun.of("lesson", "--notebooks", home.resolve("nowhere").toString());
        assertThat(noDir.exitCode()).isEqualTo(2);
        assertThat(noDir.err()).startsWith("flowlab: " + home.resolve("nowhere") + ": no lessons here");

        Files.writeString(notebooks.resolve("04-broken.ipynb"), "{\"cells\": [");
        CommandLineRun broken = lesson();
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).startsWith("flowlab: " + notebooks.resolve("04-broken.ipynb") + ": not a notebook: malformed JSON")
                .hasLineCount(1);
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeTheLessonRuns() throws IOException {
        Path file = Files.writeString(home.resolve("afile"), "keep me");
        CommandLineRun run = CommandLineRun.of("lesson", "--notebooks", notebooks.toString(), "--out", file.toString(), "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("flowlab: ").hasLineCount(1)
                .contains(file + " is a file, not a folder; give a folder, which is created if missing");
        assertThat(run.out()).as("no lesson ran").isEmpty();
        assertThat(file).hasContent("keep me");
    }

    @Test
    void twoLessonsWithOneNumberAreRefused() throws IOException {
        Files.copy(notebooks.resolve("02-counting.ipynb"), notebooks.resolve("02-counting-again.ipynb"));
        CommandLineRun run = lesson();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("lesson 2 is also");
    }

    @Test
    void anEmptyFolderHasNoLessonsYetAndNothingToRun() throws IOException {
        Path empty = Files.createDirectories(home.resolve("empty"));
        CommandLineRun list = CommandLineRun.of("lesson", "--notebooks", empty.toString());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("no lessons yet in " + empty + "\n");
        CommandLineRun all = CommandLineRun.of("lesson", "--notebooks", empty.toString(), "all");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.err()).isEqualTo("flowlab: no lessons in " + empty + " to run\n");
    }
}
