package org.flowlab.lessons.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flowlab.lessons.notebook.Cell;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.MarkdownCell;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.NotebookFiles;
import org.flowlab.lessons.runner.Answers;
import org.flowlab.lessons.runner.JupyterSetupCell;
import org.flowlab.lessons.runner.LessonRun;
import org.flowlab.lessons.runner.LessonRunner;
import org.flowlab.lessons.runner.LessonImports;
import org.junit.jupiter.api.Test;

/**
 * Every lesson opens in Jupyter with the IJava kernel: its first code cell is {@link JupyterSetupCell}'s,
 * exactly, and the paths that cell names exist after a build. What no test here can prove is that a
 * live IJava kernel runs the cell: Jupyter is not installed where the build runs.
 *
 * <p>After a change to {@link LessonImports#ALL} or to the cell, rewrite the notebooks with
 * {@code ./mvnw -o -q test -pl lessons -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=JupyterSetupCellsTest -Dflowlab.writeSetupCells=true}.
 */
class JupyterSetupCellsTest {
    /** Surefire runs in the module's folder. */
    private static final Path NOTEBOOKS = Path.of("notebooks");
    private static final String REWRITE = "flowlab.writeSetupCells";
    /** A line magic as IJava reads one: {@code %name} and its arguments, alone on a line. */
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(\\w+)(.*)$");

    @Test
    void everyLessonStartsWithTheSetupCellAndNamesIJavasKernel() {
        for (Lesson lesson : LessonCatalog.in(NOTEBOOKS).lessons()) {
            Notebook notebook = NotebookFiles.read(lesson.file());
            if (Boolean.getBoolean(REWRITE)) {
                notebook = JupyterSetupCell.into(notebook);
                NotebookFiles.write(notebook, lesson.file());
            }
            CodeCell first = notebook.cells().stream().filter(CodeCell.class::isInstance).map(CodeCell.class::cast)
                    .findFirst().orElseThrow();
            String fix = " (rewrite the notebooks with -D" + REWRITE + "=true, see this test's comment)";
            assertThat(first.skipped()).as(lesson.fileName() + ": the first code cell is the skipped set-up cell" + fix).isTrue();
            assertThat(first.source()).as(lesson.fileName() + ": the set-up cell" + fix).isEqualTo(JupyterSetupCell.source());
            assertThat(notebook.metadata().get("kernelspec")).as(lesson.fileName() + ": the kernel spec")
                    .isEqualTo(JupyterSetupCell.kernelspec());
            assertThat(notebook.cells().stream().filter(c -> c instanceof CodeCell code && code.skipped()))
                    .as(lesson.fileName() + ": one set-up cell").hasSize(1);
        }
    }

    @Test
    void theCellsImportsAreTheLessonImportsExactly() {
        List<String> imports = JupyterSetupCell.source().lines().filter(line -> line.startsWith("import ")).toList();
        assertThat(imports).isEqualTo(LessonImports.ALL);
        assertThat(JupyterSetupCell.source()).endsWith(LessonImports.ALL.get(LessonImports.ALL.size() - 1));
    }

    /** Tests run after the lessons module's classes are compiled and its class path file written (phase process-classes). */
    @Test
    void thePathsTheCellNamesExistAfterABuild() throws IOException {
        Path classes = NOTEBOOKS.resolve(JupyterSetupCell.CLASSES);
        assertThat(classes.resolve("org/flowlab/lessons/Exercise.class")).isRegularFile();
        Path classPathFile = NOTEBOOKS.resolve(JupyterSetupCell.CLASS_PATH_FILE);
        assertThat(classPathFile).isRegularFile();
        List<String> entries = List.of(Files.readString(classPathFile).trim().split(File.pathSeparator));
        assertThat(entries).as("the class path file's entries").isNotEmpty()
                .allMatch(entry -> Files.exists(Path.of(entry)), "exist")
                .anyMatch(entry -> entry.contains("flowlab-sim") || entry.replace('\\', '/').contains("sim/target/classes"))
                .anyMatch(entry -> entry.contains("xchart"));
        // The launcher reads the same file.
        assertThat(Files.readString(Path.of("..", "flowlab"))).contains("STAMP=\"$ROOT/lessons/target/launcher.classpath\"");
        assertThat(classPathFile.normalize()).isEqualTo(Path.of("target", "launcher.classpath"));
    }

    /**
     * The cell's Java compiles and names only paths that exist: run by the lesson runner after IJava's
     * desugaring (a line {@code %name a b} becomes {@code lineMagic("name", List.of("a", "b"))}), with a
     * {@code lineMagic} of our own that records what the cell adds to the class path. The kernel's
     * working directory is the notebooks' folder and the test's the module's, so the relative paths
     * are read from {@code notebooks/}.
     */
    @Test
    void theCellsJavaRunsAndAddsOnlyPathsThatExist() {
        String desugared = JupyterSetupCell.source().lines().map(line -> {
            Matcher magic = LINE_MAGIC.matcher(line);
            if (!magic.matches()) {
                return line;
            }
            String args = List.of(magic.group(2).trim().split("\\s+")).stream().map(a -> '"' + a + '"')
                    .collect(Collectors.joining(", "));
            return "lineMagic(\"" + magic.group(1) + "\", java.util.List.of(" + args + "));";
        }).collect(Collectors.joining("\n")).replace("../target/", NOTEBOOKS + "/../target/");
        Notebook notebook = Notebook.of(List.of(
                CodeCell.of("List<String> added = new ArrayList<>();\n"
                        + "<T> T lineMagic(String name, List<String> args) {\n"
                        + "    if (!name.equals(\"classpath\")) throw new IllegalArgumentException(name);\n"
                        + "    added.addAll(args);\n"
                        + "    return null;\n"
                        + "}"),
                CodeCell.of(desugared),
                CodeCell.of("added.size() + \" added, missing: \" + added.stream().filter(p -> !Files.exists(Path.of(p))).toList()")));
        LessonRun run = new LessonRunner().run("jupyter-setup.ipynb", notebook, Answers.AS_WRITTEN);
        String shown = ((CodeCell) run.executed().cells().get(2)).outputs().toString();
        assertThat(shown).contains("added, missing: []").doesNotContain("text/plain=\"0 added").doesNotContain("text/plain=\"1 added");
    }

    @Test
    void theCellGoesBeforeTheFirstCodeCellOnceAndIsReplacedInPlace() {
        Notebook plain = Notebook.of(List.of(MarkdownCell.of("# T"), CodeCell.of("1"),
                CodeCell.of("2")));
        Notebook once = JupyterSetupCell.into(plain);
        assertThat(once.cells()).hasSize(4);
        assertThat(once.cells().get(1)).isInstanceOfSatisfying(CodeCell.class, c -> assertThat(c.skipped()).isTrue());
        assertThat(once.cells().get(2).source()).isEqualTo("1");
        assertThat(once.metadata().get("kernelspec")).isEqualTo(JupyterSetupCell.kernelspec());
        Notebook twice = JupyterSetupCell.into(once);
        assertThat(NotebookFiles.toJson(twice)).isEqualTo(NotebookFiles.toJson(once));
        Cell stale = ((CodeCell) once.cells().get(1)).withSource("%classpath somewhere/else");
        Notebook staleNotebook = once.withCells(List.of(once.cells().get(0), stale, once.cells().get(2), once.cells().get(3)));
        assertThat(NotebookFiles.toJson(JupyterSetupCell.into(staleNotebook))).isEqualTo(NotebookFiles.toJson(once));
    }
}
