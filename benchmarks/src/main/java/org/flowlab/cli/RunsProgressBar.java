package org.flowlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.flowlab.torture.TortureProgress;

/**
 * Shows how many runs of a torture are done, as {@link ProgressDisplay} shows a comparison's
 * engines: on a terminal one bar redrawn in place (at most ten times a second); otherwise a plain
 * line each time another tenth of the runs is done, so logs stay short.
 */
final class RunsProgressBar implements TortureProgress {
    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private int done;
    private int total;
    private int tenthsShown = -1;
    private boolean drawn;
    private long lastDraw;

    RunsProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void finished(int doneNow, int totalRuns) {
        done = Math.max(done, doneNow);
        total = totalRuns;
        if (terminal) {
            long now = System.nanoTime();
            if (!drawn || done >= total || now - lastDraw >= REDRAW_NANOS) {
                draw();
                lastDraw = now;
            }
        } else {
            int tenths = total == 0 ? 10 : (int) Math.floor(done * 10.0 / total + 1e-9);
            if (tenths > tenthsShown && tenths > 0) {
                tenthsShown = tenths;
                out.printf(Locale.ROOT, "  runs %3d %% (%,d of %,d)%n", tenths * 10, done, total);
                out.flush();
            }
        }
    }

    /** Draws the bar a last time, so it ends at its final state, and ends its line. */
    synchronized void finish() {
        if (terminal && drawn) {
            draw();
            out.println();
            out.flush();
        }
    }

    private void draw() {
        double f = total == 0 ? 1 : done / (double) total;
        int filled = (int) Math.round(f * BAR);
        out.print("\r\033[K  runs [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]"
                + String.format(Locale.ROOT, " %,d of %,d", done, total));
        out.flush();
        drawn = true;
    }
}
