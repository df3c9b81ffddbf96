package org.flowlab.charts;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import org.flowlab.experiment.EngineRun;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.text.DurationText;

/**
 * The bins the throughput chart averages every engine's rate over, the same for all of them so they
 * compare fairly: about a {@value #TARGET_BINS}th of the chart's window, rounded up to a
 * {@link #READABLE_WIDTHS readable} width, then to a whole number of the longest trigger interval
 * the window spans at least {@value #MIN_TRIGGERS_SHOWN} times (every bin then holds as many of that
 * engine's runs, and its bursts average into a line), then of the longest timeline bucket. An
 * engine that triggers more rarely, such as an hourly batch in a window of an hour, shows each of
 * its runs as a step.
 *
 * @param width the bins' width, nanoseconds; bins start at multiples of it from time 0
 */
record ThroughputBins(long width) {

    /** About this many bins across the window: a dip of a minute shows in a two-hour window. */
    static final int TARGET_BINS = 120;
    /** A trigger interval sets the bins' least width once the window spans this many of it. */
    static final int MIN_TRIGGERS_SHOWN = 10;
    /** Bin widths people read at a glance, nanoseconds, shortest first; beyond the last, whole days. */
    static final long[] READABLE_WIDTHS = readableWidths();

    ThroughputBins {
        if (width <= 0) {
            throw new IllegalArgumentException("a bin's width must be positive: " + width);
        }
    }

    /** The bins for {@code runs} shown over {@code w}, given each engine's trigger interval (0 for none). */
    static ThroughputBins of(ComparisonCharts.Window w, List<EngineRun> runs, ToLongFunction<EngineRun> triggerInterval) {
        long span = Math.max(1, w.to() - w.from());
        long bucket = 1;
        long trigger = 1;
        for (EngineRun run : runs) {
            bucket = Math.max(bucket, run.outcome().metrics().throughput().bucket());
            long interval = triggerInterval.applyAsLong(run);
            if (interval > 0 && interval <= span / MIN_TRIGGERS_SHOWN) {
                trigger = Math.max(trigger, interval);
            }
        }
        long target = (span + TARGET_BINS - 1) / TARGET_BINS;
        long day = DurationText.NANOS_PER_DAY;
        long readable = Arrays.stream(READABLE_WIDTHS).filter(r -> r >= target).findFirst()
                .orElse(roundUp(target, day));
        return new ThroughputBins(roundUp(roundUp(readable, trigger), bucket));
    }

    /** The least multiple of {@code step} at or above {@code n}. */
    private static long roundUp(long n, long step) {
        return (n + step - 1) / step * step;
    }

    /** The width for an axis title: {@code 30 s}, {@code 1 min}, {@code 2 h}, or exactly when it is no whole unit. */
    String label() {
        long[] units = {DurationText.NANOS_PER_DAY, DurationText.NANOS_PER_HOUR, DurationText.NANOS_PER_MINUTE,
                DurationText.NANOS_PER_SECOND, DurationText.NANOS_PER_MILLI};
        String[] names = {"d", "h", "min", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (width >= units[i] && width % units[i] == 0) {
                return width / units[i] + " " + names[i];
            }
        }
        return DurationText.format(width);
    }

    /**
     * The records {@code t} processed per second in each bin that overlaps {@code w}: the points of
     * a step line, one at each bin's start and a last at the last bin's end repeating its rate, so
     * that step has its width too. Bins are whole even where they stick out of the window (the
     * chart cuts them there), so no bin's mean is over a shorter time than the others'; each
     * timeline bucket counts in the bin its start falls in.
     */
    double[][] meanRates(ThroughputTimeline t, TimeAxis x, ComparisonCharts.Window w) {
        long from = w.from() / width * width;
        int n = (int) Math.max(0, (w.to() - from + width - 1) / width);
        if (n == 0) {
            return new double[][] {{x.of(w.from())}, {w.zoomed() ? 1 : 0}};
        }
        long[] processed = t.processed();
        long[] sums = new long[n];
        for (int i = (int) Math.min(processed.length, from / t.bucket()); i < processed.length; i++) {
            int bin = (int) ((i * t.bucket() - from) / width);
            if (bin >= n) {
                break;
            }
            sums[bin] += processed[i];
        }
        double[] px = new double[n + 1];
        double[] py = new double[n + 1];
        for (int b = 0; b <= n; b++) {
            px[b] = x.of(from + b * width);
            py[b] = sums[Math.min(b, n - 1)] * 1e9 / width;
        }
        w.floor(py);
        return new double[][] {px, py};
    }

    private static long[] readableWidths() {
        long ms = DurationText.NANOS_PER_MILLI;
        long sec = DurationText.NANOS_PER_SECOND;
        long min = DurationText.NANOS_PER_MINUTE;
        long hour = DurationText.NANOS_PER_HOUR;
        return new long[] {ms, 2 * ms, 5 * ms, 10 * ms, 20 * ms, 50 * ms, 100 * ms, 200 * ms, 500 * ms,
            sec, 2 * sec, 5 * sec, 10 * sec, 15 * sec, 30 * sec, min, 2 * min, 5 * min, 10 * min, 15 * min, 30 * min,
            hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, DurationText.NANOS_PER_DAY};
    }
}
