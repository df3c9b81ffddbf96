package org.flowlab.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.flowlab.experiment.EngineRun;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.TaskFailure;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.sim.metrics.StalenessTimeline;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.Trace;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of one comparison, each engine in its paradigm's colour: the per-record latency CDF,
 * staleness over time (the batch saw-tooth against the stream's line), and throughput and backlog
 * over time with the faults marked (the recovery timeline).
 */
public final class ComparisonCharts {

    /** Chart size in pixels before the PNG's 2× scaling. */
    static final int WIDTH = 900;
    static final int HEIGHT = 460;
    /** Points per line: enough to see a saw-tooth, few enough for a small SVG. */
    static final int MAX_POINTS = 1500;
    /** The smallest latency a log axis shows: 1 µs. */
    static final double MIN_LATENCY_MS = 0.001;

    private ComparisonCharts() {
    }

    /**
     * The share of input records final within each latency (arrival to final): one solid curve per
     * engine on a log axis of milliseconds, and a dashed one of its first-visible latency where that
     * differs (outputs updated before they were final). Records never visible are left out.
     */
    public static XYChart latencyCdf(String title, Trace trace, List<EngineRun> runs) {
        XYChart chart = chart(title, "per-record latency, arrival to final — dashed: to first visible (ms, log scale)",
                "share of records within it (%)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###");
        for (EngineRun run : runs) {
            RecordVisibility v = run.outcome().visibility();
            long[] finalTimes = v.finalTimes();
            double[][] cdf = cdf(trace, finalTimes);
            line(chart, run, cdf[0], cdf[1]);
            long[] firstTimes = v.toArray();
            if (!Arrays.equals(firstTimes, finalTimes)) {
                double[][] first = cdf(trace, firstTimes);
                XYSeries s = chart.addSeries(run.paradigm().label() + " (" + run.configuration() + "), first visible",
                        first[0], first[1]);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(Palette.of(run.paradigm()));
                s.setLineWidth(1.2f);
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        return chart;
    }

    /**
     * The curve of one engine from each record's time ({@code times[i]}, -1 if never visible): x
     * latencies in ms (clamped to {@link #MIN_LATENCY_MS}), y shares in %.
     */
    static double[][] cdf(Trace trace, long[] times) {
        long[] latencies = new long[times.length];
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            long v = times[i];
            if (v >= 0) {
                latencies[n++] = Math.max(0, v - trace.arrivalTime(i));
            }
        }
        if (n == 0) {
            return new double[][] {{MIN_LATENCY_MS}, {0}};
        }
        Arrays.sort(latencies, 0, n);
        // Evenly spaced shares, then ever finer steps into the tail, where the paradigms differ most.
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i <= 200; i++) {
            shares.add(i / 200.0);
        }
        for (double tail = 1e-3; tail >= 1e-6; tail /= 10) {
            shares.add(1 - tail * 5);
            shares.add(1 - tail * 2);
            shares.add(1 - tail);
        }
        shares.sort(Double::compare);
        double[] x = new double[shares.size()];
        double[] y = new double[shares.size()];
        for (int i = 0; i < x.length; i++) {
            double q = shares.get(i);
            int index = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
            x[i] = Math.max(MIN_LATENCY_MS, latencies[index] / 1e6);
            y[i] = 100.0 * (index + 1) / n;
        }
        return new double[][] {x, y};
    }

    /**
     * Staleness over time: at each moment, the age of the oldest arrived record not yet visible.
     * A saw-tooth for batch (it grows until a run commits), a low line for a stream.
     */
    public static XYChart staleness(String title, List<EngineRun> runs) {
        long span = 0;
        long maxStaleness = 0;
        for (EngineRun run : runs) {
            StalenessTimeline s = run.outcome().metrics().staleness();
            long[] t = s.times();
            if (t.length > 0) {
                span = Math.max(span, t[t.length - 1]);
            }
            maxStaleness = Math.max(maxStaleness, Arrays.stream(s.stalenessNanos()).max().orElse(0));
        }
        TimeAxis x = TimeAxis.forSpan(span);
        TimeAxis y = TimeAxis.forSpan(maxStaleness);
        XYChart chart = chart(title, "time (" + x.label() + ")", "staleness (" + y.label() + ")");
        for (EngineRun run : runs) {
            StalenessTimeline s = run.outcome().metrics().staleness();
            double[][] points = peaks(s.times(), s.stalenessNanos(), x, y);
            line(chart, run, points[0], points[1]);
        }
        return chart;
    }

    /**
     * Records processed per second over time, with the faults marked: a dip at a crash, a burst of
     * catching up after it. Each engine's rate is its mean over the same {@link ThroughputBins bins},
     * drawn as steps, so a micro-batch's bursts read as a line and a batch run as a step; the y axis
     * says the bins' width. With timed faults the chart shows the {@link #window} around them on a
     * log scale, so a stream's steady trickle and a batch run's burst are both legible.
     *
     * @param triggerInterval each engine's batch or trigger interval, 0 for one that reads continuously
     */
    public static XYChart throughput(String title, List<EngineRun> runs, FaultPlan faults,
                                     ToLongFunction<EngineRun> triggerInterval) {
        Window w = window(runs, faults);
        TimeAxis x = w.axis();
        ThroughputBins bins = ThroughputBins.of(w, runs, triggerInterval);
        XYChart chart = chart(title + w.suffix(), "time (" + x.label() + ")", "records processed per second, mean per "
                + bins.label() + (w.zoomed() ? " (log scale)" : ""));
        w.style(chart);
        double top = 0;
        for (EngineRun run : runs) {
            double[][] points = bins.meanRates(run.outcome().metrics().throughput(), x, w);
            top = Math.max(top, Arrays.stream(points[1]).max().orElse(0));
            line(chart, run, points[0], points[1]).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        }
        markFaults(chart, faults, x, top, w);
        return chart;
    }

    /**
     * Records arrived and not yet read over time, with the faults marked: it grows while an engine
     * is down and shrinks as it catches up. With timed faults, the {@link #window} around them on a
     * log scale.
     */
    public static XYChart backlog(String title, List<EngineRun> runs, FaultPlan faults) {
        Window w = window(runs, faults);
        TimeAxis x = w.axis();
        XYChart chart = chart(title + w.suffix(), "time (" + x.label() + ")",
                "backlog, records arrived and not yet read" + (w.zoomed() ? " (log scale)" : ""));
        w.style(chart);
        double top = 0;
        for (EngineRun run : runs) {
            ThroughputTimeline t = run.outcome().metrics().throughput();
            long[] backlog = t.backlog();
            int from = (int) Math.min(backlog.length, Math.max(0, w.from() / t.bucket()));
            int to = (int) Math.min(backlog.length, Math.max(from, w.to() / t.bucket() + 1));
            long[] times = new long[to - from];
            long[] values = new long[to - from];
            for (int i = from; i < to; i++) {
                times[i - from] = (i + 1) * t.bucket();
                values[i - from] = backlog[i];
            }
            double[][] points = peaks(times, values, x, null);
            w.floor(points[1]);
            top = Math.max(top, Arrays.stream(points[1]).max().orElse(0));
            line(chart, run, points[0], points[1]);
        }
        markFaults(chart, faults, x, top, w);
        return chart;
    }

    /**
     * The stretch of time a timeline chart shows: the whole run, or, when the plan has timed faults
     * (crashes, task failures at given times, slow periods, stalls), from a pad before the first to three pads after the last,
     * the pad being twice the longest recovery or a 24th of the run, whichever is longer.
     *
     * @param from   the first time shown, nanoseconds
     * @param to     the last time shown
     * @param zoomed whether it is a window around faults (then on a log scale)
     */
    record Window(long from, long to, boolean zoomed) {
        TimeAxis axis() {
            return TimeAxis.forSpan(zoomed ? to - from : to);
        }

        String suffix() {
            return zoomed ? " (around the faults)" : "";
        }

        void style(XYChart chart) {
            chart.getStyler().setYAxisDecimalPattern("#,##0");
            if (zoomed) {
                chart.getStyler().setYAxisLogarithmic(true);
                chart.getStyler().setXAxisMin(axis().of(from)).setXAxisMax(axis().of(to));
            }
        }

        /** On a log scale, values below one record as one, so idle stretches stay on the chart. */
        void floor(double[] values) {
            if (zoomed) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Math.max(1, values[i]);
                }
            }
        }
    }

    static Window window(List<EngineRun> runs, FaultPlan faults) {
        long span = timelineSpan(runs);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Fault f : faults.faults()) {
            if (f instanceof WorkerCrash c) {
                first = Math.min(first, c.at());
                last = Math.max(last, c.at() + c.restartDelay());
            } else if (f instanceof SlowWorker sw) {
                first = Math.min(first, sw.from());
                last = Math.max(last, sw.to());
            } else if (f instanceof SourceStall st) {
                first = Math.min(first, st.from());
                last = Math.max(last, st.to());
            } else if (f instanceof TaskFailure tf) {
                first = Math.min(first, tf.at());
                last = Math.max(last, tf.at());
            }
        }
        if (first == Long.MAX_VALUE || span == 0) {
            return new Window(0, span, false);
        }
        long recovery = 0;
        for (EngineRun run : runs) {
            recovery = Math.max(recovery, run.outcome().metrics().recovery().timeNanos());
        }
        long pad = Math.max(2 * recovery, span / 24);
        return new Window(Math.max(0, first - pad), Math.min(span, last + 3 * pad), true);
    }

    private static long timelineSpan(List<EngineRun> runs) {
        long span = 0;
        for (EngineRun run : runs) {
            ThroughputTimeline t = run.outcome().metrics().throughput();
            span = Math.max(span, t.size() * t.bucket());
        }
        return span;
    }

    /** Vertical lines at each timed fault: a crash, a task failure at a given time, and the start and end of slow periods and stalls. */
    static void markFaults(XYChart chart, FaultPlan faults, TimeAxis x, double top, Window w) {
        chart.getStyler().setAnnotationLineColor(Palette.MARKER);
        chart.getStyler().setAnnotationLineStroke(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        chart.getStyler().setAnnotationTextFontColor(Palette.MARKER);
        for (Fault f : faults.faults()) {
            if (f instanceof WorkerCrash c) {
                mark(chart, w, c.at(), x, top, "crash w" + c.worker());
            } else if (f instanceof TaskFailure tf) {
                mark(chart, w, tf.at(), x, top, "task fail w" + tf.worker());
            } else if (f instanceof SlowWorker s) {
                mark(chart, w, s.from(), x, top, String.format(Locale.ROOT, "w%d ×%s slow", s.worker(), trim(s.factor())));
                mark(chart, w, s.to(), x, top, "");
            } else if (f instanceof SourceStall s) {
                mark(chart, w, s.from(), x, top, "stall");
                mark(chart, w, s.to(), x, top, "");
            }
        }
    }

    private static void mark(XYChart chart, Window w, long t, TimeAxis x, double top, String label) {
        if (t < w.from() || t > w.to()) {
            return;
        }
        double at = x.of(t);
        chart.addAnnotation(new AnnotationLine(at, true, false));
        if (!label.isEmpty() && top > 0) {
            chart.addAnnotation(new AnnotationText(label, at, top * (w.zoomed() ? 1.3 : 1.02), false));
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * At most {@link #MAX_POINTS} points, each group of samples shown by its largest value, so the
     * peaks of a saw-tooth survive; {@code y} null leaves values as they are.
     */
    static double[][] peaks(long[] times, long[] values, TimeAxis x, TimeAxis y) {
        if (times.length == 0) {
            return new double[][] {{0}, {0}};
        }
        int group = Math.max(1, (times.length + MAX_POINTS - 1) / MAX_POINTS);
        int n = (times.length + group - 1) / group;
        double[] px = new double[n];
        double[] py = new double[n];
        for (int g = 0; g < n; g++) {
            int from = g * group;
            int to = Math.min(times.length, from + group);
            int best = from;
            for (int i = from + 1; i < to; i++) {
                if (values[i] > values[best]) {
                    best = i;
                }
            }
            px[g] = x.of(times[best]);
            py[g] = y == null ? values[best] : y.of(values[best]);
        }
        return new double[][] {px, py};
    }

    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        WorkloadCharts.style(chart);
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(java.awt.Color.WHITE);
        chart.getStyler().setMarkerSize(4);
        return chart;
    }

    private static XYSeries line(XYChart chart, EngineRun run, double[] x, double[] y) {
        XYSeries s = chart.addSeries(run.paradigm().label() + " (" + run.configuration() + ")", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Palette.of(run.paradigm()));
        s.setLineWidth(1.8f);
        return s;
    }
}
