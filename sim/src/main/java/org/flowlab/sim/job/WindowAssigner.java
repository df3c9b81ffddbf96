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

    /**
     * The start of the span of instants around {@code eventTime} that all belong to exactly its
     * windows, up to {@link #sameWindowsUntil}: an engine may reuse one assignment for every row
     * in it. Only {@code eventTime} itself unless the assigner knows better.
     */
    default long sameWindowsFrom(long eventTime) {
        return eventTime;
    }

    /** The end (exclusive) of the span of {@link #sameWindowsFrom}. */
    default long sameWindowsUntil(long eventTime) {
        return eventTime + 1;
    }

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
