package org.flowlab.sim.job;

/**
 * Back-to-back windows of one size, aligned to event time 0: {@code [k·size, (k+1)·size)}.
 *
 * @param size the window length, nanoseconds, positive
 */
public record TumblingWindows(long size) implements WindowAssigner {

    public TumblingWindows {
        if (size <= 0) {
            throw new IllegalArgumentException("tumbling window: size must be positive (got " + Windows.duration(size) + ")");
        }
    }

    @Override
    public void assign(long eventTime, WindowConsumer windows) {
        long start = eventTime - Math.floorMod(eventTime, size);
        windows.accept(start, start + size);
    }

    @Override
    public long sameWindowsFrom(long eventTime) {
        return eventTime - Math.floorMod(eventTime, size);
    }

    @Override
    public long sameWindowsUntil(long eventTime) {
        return sameWindowsFrom(eventTime) + size;
    }

    @Override
    public String toString() {
        return "tumbling(" + Windows.duration(size) + ")";
    }
}
