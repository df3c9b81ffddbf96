package org.flowlab.sim.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class WindowAssignerProperties {

    @Property(tries = 500)
    void slidingAssignsExactlyTheAlignedWindowsThatContainTheRow(
            @ForAll @IntRange(min = 1, max = 50) int size, @ForAll @IntRange(min = 1, max = 50) int slideSeed,
            @ForAll @LongRange(min = -1_000, max = 1_000) long t) {
        int slide = 1 + slideSeed % size;
        List<TimeWindow> expected = new ArrayList<>();
        for (long k = Math.floorDiv(t - size, slide) - 1; k * slide <= t; k++) {
            TimeWindow w = new TimeWindow(k * slide, k * slide + size);
            if (w.contains(t)) {
                expected.add(w);
            }
        }
        List<TimeWindow> actual = Windows.sliding(size, slide).windowsOf(t);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.size()).isBetween(size / slide, (size + slide - 1) / slide);
    }

    @Property(tries = 500)
    void everyInstantOfTheSameWindowsSpanHasTheSameWindows(
            @ForAll @IntRange(min = 1, max = 50) int size, @ForAll @IntRange(min = 1, max = 50) int slideSeed,
            @ForAll @LongRange(min = -1_000, max = 1_000) long t, @ForAll boolean tumbling) {
        int slide = 1 + slideSeed % size;
        WindowAssigner assigner = tumbling ? Windows.tumbling(size) : Windows.sliding(size, slide);
        long from = assigner.sameWindowsFrom(t);
        long until = assigner.sameWindowsUntil(t);
        assertThat(from).isLessThanOrEqualTo(t);
        assertThat(until).isGreaterThan(t);
        List<TimeWindow> windows = assigner.windowsOf(t);
        for (long x = from; x < until; x++) {
            assertThat(assigner.windowsOf(x)).as("at %d", x).isEqualTo(windows);
        }
        // The span is the whole run: one instant beyond either end the windows differ.
        assertThat(assigner.windowsOf(from - 1)).isNotEqualTo(windows);
        assertThat(assigner.windowsOf(until)).isNotEqualTo(windows);
    }

    @Property(tries = 300)
    void tumblingWindowsPartitionTime(@ForAll @IntRange(min = 1, max = 100) int size,
                                      @ForAll @LongRange(min = -10_000, max = 10_000) long t) {
        List<TimeWindow> windows = Windows.tumbling(size).windowsOf(t);
        assertThat(windows).hasSize(1);
        TimeWindow w = windows.get(0);
        assertThat(w.contains(t)).isTrue();
        assertThat(Math.floorMod(w.start(), size)).isZero();
        assertThat(w.end() - w.start()).isEqualTo(size);
    }
}
