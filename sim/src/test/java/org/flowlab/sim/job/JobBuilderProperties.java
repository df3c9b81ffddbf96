package org.flowlab.sim.job;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.text.DurationText;

class JobBuilderProperties {

    @Property(tries = 200)
    void anySlideLargerThanTheSizeIsRejectedNamingBoth(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long size,
                                                      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long slide) {
        Assume.that(slide > size);
        assertThatThrownBy(() -> Job.named("q", "d").keyBy(Row::key).window(Windows.sliding(size, slide)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sliding window: slide " + DurationText.format(slide)
                        + " is larger than the size " + DurationText.format(size));
    }

    @Property(tries = 200)
    void nonPositiveSizesAndGapsAreRejected(@ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long bad) {
        String got = "(got " + (bad == Long.MIN_VALUE ? bad + " ns" : DurationText.format(bad)) + ")";
        assertThatThrownBy(() -> Windows.tumbling(bad)).hasMessage("tumbling window: size must be positive " + got);
        assertThatThrownBy(() -> Windows.sliding(bad, 1)).hasMessage("sliding window: size must be positive " + got);
        assertThatThrownBy(() -> Windows.sliding(10, bad)).hasMessage("sliding window: slide must be positive " + got);
        assertThatThrownBy(() -> Windows.session(bad)).hasMessage("session window: gap must be positive " + got);
    }

    @Property(tries = 100)
    void aStatefulStepAfterAnyStatelessStepsButNoKeyByIsRejected(@ForAll @LongRange(min = 0, max = 4) long filters) {
        Job.Builder b = Job.named("q", "d");
        for (int i = 0; i < filters; i++) {
            b.filter(r -> true);
        }
        assertThatThrownBy(() -> b.window(Windows.session(5)).aggregate(Aggregates.sum()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job q: window 'sum' (sum per session(gap 5 ns)) must follow a keyBy (add .keyBy(...) before it)");
    }
}
