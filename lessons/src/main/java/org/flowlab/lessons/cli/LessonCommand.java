package org.flowlab.lessons.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import org.flowlab.cli.FolderConverter;
import org.flowlab.lessons.Verdict;
import org.flowlab.lessons.catalog.Lesson;
import org.flowlab.lessons.catalog.LessonCatalog;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.NotebookFiles;
import org.flowlab.lessons.page.LessonFiles;
import org.flowlab.lessons.runner.Answers;
import org.flowlab.lessons.runner.LessonFailure;
import org.flowlab.lessons.runner.LessonRun;
import org.flowlab.lessons.runner.LessonRunner;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flowlab lesson [N|all|FILE.ipynb] [--solutions]}: lists the lessons, or runs one or all and
 * writes each one's executed notebook and HTML page, and says how many exercises are right. An
 * exercise not done yet or not right is the student's work in progress, not a failure: the lesson
 * runs to its end and the exit code is 0. A lesson that fails (a cell that does not compile or
 * throws) is not the user's mistake either: its message (lesson, cell, line, error) goes to standard
 * error and the exit code is 1. With {@code --solutions} every exercise runs with its stored
 * solution, and one whose check does not pass fails its lesson (exit 1): that is what CI runs.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = {"List the lessons, or run one of them (or all).",
                "Running a lesson executes its notebook's code cells in order, as Jupyter would, and writes the "
                        + "executed notebook (outputs and charts embedded) and a standalone HTML page under "
                        + "results/lessons/. A cell that fails stops the lesson with the cell, the line and the error.",
                "Exercises left blank (Exercise.todo()) or not right yet show ✗ under their check and in the summary; the lesson "
                        + "still runs to its end and the exit code stays 0."},
        footer = {"", "Examples:", "  ./flowlab lesson                 list the lessons",
                "  ./flowlab lesson 3               run lesson 3 and print where its page is",
                "  ./flowlab lesson all             run every lesson",
                "  ./flowlab lesson 3 --solutions   run lesson 3 with its exercises solved",
                "  ./flowlab lesson my-copy.ipynb   run a notebook of your own"})
