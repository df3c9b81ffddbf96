package org.flowlab.sim.job;

/**
 * Overlapping windows of one size starting every {@code slide}, aligned to event time 0:
 * {@code [k·slide, k·slide + size)}. A row belongs to every such window that contains it: to
 * {@code size / slide} of them when the slide divides the size, otherwise to the floor or the
 * ceiling of that ratio depending on where it falls.
 *
 * @param size  the window length, nanoseconds, positive
 * @param slide the distance between window starts, positive and at most {@code size}
 */
public record SlidingWindows(long size, long slide) implements WindowAssigner {

    /** Beyond this a job is almost surely a unit mistake (a slide in ns meant as ms), and would not finish. */
    public static final long MAX_WINDOWS_PER_ROW = 100_000;

    public SlidingWindows {
        if (size <= 0) {
            throw new IllegalArgumentException("sliding window: size must be positive (got " + Windows.duration(size) + ")");
        }
        if (slide <= 0) {
            throw new IllegalArgumentException("sliding window: slide must be positive (got " + Windows.duration(slide) + ")");
        }
        if (slide > size) {
            throw new IllegalArgumentException("sliding window: slide " + Windows.duration(slide)
                    + " is larger than the size " + Windows.duration(size)
                    + " (rows between windows would be lost; use a slide <= the size)");
        }
        if (size / slide > MAX_WINDOWS_PER_ROW) {
            throw new IllegalArgumentException("sliding window: size " + Windows.duration(size) + " every "
                    + Windows.duration(slide) + " puts each row in " + (size / slide) + " windows; at most "
                    + MAX_WINDOWS_PER_ROW + " are allowed (use a larger slide)");
        }
    }

    @Override
    public void assign(long eventTime, WindowConsumer windows) {
        long start = eventTime - Math.floorMod(eventTime, slide);
        // Step back to the earliest window still containing eventTime, then emit in start order.
        while (eventTime - (start - slide) < size) {
            start -= slide;
        }
        for (; start <= eventTime; start += slide) {
            windows.accept(start, start + size);
        }
    }

    /**
     * Windows start at multiples of the slide and end {@code size mod slide} after one: the latest
     * of those at or before {@code eventTime} (just {@code eventTime} where that would overflow).
     */
    @Override
    public long sameWindowsFrom(long eventTime) {
        if (eventTime < Long.MIN_VALUE + size) {
            return eventTime;
        }
        long lastStart = eventTime - Math.floorMod(eventTime, slide);
        long lastEnd = eventTime - Math.floorMod(eventTime - size, slide);
        return Math.max(lastStart, lastEnd);
    }

    /** The earliest window start or end after {@code eventTime}. */
    @Override
    public long sameWindowsUntil(long eventTime) {
        if (eventTime < Long.MIN_VALUE + size) {
            return eventTime + 1;
        }
        long lastStart = eventTime - Math.floorMod(eventTime, slide);
        long lastEnd = eventTime - Math.floorMod(eventTime - size, slide);
        return Math.min(lastStart, lastEnd) + slide;
    }

    @Override
    public String toString() {
        return "sliding(" + Windows.duration(size) + " every " + Windows.duration(slide) + ")";
    }
}
