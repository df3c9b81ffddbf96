package org.flowlab.lessons.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.flowlab.lessons.notebook.Cell;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.DisplayData;
import org.flowlab.lessons.notebook.ErrorOutput;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.NotebookFiles;
import org.flowlab.lessons.notebook.Output;
import org.flowlab.lessons.page.LessonFiles;
import org.flowlab.lessons.runner.LessonRun;
import org.flowlab.lessons.runner.LessonRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed lessons, {@code lessons/notebooks/}: each is a well-named notebook, and each runs to
 * its end with every check passing (a failing cell fails this test with the runner's message), so
 * {@code ./mvnw verify} proves every exercise solvable.
 * The lessons issue asks for nine lessons, and every one must show at least one chart.
 */
class LessonNotebooksTest {
    /** Surefire runs in the module's folder. */
    private static final Path NOTEBOOKS = Path.of("notebooks");

    @TempDir
    static Path results;

    @Test
    void theLessonsFolderHoldsOnlyWellNamedLessons() throws IOException {
        assertThat(NOTEBOOKS).isDirectory();
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            // A notebook whose name the catalog does not match would be silently left out of the lessons.
            assertThat(files.filter(f -> f.toString().endsWith(".ipynb")).map(f -> f.getFileName().toString()))
                    .allMatch(name -> LessonCatalog.FILE_NAME.matcher(name).matches());
        }
        LessonCatalog catalog = LessonCatalog.in(NOTEBOOKS);
        assertThat(catalog.lessons()).as("the nine lessons").hasSize(9);
        List<Integer> numbers = catalog.lessons().stream().map(Lesson::number).toList();
        assertThat(numbers).as("lessons are numbered from 1 without gaps")
                .isEqualTo(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
        for (Lesson lesson : catalog.lessons()) {
            assertThat(NotebookFiles.read(lesson.file()).title()).as(lesson.fileName() + " starts with a # heading").isPresent();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLessonRunsToItsEnd() {
        return LessonCatalog.in(NOTEBOOKS).lessons().stream().map(lesson -> dynamicTest(lesson.fileName(), () -> {
            Notebook notebook = NotebookFiles.read(lesson.file());
            LessonRun run = new LessonRunner().run(lesson.fileName(), notebook);
            assertThat(run.images()).as(lesson.fileName() + " shows at least one chart").isPositive();
            for (Cell cell : run.executed().cells()) {
                if (cell instanceof CodeCell code && !code.skipped()) {
                    assertThat(code.executionCount()).isNotNull();
                    assertThat(code.outputs()).noneMatch(o -> o instanceof ErrorOutput);
                    for (Output output : code.outputs()) {
                        if (output instanceof DisplayData display && display.data().containsKey(Output.IMAGE_PNG)) {
                            assertThat(display.data().get(Output.IMAGE_PNG)).startsWith("iVBORw0KGgo");
                        }
                    }
                }
            }
            LessonFiles files = LessonFiles.write(lesson.baseName(), run.executed(), lesson.title(), results);
            assertThat(files.page()).exists();
        }));
    }
}
