package org.flowlab.sim.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Which event-time windows a row belongs to: {@link TumblingWindows}, {@link SlidingWindows},
 * {@link SessionWindows} or the {@link GlobalWindow}. Build them with {@link Windows}.
 */
public sealed interface WindowAssigner permits TumblingWindows, SlidingWindows, SessionWindows, GlobalWindow {

    /**
     * Passes each window that contains {@code eventTime}, in increasing start order. For session
     * windows it is the single proto-window {@code [t, t + gap)}, which merges with overlapping ones.
     */
    void assign(long eventTime, WindowConsumer windows);

    /** True for session windows, whose windows grow and merge as rows come. */
    default boolean merging() {
        return false;
    }

    /** The windows that contain {@code eventTime}, as {@link #assign} passes them. */
    default List<TimeWindow> windowsOf(long eventTime) {
        List<TimeWindow> out = new ArrayList<>(2);
        assign(eventTime, (start, end) -> out.add(new TimeWindow(start, end)));
        return out;
    }
}
