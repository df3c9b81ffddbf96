package org.flowlab.sim.job;

/**
 * Turns a fired window's result into the row passed to the next step, for example for Nexmark Q5:
 * {@code r -> r.row().withKey(r.window().end()).withAttr1(r.key()).withValue((Long) r.value())}.
 * Start from {@link WindowResult#row()}; the row's event time must not be earlier than the
 * window's last instant, or it would be late for the next stage's windows.
 */
@FunctionalInterface
public interface ResultMapper {

    /** The key kept, a numeric result as the value; a non-numeric result is an error. */
    ResultMapper NUMERIC = new ResultMapper() {
        @Override
        public Row toRow(WindowResult result) {
            if (!(result.value() instanceof Number n)) {
                throw new IllegalStateException("the window result " + ResultTable.render(result.value())
                        + " is not a number, so it cannot become a row's value; give aggregate(...) a ResultMapper");
            }
            return result.row().withValue(n.doubleValue());
        }

        @Override
        public String toString() {
            return "numeric";
        }
    };

    Row toRow(WindowResult result);
}
