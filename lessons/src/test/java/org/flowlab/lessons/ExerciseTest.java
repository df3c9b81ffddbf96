package org.flowlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ExerciseTest {

    /** What a check printed; it must also return the verdict it printed. */
    private static String printed(Supplier<Verdict> check) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Verdict verdict;
        try {
            verdict = check.get();
        } finally {
            System.setOut(old);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(verdict.line() + "\n");
        return text;
    }

    @Test
    void aBlankIsNotDoneYetAndNeverThrows() {
        Integer blank = Exercise.todo();
        assertThat(printed(() -> Exercise.check("2.1", blank, size -> size > 1000, "larger"))).isEqualTo(
                "✗ 2.1 not done yet: " + Exercise.NOT_DONE_HINT + "\n");
        Double prediction = Exercise.todo();
        assertThat(printed(() -> Exercise.close("8.1", prediction, 5.0, 1.0, "h"))).startsWith("✗ 8.1 not done yet");
        String choice = Exercise.todo();
        assertThat(printed(() -> Exercise.choice("9.1", choice, "a", List.of("a", "b"), "h"))).startsWith("✗ 9.1 not done yet");
    }

    @Test
    void aRightAnswerIsCorrectAndAWrongOneShowsItsHintButNotTheAnswer() {
        assertThat(printed(() -> Exercise.check("2.1", 100_000, size -> size >= 10_000, "larger tasks"))).isEqualTo(
                "✓ 2.1 correct\n");
        assertThat(printed(() -> Exercise.check("2.1", 100, size -> size >= 10_000, "larger tasks"))).isEqualTo(
                "✗ 2.1 not yet: larger tasks\n");
        assertThat(printed(() -> Exercise.close("8.1", 4.5, 5.25, 1.0, "compare the two runs"))).isEqualTo("✓ 8.1 correct\n");
        String off = printed(() -> Exercise.close("8.1", 2, 5.25, 1.0, "compare the two runs"));
        assertThat(off).isEqualTo("✗ 8.1 not yet: your prediction 2 is too low — compare the two runs\n").doesNotContain("5.25");
        assertThat(printed(() -> Exercise.close("8.1", 9.5, 5.25, 1.0, "h"))).contains("is too high").doesNotContain("5.25");
        assertThat(printed(() -> Exercise.choice("9.1", "b", "a", List.of("a", "b"), "think of the cold start")))
                .isEqualTo("✗ 9.1 not yet: think of the cold start\n");
        assertThat(printed(() -> Exercise.choice("9.1", "c", "a", List.of("a", "b"), "h")))
                .isEqualTo("✗ 9.1 not yet: c is not one of the options: \"a\", \"b\"\n");
        assertThat(printed(() -> Exercise.choice("7.3", false, false, List.of(true, false), "h"))).isEqualTo("✓ 7.3 correct\n");
    }

    @Test
    void theFirstBrokenRuleSpeaksAndTheMeasureRunsOnce() {
        int[] runs = {0};
        assertThat(printed(() -> Exercise.check("3.1", "30s", slide -> ++runs[0] * 10,
                Exercise.rule(delay -> delay > 0, "first"), Exercise.rule(delay -> delay > 50, "second"),
                Exercise.rule(delay -> delay > 100, "third")))).isEqualTo("✗ 3.1 not yet: second\n");
        assertThat(runs[0]).isEqualTo(1);
    }

    @Test
    void anAnswerThatMakesTheCheckThrowIsNotRightAndSaysWhy() {
        assertThat(printed(() -> Exercise.check("3.1", "banana", slide -> java.time.Duration.parse(slide),
                Exercise.rule(d -> true, "never")))).startsWith("✗ 3.1 not yet: this answer does not work: Text cannot be parsed");
    }

    @Test
    void aCheckNeedsSensibleArguments() {
        assertThatThrownBy(() -> Exercise.close("1.1", 1, 1, -1, "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Exercise.choice("1.1", "a", "z", List.of("a", "b"), "h"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Exercise.check("has space", 1, x -> true, "h")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void aVerdictLineReadsBackAsTheSameVerdict(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 6) String name,
            @ForAll Verdict.Status status, @ForAll @StringLength(max = 30) String hint) {
        Verdict verdict = new Verdict(name, status, hint);
        assertThat(Verdict.parse(verdict.line())).as(verdict.line()).hasValueSatisfying(read -> {
            assertThat(read.exercise()).isEqualTo(name);
            assertThat(read.status()).isEqualTo(status);
            if (status != Verdict.Status.CORRECT) {
                assertThat(read.hint()).isEqualTo(verdict.hint());
            }
        });
    }

    @Test
    void otherLinesAreNoVerdicts() {
        assertThat(Verdict.parse("✓ correct")).isEmpty();
        assertThat(Verdict.parse("✗ not yet: six times seven (got 41)")).isEmpty();
        assertThat(Verdict.parse("batch every 1m: p50 91.2 s")).isEmpty();
    }
}
