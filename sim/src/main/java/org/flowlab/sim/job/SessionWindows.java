package org.flowlab.sim.job;

/**
 * Per-key sessions: rows of a key closer than {@code gap} to each other belong to one session,
 * whose window is {@code [first, last + gap)}. Two rows exactly {@code gap} apart start separate
 * sessions (Flink would merge them, because it treats touching windows as intersecting).
 *
 * @param gap the inactivity that ends a session, nanoseconds, positive
 */
public record SessionWindows(long gap) implements WindowAssigner {

    public SessionWindows {
        if (gap <= 0) {
            throw new IllegalArgumentException("session window: gap must be positive (got " + Windows.duration(gap) + ")");
        }
    }

    /** The proto-window {@code [t, t + gap)}; overlapping proto-windows of a key merge. */
    @Override
    public void assign(long eventTime, WindowConsumer windows) {
        windows.accept(eventTime, eventTime + gap);
    }

    @Override
    public boolean merging() {
        return true;
    }

    @Override
    public String toString() {
        return "session(gap " + Windows.duration(gap) + ")";
    }
}
