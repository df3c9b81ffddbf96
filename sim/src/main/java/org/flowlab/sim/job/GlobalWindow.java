package org.flowlab.sim.job;

/**
 * One window per key over all of time, {@code [Long.MIN_VALUE, Long.MAX_VALUE)}; it fires only
 * when the input ends (the watermark becomes +inf).
 */
public record GlobalWindow() implements WindowAssigner {

    @Override
    public void assign(long eventTime, WindowConsumer windows) {
        windows.accept(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public String toString() {
        return "global";
    }
}
