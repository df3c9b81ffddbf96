package org.flowlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.flowlab.experiment.ComparisonProgress;
import org.flowlab.sim.engine.EngineType;

/**
 * Shows how far each engine has got. On a terminal, one bar per engine, redrawn in place (at most
 * ten times a second); otherwise — a pipe, a file, a CI log — a plain line each time an engine
 * passes another tenth of the trace, so logs stay short.
 */
final class ProgressDisplay implements ComparisonProgress {
    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    /** Printed once the trace is ready, or null: a bad spec is refused before it, so its one line is all a user sees. */
    private final String headline;
    private final List<EngineType<?>> engines;
    private final boolean terminal;
    private final double[] fractions;
    private final int[] tenthsShown;
    private boolean drawn;
    private long lastDraw;

    ProgressDisplay(PrintWriter out, List<EngineType<?>> engines, boolean terminal) {
        this(out, null, engines, terminal);
    }

    /** Prints {@code headline} when the trace is ready ({@link #traceReady}), before the first bar. */
    ProgressDisplay(PrintWriter out, String headline, List<EngineType<?>> engines, boolean terminal) {
        this.out = out;
        this.headline = headline;
        this.engines = List.copyOf(engines);
        this.terminal = terminal;
        this.fractions = new double[engines.size()];
        this.tenthsShown = new int[engines.size()];
        java.util.Arrays.fill(tenthsShown, -1);
    }

    @Override
    public synchronized void traceReady() {
        if (headline != null) {
            out.println(headline);
            out.flush();
        }
    }

    @Override
    public synchronized void update(EngineType<?> paradigm, double fraction) {
        int i = indexOf(paradigm);
        double f = Math.max(fractions[i], Math.min(1, Math.max(0, fraction)));
        fractions[i] = f;
        if (terminal) {
            long now = System.nanoTime();
            if (!drawn || f >= 1 || now - lastDraw >= REDRAW_NANOS) {
                draw();
                lastDraw = now;
            }
        } else {
            int tenths = (int) Math.floor(f * 10 + 1e-9);
            if (tenths > tenthsShown[i]) {
                tenthsShown[i] = tenths;
                out.printf(Locale.ROOT, "  %-10s %3d %%%n", paradigm.id(), tenths * 10);
                out.flush();
            }
        }
    }

    private int indexOf(EngineType<?> engine) {
        for (int i = 0; i < engines.size(); i++) {
            if (engines.get(i).id().equals(engine.id())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no progress bar for " + engine.id());
    }

    /** Draws the bars a last time, so they end at their final state. */
    synchronized void finish() {
        if (terminal && drawn) {
            draw();
        }
    }

    private void draw() {
        StringBuilder s = new StringBuilder();
        if (drawn) {
            s.append("\033[").append(engines.size()).append('A');
        }
        for (int i = 0; i < engines.size(); i++) {
            EngineType<?> p = engines.get(i);
            double f = fractions[i];
            int filled = (int) Math.round(f * BAR);
            s.append("\r\033[K  ").append(String.format(Locale.ROOT, "%-10s", p.id())).append(" [")
                    .append("#".repeat(filled)).append(".".repeat(BAR - filled)).append(']')
                    .append(String.format(Locale.ROOT, " %3d %%", (int) Math.floor(f * 100))).append('\n');
        }
        out.print(s);
        out.flush();
        drawn = true;
    }
}
