package org.flowlab.sim.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssignerTest {
    private static final long S = 1_000_000_000L;

    @Test
    void tumblingPutsARowInTheOneWindowThatContainsIt() {
        TumblingWindows w = Windows.tumbling(10 * S);
        assertThat(w.windowsOf(0)).containsExactly(new TimeWindow(0, 10 * S));
        assertThat(w.windowsOf(10 * S - 1)).containsExactly(new TimeWindow(0, 10 * S));
        assertThat(w.windowsOf(10 * S)).containsExactly(new TimeWindow(10 * S, 20 * S));
        assertThat(w.windowsOf(-1)).containsExactly(new TimeWindow(-10 * S, 0));
    }

    @Test
    void slidingWindowsOverlapAndComeInStartOrder() {
        SlidingWindows w = Windows.sliding("10s", "2s");
        assertThat(w.windowsOf(7 * S)).containsExactly(
                new TimeWindow(-2 * S, 8 * S), new TimeWindow(0, 10 * S), new TimeWindow(2 * S, 12 * S),
                new TimeWindow(4 * S, 14 * S), new TimeWindow(6 * S, 16 * S));
        assertThat(w.windowsOf(8 * S)).extracting(TimeWindow::start)
                .containsExactly(0L, 2 * S, 4 * S, 6 * S, 8 * S);
    }

    @Test
    void slidingWithANonDividingSlideGivesFloorOrCeilWindows() {
        SlidingWindows w = Windows.sliding(10, 3);
        assertThat(w.windowsOf(0)).extracting(TimeWindow::start).containsExactly(-9L, -6L, -3L, 0L);
        assertThat(w.windowsOf(2)).extracting(TimeWindow::start).containsExactly(-6L, -3L, 0L);
    }

    @Test
    void slidingWithSlideEqualToSizeIsTumbling() {
        assertThat(Windows.sliding(5, 5).windowsOf(12)).isEqualTo(Windows.tumbling(5).windowsOf(12));
    }

    @Test
    void sessionGivesTheProtoWindowAndSaysItMerges() {
        SessionWindows w = Windows.session("10s");
        assertThat(w.windowsOf(3 * S)).containsExactly(new TimeWindow(3 * S, 13 * S));
        assertThat(w.merging()).isTrue();
        assertThat(Windows.tumbling(1).merging()).isFalse();
    }

    @Test
    void globalIsAllOfTime() {
        assertThat(Windows.global().windowsOf(42)).containsExactly(TimeWindow.ALL_TIME);
        assertThat(Windows.global().windowsOf(Long.MIN_VALUE)).containsExactly(TimeWindow.ALL_TIME);
    }

    @Test
    void timeWindowsOverlapOnlyWhenTheyShareAnInstant() {
        TimeWindow a = new TimeWindow(0, 10);
        assertThat(a.overlaps(new TimeWindow(9, 19))).isTrue();
        assertThat(a.overlaps(new TimeWindow(10, 20))).isFalse();
        assertThat(a.cover(new TimeWindow(5, 30))).isEqualTo(new TimeWindow(0, 30));
        assertThat(a.maxTimestamp()).isEqualTo(9);
        assertThat(a.contains(10)).isFalse();
        assertThatThrownBy(() -> new TimeWindow(5, 5)).hasMessageContaining("is empty");
    }

    @Test
    void badSizesAreRejectedWithReadableDurations() {
        assertThatThrownBy(() -> Windows.sliding("10s", "20s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sliding window: slide 20 s is larger than the size 10 s");
        assertThatThrownBy(() -> Windows.tumbling(0)).hasMessage("tumbling window: size must be positive (got 0 ns)");
        assertThatThrownBy(() -> Windows.session(-5)).hasMessage("session window: gap must be positive (got -5 ns)");
        assertThatThrownBy(() -> Windows.sliding(10, 0)).hasMessage("sliding window: slide must be positive (got 0 ns)");
        assertThatThrownBy(() -> Windows.sliding(0, 0)).hasMessage("sliding window: size must be positive (got 0 ns)");
        assertThatThrownBy(() -> Windows.sliding("1d", "1ms"))
                .hasMessage("sliding window: size 1 d 00 h every 1 ms puts each row in 86400000 windows;"
                        + " at most 100000 are allowed (use a larger slide)");
    }

    @Test
    void windowsPrintThemselves() {
        assertThat(List.of(Windows.tumbling("10s"), Windows.sliding("10s", "2s"), Windows.session("1m"), Windows.global()))
                .extracting(Object::toString)
                .containsExactly("tumbling(10 s)", "sliding(10 s every 2 s)", "session(gap 1 m 00 s)", "global");
    }
}