public final class LessonCommand implements Callable<Integer> {
    /** Exit code of a lesson that failed: not a user mistake (that is 2), but not a success. */
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "N|all|FILE.ipynb",
            description = "A lesson number, 'all', or a notebook file. Without it, the lessons are listed.")
    String which;

    @Option(names = "--notebooks", paramLabel = "DIR",
            description = "Where the lessons are (default: lessons/notebooks/ of the Flowlab checkout).")
    Path notebooks;

    @Option(names = "--solutions",
            description = "Run every exercise with its stored solution instead of the blank; an exercise whose check "
                    + "then does not pass fails its lesson (exit 1).")
    boolean solutions;

    @Option(names = "--out", paramLabel = "DIR", converter = FolderConverter.class,
            description = "Where executed notebooks and pages go (default: results/lessons/ of the Flowlab checkout).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (which == null) {
            list(stdout);
            return 0;
        }
        if (which.equalsIgnoreCase("all")) {
            return runAll(stdout);
        }
        if (which.matches("\\d{1,3}")) {
            return run(catalog().get(Integer.parseInt(which)), stdout) ? 0 : EXIT_FAILED;
        }
        if (which.endsWith(".ipynb")) {
            return run(lessonFromFile(Path.of(which)), stdout) ? 0 : EXIT_FAILED;
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "'" + which + "' is not a lesson: give a lesson number, 'all', or a notebook file (.ipynb)");
    }

    private void list(PrintWriter stdout) {
        LessonCatalog catalog = catalog();
        if (catalog.lessons().isEmpty()) {
            stdout.println("no lessons yet in " + catalog.dir());
            stdout.flush();
            return;
        }
        int width = catalog.lessons().stream().mapToInt(l -> l.title().length()).max().orElse(0);
        for (Lesson lesson : catalog.lessons()) {
            stdout.printf(Locale.ROOT, "%2d  %-" + width + "s  %s%n", lesson.number(), lesson.title(), lesson.fileName());
        }
        stdout.flush();
    }

    private int runAll(PrintWriter stdout) {
        LessonCatalog catalog = catalog();
        if (catalog.lessons().isEmpty()) {
            spec.commandLine().getErr().println("flowlab: no lessons in " + catalog.dir() + " to run");
            spec.commandLine().getErr().flush();
            return EXIT_FAILED;
        }
        List<String> failed = new ArrayList<>();
        for (Lesson lesson : catalog.lessons()) {
            if (!run(lesson, stdout)) {
                failed.add(Integer.toString(lesson.number()));
            }
        }
        int total = catalog.lessons().size();
        stdout.println(failed.isEmpty() ? "all " + total + " lessons ran"
                : (total - failed.size()) + " of " + total + " lessons ran; failed: lesson " + String.join(", ", failed));
        stdout.flush();
        return failed.isEmpty() ? 0 : EXIT_FAILED;
    }

    /** Runs one lesson and writes its files; false when it failed (the message is on standard error). */
    private boolean run(Lesson lesson, PrintWriter stdout) {
        Notebook notebook = NotebookFiles.read(lesson.file());
        Path dir = outDir();
        try {
            LessonRun run = new LessonRunner().run(lesson.fileName(), notebook,
                    solutions ? Answers.SOLUTIONS : Answers.AS_WRITTEN);
            LessonFiles files = LessonFiles.write(lesson.baseName(), run.executed(), lesson.title(), dir);
            double seconds = (run.startNanos() + run.cellsNanos()) / 1e9;
            String name = lesson.number() > 0 ? "lesson " + lesson.number() : lesson.fileName();
            stdout.printf(Locale.ROOT, "%s: %s — %d code cells, %d %s, %.1f s%n", name, lesson.title(), run.codeCells(),
                    run.images(), run.images() == 1 ? "chart" : "charts", seconds);
            if (!run.exercises().isEmpty()) {
                long notDone = run.exercisesNotDone();
                stdout.printf(Locale.ROOT, "  exercises %d of %d correct%s%s%n", run.exercisesCorrect(), run.exercises().size(),
                        notDone > 0 ? ", " + notDone + " not done yet" : "", solutions ? " (with the solutions)" : "");
                run.verdicts().stream().filter(v -> !v.passed()).forEach(v -> stdout.println("    " + v.line()));
            }
            stdout.println("  page      " + files.page());
            stdout.println("  notebook  " + files.notebook());
            stdout.flush();
            List<String> unsolved = solutions ? unsolved(run) : List.of();
            if (!unsolved.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("flowlab: lesson " + lesson.fileName() + ": with the solutions, " + String.join("; ", unsolved));
                err.flush();
                return false;
            }
            return true;
        } catch (LessonFailure failure) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("flowlab: " + failure.getMessage());
            failure.partial().ifPresent(partial -> {
                LessonFiles files = LessonFiles.write(lesson.baseName(), partial, lesson.title(), dir);
                err.println("  the page shows the lesson up to the failure: " + files.page());
            });
            err.flush();
            return false;
        }
    }

    /** The exercises whose stored solution did not pass its check, or whose check never ran. */
    private static List<String> unsolved(LessonRun run) {
        List<String> unsolved = new ArrayList<>();
        for (String exercise : run.exercises()) {
            List<Verdict> verdicts = run.verdictsOf(exercise);
            if (verdicts.isEmpty()) {
                unsolved.add("exercise " + exercise + " printed no verdict (no Exercise check names it)");
            } else {
                verdicts.stream().filter(v -> !v.passed()).findFirst()
                        .ifPresent(v -> unsolved.add("exercise " + exercise + " did not pass: " + v.line()));
            }
        }
        return unsolved;
    }

    private Lesson lessonFromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such notebook file");
        }
        Notebook notebook = NotebookFiles.read(file);
        Matcher m = LessonCatalog.FILE_NAME.matcher(file.getFileName().toString());
        // A notebook not named like a lesson has no number; 0 stands for none.
        int number = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        return new Lesson(number, notebook.title().orElse(file.getFileName().toString()), file.toAbsolutePath());
    }

    private LessonCatalog catalog() {
        return LessonCatalog.in(notebooks != null ? notebooks : FlowlabHome.get().resolve("lessons").resolve("notebooks"));
    }

    private Path outDir() {
        return out != null ? out : FlowlabHome.get().resolve("results").resolve("lessons");
    }
}
