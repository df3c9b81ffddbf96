package org.flowlab.lessons.runner;

import java.util.List;
import org.flowlab.lessons.Verdict;
import org.flowlab.lessons.notebook.Notebook;

/**
 * A lesson that ran to the end: the executed notebook (outputs embedded, execution counts set), how
 * many code cells ran and how many images they showed, the wall-clock time it took (starting JShell
 * with the imports, then the cells), the exercises its cells name in their metadata (in order), and
 * the verdicts its checks printed (in order).
 */
public record LessonRun(String lesson, Notebook executed, int codeCells, int images, long startNanos, long cellsNanos,
        List<String> exercises, List<Verdict> verdicts) {

    public LessonRun {
        exercises = List.copyOf(exercises);
        verdicts = List.copyOf(verdicts);
    }

    /** The verdicts printed for {@code exercise}. */
    public List<Verdict> verdictsOf(String exercise) {
        return verdicts.stream().filter(v -> v.exercise().equals(exercise)).toList();
    }

    /** How many of the exercises have every verdict passed (and at least one). */
    public long exercisesCorrect() {
        return exercises.stream().filter(e -> !verdictsOf(e).isEmpty() && verdictsOf(e).stream().allMatch(Verdict::passed))
                .count();
    }

    /** How many of the exercises are still blank: a verdict of theirs says not done yet. */
    public long exercisesNotDone() {
        return exercises.stream().filter(e -> verdictsOf(e).stream().anyMatch(v -> v.status() == Verdict.Status.NOT_DONE))
                .count();
    }
}
