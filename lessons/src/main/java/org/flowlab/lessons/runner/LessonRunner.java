package org.flowlab.lessons.runner;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flowlab.lessons.Verdict;
import org.flowlab.lessons.notebook.Cell;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.DisplayData;
import org.flowlab.lessons.notebook.ErrorOutput;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.Output;
import org.flowlab.lessons.notebook.StoredAnswers;
import org.flowlab.lessons.notebook.StreamOutput;

/**
 * Executes a lesson notebook: each code cell in order, through one in-process JShell per lesson,
 * with Flowlab's class path and {@link LessonImports}. Markdown and raw cells pass through. The
 * first code cell may be marked {@code "flowlab": {"skip": true}} in its metadata to hold a Jupyter
 * kernel's set-up (magics), which the runner leaves out; no other cell may.
 *
 * <p>A cell shows what it prints (standard output and error, in order) and, when its last line is an
 * expression without a closing semicolon, that expression's value: as text, or as a PNG image when
 * it is an XChart chart, a {@link org.flowlab.lessons.Show.Charts} or a {@link java.awt.image.RenderedImage}.
 *
 * <p>Cells run in this JVM and print through {@code System.out}, which the runner points at the
 * cell while it runs: run one lesson at a time per JVM. (A cell that calls {@code System.exit}
 * ends the program, as it would any Java program.)
 *
 * <p>An exercise cell keeps a solution and a wrong answer in its metadata ({@link StoredAnswers});
 * {@link Answers} says whether it runs as written or with one of them. The verdicts the checks print
 * ({@link org.flowlab.lessons.Exercise}) are collected in the {@link LessonRun}; an exercise that is
 * not right, or still blank, does not stop the lesson.
 */
public final class LessonRunner {
    private final List<String> imports;
    private final List<String> classPath;

    /** A runner with {@link LessonImports#ALL} and this JVM's class path, which holds Flowlab. */
    public LessonRunner() {
        this(LessonImports.ALL, classPathOfThisJvm());
    }

    public LessonRunner(List<String> imports, List<String> classPath) {
        this.imports = List.copyOf(imports);
        this.classPath = List.copyOf(classPath);
    }

    /** The entries of {@code java.class.path}: what JShell must see to compile cells against Flowlab. */
    public static List<String> classPathOfThisJvm() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).toList();
    }

    /**
     * Runs every code cell of {@code notebook} as written; {@code lesson} names it in messages (its file name).
     *
     * @throws LessonFailure when a cell does not compile, throws, or holds a {@link org.flowlab.lessons.Check}
     *         that does not pass (an exercise that is not right does not stop the lesson)
     */
    public LessonRun run(String lesson, Notebook notebook) {
        return run(lesson, notebook, Answers.AS_WRITTEN);
    }

    /**
     * Runs every code cell of {@code notebook}, each exercise cell with the {@code answers} asked for.
     *
     * @throws LessonFailure as {@link #run(String, Notebook)}, and when an exercise cell's stored answers
     *         are malformed
     */
    public LessonRun run(String lesson, Notebook notebook, Answers answers) {
        long begin = System.nanoTime();
        List<Cell> cells = notebook.cells();
        List<Cell> executed = new ArrayList<>();
        List<String> exercises = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        try (LessonSession session = new LessonSession(imports, classPath)) {
            long started = System.nanoTime();
            int count = 0;
            int images = 0;
            boolean seenCode = false;
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                if (!(cell instanceof CodeCell code)) {
                    executed.add(cell);
                    continue;
                }
                int number = i + 1;
                if (code.skipped()) {
                    if (seenCode) {
                        throw failure(lesson, notebook, executed, i, code, null,
                                new LessonSession.CellError(1, -1, 0, "MisplacedSkip", "only the first code cell may be "
                                        + "marked {\"flowlab\": {\"skip\": true}}; it is for a Jupyter kernel's set-up"));
                    }
                    seenCode = true;
                    executed.add(code.cleared());
                    continue;
                }
                seenCode = true;
                count++;
                Optional<StoredAnswers> stored;
                try {
                    stored = code.storedAnswers();
                } catch (IllegalArgumentException e) {
                    throw failure(lesson, notebook, executed, i, code, null,
                            new LessonSession.CellError(1, -1, 0, "MalformedExercise", e.getMessage()));
                }
                if (stored.isPresent()) {
                    exercises.add(stored.get().exercise());
                    code = switch (answers) {
                        case AS_WRITTEN -> code;
                        case SOLUTIONS -> code.withSource(stored.get().solution());
                        case WRONG -> code.withSource(stored.get().wrong());
                    };
                }
                LessonSession.CellResult result = session.run(number, code.source(), count);
                if (result.error() != null) {
                    throw failure(lesson, notebook, executed, i, code.executed(count, result.outputs()), count,
                            result.error());
                }
                result.outputs().stream().filter(o -> o instanceof StreamOutput out && out.name().equals(StreamOutput.STDOUT))
                        .flatMap(o -> ((StreamOutput) o).text().lines()).map(Verdict::parse).flatMap(Optional::stream)
                        .forEach(verdicts::add);
                images += (int) result.outputs().stream().filter(o -> o instanceof DisplayData d
                        && d.data().containsKey(Output.IMAGE_PNG)).count();
                executed.add(code.executed(count, result.outputs()));
            }
            long end = System.nanoTime();
            return new LessonRun(lesson, notebook.withCells(executed), count, images, started - begin, end - started,
                    exercises, verdicts);
        }
    }

    /** The failure, with the notebook as far as it ran: the failing cell shows the error, later cells are cleared. */
    private static LessonFailure failure(String lesson, Notebook notebook, List<Cell> executed, int index, CodeCell failing,
            Integer count, LessonSession.CellError error) {
        String[] lines = failing.source().split("\n", -1);
        String lineText = error.line() <= lines.length ? lines[error.line() - 1] : "";
        LessonFailure probe = new LessonFailure(lesson, index + 1, error.line(), lineText, error.column(), error.width(),
                error.reason(), null);
        List<Output> outputs = new ArrayList<>(failing.outputs());
        outputs.add(new ErrorOutput(error.name(), error.reason(), List.of(probe.getMessage().split("\n"))));
        List<Cell> partial = new ArrayList<>(executed);
        partial.add(failing.executed(count, outputs));
        for (Cell rest : notebook.cells().subList(index + 1, notebook.cells().size())) {
            partial.add(rest instanceof CodeCell code ? code.cleared() : rest);
        }
        return new LessonFailure(lesson, index + 1, error.line(), lineText, error.column(), error.width(), error.reason(),
                notebook.withCells(partial));
    }
}
