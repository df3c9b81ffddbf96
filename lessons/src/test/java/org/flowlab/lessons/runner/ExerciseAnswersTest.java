package org.flowlab.lessons.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.flowlab.lessons.Verdict;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.MarkdownCell;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.StreamOutput;
import org.junit.jupiter.api.Test;

/** An exercise cell runs as written (a blank), with its solution, or with its stored wrong answer. */
public class ExerciseAnswersTest {

    public static CodeCell exercise(String name, String blank, String solution, String wrong) {
        JsonObject metadata = JsonParser.parseString("{\"flowlab\": {}}").getAsJsonObject();
        JsonObject flowlab = metadata.getAsJsonObject("flowlab");
        flowlab.addProperty("exercise", name);
        flowlab.addProperty("solution", solution);
        flowlab.addProperty("wrong", wrong);
        return new CodeCell(null, blank, metadata, null, List.of());
    }

    /** Predict six times seven; a later cell uses the prediction without caring whether it is blank. */
    static final Notebook SIX_TIMES_SEVEN = Notebook.of(List.of(MarkdownCell.of("# Predict"),
            exercise("1.1", "Integer answer = Exercise.todo();", "Integer answer = 42;", "Integer answer = 41;"),
            CodeCell.of("int product = 6 * 7;\nExercise.check(\"1.1\", answer, a -> a == product, \"multiply again\");"),
            CodeCell.of("System.out.println(\"the lesson goes on\");")));

    private static LessonRun run(Answers answers) {
        return new LessonRunner().run("01-predict.ipynb", SIX_TIMES_SEVEN, answers);
    }

    private static String printed(LessonRun run, int cell) {
        return ((StreamOutput) ((CodeCell) run.executed().cells().get(cell - 1)).outputs().get(0)).text();
    }

    @Test
    void asWrittenTheBlankIsNotDoneYetAndTheLessonRunsToItsEnd() {
        LessonRun run = run(Answers.AS_WRITTEN);
        assertThat(run.exercises()).containsExactly("1.1");
        assertThat(run.verdicts()).extracting(Verdict::status).containsExactly(Verdict.Status.NOT_DONE);
        assertThat(run.exercisesNotDone()).isEqualTo(1);
        assertThat(printed(run, 3)).startsWith("✗ 1.1 not done yet");
        assertThat(printed(run, 4)).isEqualTo("the lesson goes on\n");
        assertThat(((CodeCell) run.executed().cells().get(1)).source()).isEqualTo("Integer answer = Exercise.todo();");
    }

    @Test
    void theSolutionPassesAndTheExecutedNotebookShowsIt() {
        LessonRun run = run(Answers.SOLUTIONS);
        assertThat(run.verdicts()).containsExactly(new Verdict("1.1", Verdict.Status.CORRECT, ""));
        assertThat(run.exercisesCorrect()).isEqualTo(1);
        CodeCell solved = (CodeCell) run.executed().cells().get(1);
        assertThat(solved.source()).isEqualTo("Integer answer = 42;");
        assertThat(solved.storedAnswers()).isPresent();
    }

    @Test
    void theWrongAnswerFailsWithTheHintAndNotTheAnswer() {
        LessonRun run = run(Answers.WRONG);
        assertThat(run.verdicts()).containsExactly(new Verdict("1.1", Verdict.Status.NOT_YET, "multiply again"));
        assertThat(printed(run, 3)).isEqualTo("✗ 1.1 not yet: multiply again\n").doesNotContain("42");
        assertThat(printed(run, 4)).isEqualTo("the lesson goes on\n");
    }

    @Test
    void anExerciseCellWithoutItsWrongAnswerFailsTheLesson() {
        CodeCell half = exercise("1.1", "Integer answer = Exercise.todo();", "Integer answer = 42;", "Integer answer = 41;");
        JsonObject metadata = half.metadata();
        metadata.getAsJsonObject("flowlab").remove("wrong");
        Notebook notebook = Notebook.of(List.of(MarkdownCell.of("# Half"), new CodeCell(null, half.source(), metadata, null,
                List.of())));
        assertThatThrownBy(() -> new LessonRunner().run("01-half.ipynb", notebook, Answers.SOLUTIONS))
                .isInstanceOf(LessonFailure.class).hasMessageContaining("\"wrong\" is missing");
    }
}
