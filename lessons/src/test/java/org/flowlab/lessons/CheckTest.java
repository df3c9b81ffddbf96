package org.flowlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckTest {

    /** What {@code check} printed; a check that throws has its message returned after the printed text. */
    private static String printed(Runnable check) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String thrown = "";
        try {
            check.run();
        } catch (CheckFailure e) {
            thrown = "thrown: " + e.getMessage();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8) + thrown;
    }

    @Test
    void aPassingCheckSaysCorrect() {
        assertThat(printed(() -> Check.that(true, "never shown"))).isEqualTo("✓ correct\n");
        assertThat(printed(() -> Check.equal(42L, 42, "ints and longs compare by value"))).isEqualTo("✓ correct\n");
        assertThat(printed(() -> Check.equal("a", "a", "strings"))).isEqualTo("✓ correct\n");
        assertThat(printed(() -> Check.close(0.1 + 0.2, 0.3, 1e-9, "floating point"))).isEqualTo("✓ correct\n");
        assertThat(printed(() -> Check.atLeast(3, 3, "bound included"))).isEqualTo("✓ correct\n");
        assertThat(printed(() -> Check.atMost(2.5, 3, "below"))).isEqualTo("✓ correct\n");
    }

    @Test
    void aFailingCheckGivesItsHintAndStops() {
        assertThat(printed(() -> Check.that(false, "look at the watermark")))
                .isEqualTo("✗ not yet: look at the watermark\nthrown: look at the watermark");
        assertThat(printed(() -> Check.equal(41, 42, "six times seven")))
                .isEqualTo("✗ not yet: six times seven (got 41)\nthrown: six times seven (got 41)");
        assertThat(printed(() -> Check.equal("batch", "stream", "which is faster?")))
                .startsWith("✗ not yet: which is faster? (got \"batch\")\n");
        assertThat(printed(() -> Check.close(2.7, 2.5, 0.1, "the mean")))
                .startsWith("✗ not yet: the mean (got 2.7)\n");
        assertThat(printed(() -> Check.close(Double.NaN, 2.5, 0.1, "not a number never passes")))
                .startsWith("✗ not yet: not a number never passes (got NaN)\n");
        assertThat(printed(() -> Check.atLeast(1.0 / 3, 0.5, "at least half")))
                .startsWith("✗ not yet: at least half (got 0.333333)\n");
        assertThat(printed(() -> Check.atMost(1200, 1000, "the latency budget in ms")))
                .startsWith("✗ not yet: the latency budget in ms (got 1200)\n");
    }

    @Test
    void aToleranceMustBeAFiniteNonNegativeNumber() {
        assertThatThrownBy(() -> Check.close(1, 1, -0.1, "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Check.close(1, 1, Double.NaN, "h")).isInstanceOf(IllegalArgumentException.class);
    }
}
