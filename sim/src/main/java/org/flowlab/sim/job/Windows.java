package org.flowlab.sim.job;

import org.flowlab.workloads.text.DurationText;

/**
 * Window assigners in one line: {@code Windows.tumbling("10s")}, {@code Windows.sliding(size, slide)},
 * {@code Windows.session("10s")}, {@code Windows.global()}. Sizes are nanoseconds or duration text.
 */
public final class Windows {

    private Windows() {
    }

    public static TumblingWindows tumbling(long size) {
        return new TumblingWindows(size);
    }

    public static TumblingWindows tumbling(String size) {
        return new TumblingWindows(DurationText.parse(size));
    }

    public static SlidingWindows sliding(long size, long slide) {
        return new SlidingWindows(size, slide);
    }

    public static SlidingWindows sliding(String size, String slide) {
        return new SlidingWindows(DurationText.parse(size), DurationText.parse(slide));
    }

    public static SessionWindows session(long gap) {
        return new SessionWindows(gap);
    }

    public static SessionWindows session(String gap) {
        return new SessionWindows(DurationText.parse(gap));
    }

    public static GlobalWindow global() {
        return new GlobalWindow();
    }

    /** A duration for messages; {@code DurationText} cannot negate {@code Long.MIN_VALUE}, so that one prints raw. */
    static String duration(long nanos) {
        return nanos == Long.MIN_VALUE ? nanos + " ns" : DurationText.format(nanos);
    }
}
