package org.flowlab.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import org.flowlab.experiment.Candidate;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.experiment.SweepParameter;
import org.flowlab.experiment.SweepPoint;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of trade-offs across configurations: cost against p99 latency with the SLA line (the
 * Pareto front; a comparison draws it for its engines, a sweep for every point), and, for sweeps,
 * latency against the batch interval with cost on a second axis (the continuum) and latency
 * against the input rate (the saturation knee).
 */
public final class SweepCharts {

    private SweepCharts() {
    }

    /**
     * Every configuration as a point, cost per run against p99 per-record latency (log scale), in
     * its paradigm's colour; the configurations no other beats on both joined by a line (the
     * Pareto front), and the SLA as a vertical line. A configuration whose job failed is left out:
     * its cost and latency stop at the failure.
     */
    public static XYChart paretoFront(String title, List<Candidate> all, OptionalLong sla) {
        List<Candidate> candidates = all.stream().filter(c -> !c.failed()).toList();
        XYChart chart = ComparisonCharts.chart(title, "p99 per-record latency (ms, log scale)", "cost per run (price's currency)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###");
        chart.getStyler().setMarkerSize(9);
        double maxCost = 0;
        List<EngineType<?>> engines = new ArrayList<>();
        for (Candidate c : candidates) {
            if (engines.stream().noneMatch(e -> e.id().equals(c.paradigm().id()))) {
                engines.add(c.paradigm());
            }
        }
        for (EngineType<?> p : engines) {
            List<Candidate> mine = candidates.stream().filter(c -> c.paradigm().id().equals(p.id())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            double[] x = mine.stream().mapToDouble(c -> Math.max(ComparisonCharts.MIN_LATENCY_MS, c.p99Ms())).toArray();
            double[] y = mine.stream().mapToDouble(Candidate::cost).toArray();
            XYSeries s = chart.addSeries(p.label(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Palette.of(p));
            for (double c : y) {
                maxCost = Math.max(maxCost, c);
            }
        }
        List<Candidate> front = front(candidates);
        if (front.size() > 1) {
            XYSeries s = chart.addSeries("Pareto front", front.stream().mapToDouble(c -> Math.max(ComparisonCharts.MIN_LATENCY_MS, c.p99Ms())).toArray(),
                    front.stream().mapToDouble(Candidate::cost).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Palette.COST);
            s.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, new float[] {3f, 3f}, 0f));
        }
        chart.getStyler().setYAxisMin(0.0);
        if (sla.isPresent()) {
            slaLine(chart, sla.getAsLong() / 1e6, maxCost);
        }
        return chart;
    }

    /** The configurations no other is both faster (p99) and cheaper than, by latency. */
    static List<Candidate> front(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::p99Ms).thenComparingDouble(Candidate::cost));
        List<Candidate> front = new ArrayList<>();
        double cheapest = Double.POSITIVE_INFINITY;
        for (Candidate c : sorted) {
            if (c.cost() < cheapest) {
                front.add(c);
                cheapest = c.cost();
            }
        }
        return front;
    }

    static void slaLine(XYChart chart, double slaMs, double top) {
        chart.getStyler().setAnnotationLineColor(Palette.MARKER);
        chart.getStyler().setAnnotationTextFontColor(Palette.MARKER);
        chart.addAnnotation(new AnnotationLine(slaMs, true, false));
        chart.addAnnotation(new AnnotationText("SLA", slaMs, Math.max(top, 1e-9) * 1.02, false));
    }

    /**
     * The continuum: per-record latency (median, solid) against the interval, and cost per run
     * (dashed, right axis), per paradigm; an engine the interval does not concern (the stream) is
     * the horizontal line it tends to. Both axes are log scales.
     *
     * @param interval which interval the sweep varied
     * @param points   the sweep's points; where other parameters varied too, those at their first value
     */
    public static XYChart continuum(String title, SweepParameter interval, List<SweepPoint> points, List<EngineType<?>> engines,
                                   List<SweepParameter> parameters) {
        XYChart chart = ComparisonCharts.chart(title, interval.id() + " (s, log scale)", "median latency per record (s, log scale)");
        chart.setYAxisGroupTitle(1, "cost per run (dashed, log scale)");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###").setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().putYAxisGroupDecimalPatternMap(1, "#,##0.####");
        chart.getStyler().setMarkerSize(6);
        List<SweepPoint> mine = firstOfOthers(points, interval, parameters);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = 0;
        for (SweepPoint p : mine) {
            double x = p.value(interval);
            if (!Double.isNaN(x)) {
                minX = Math.min(minX, x / 1e9);
                maxX = Math.max(maxX, x / 1e9);
            }
        }
        if (maxX == 0) {
            minX = 1;
            maxX = 1;
        }
        for (EngineType<?> paradigm : engines) {
            List<SweepPoint> series = new ArrayList<>(mine.stream().filter(p -> p.engine().equals(paradigm.id())).toList());
            if (series.isEmpty()) {
                continue;
            }
            double[] x;
            double[] latency;
            double[] cost;
            if (interval.affects(paradigm)) {
                series.sort(Comparator.comparingDouble(p -> p.value(interval)));
                x = series.stream().mapToDouble(p -> p.value(interval) / 1e9).toArray();
                latency = series.stream().mapToDouble(p -> positive(p.latency().p50Ms() / 1e3)).toArray();
                cost = series.stream().mapToDouble(p -> positive(p.cost())).toArray();
            } else {
                SweepPoint only = series.get(0);
                x = new double[] {minX, maxX};
                latency = new double[] {positive(only.latency().p50Ms() / 1e3), positive(only.latency().p50Ms() / 1e3)};
                cost = new double[] {positive(only.cost()), positive(only.cost())};
            }
            XYSeries l = chart.addSeries(paradigm.label() + " latency", x, latency);
            l.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            l.setLineColor(Palette.of(paradigm));
            l.setMarkerColor(Palette.of(paradigm));
            l.setMarker(interval.affects(paradigm) ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            XYSeries c = chart.addSeries(paradigm.label() + " cost", x, cost);
            c.setYAxisGroup(1);
            c.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            c.setLineColor(Palette.of(paradigm));
            c.setMarkerColor(Palette.of(paradigm));
            c.setMarker(interval.affects(paradigm) ? SeriesMarkers.DIAMOND : SeriesMarkers.NONE);
            c.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, new float[] {6f, 4f}, 0f));
        }
        return chart;
    }

    /**
     * The saturation knee: p99 per-record latency against the input rate, per paradigm; rates at
     * which the backlog grew without bound are marked with a cross.
     */
    public static XYChart knee(String title, List<SweepPoint> points, List<EngineType<?>> engines) {
        XYChart chart = ComparisonCharts.chart(title, "input rate (records/s, log scale)", "p99 latency per record (ms, log scale)");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###").setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setMarkerSize(7);
        List<double[]> unbounded = new ArrayList<>();
        for (EngineType<?> paradigm : engines) {
            List<SweepPoint> series = new ArrayList<>(points.stream().filter(p -> p.engine().equals(paradigm.id())
                    && !Double.isNaN(p.value(SweepParameter.RATE))).toList());
            if (series.isEmpty()) {
                continue;
            }
            series.sort(Comparator.comparingDouble(p -> p.value(SweepParameter.RATE)));
            XYSeries s = chart.addSeries(paradigm.label(), series.stream().mapToDouble(p -> p.value(SweepParameter.RATE)).toArray(),
                    series.stream().mapToDouble(p -> positive(p.latency().p99Ms())).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(Palette.of(paradigm));
            s.setMarkerColor(Palette.of(paradigm));
            s.setMarker(SeriesMarkers.CIRCLE);
            for (SweepPoint p : series) {
                if (p.backlogGrew()) {
                    unbounded.add(new double[] {p.value(SweepParameter.RATE), positive(p.latency().p99Ms())});
                }
            }
        }
        if (!unbounded.isEmpty()) {
            XYSeries u = chart.addSeries("backlog grows (not sustainable)", unbounded.stream().mapToDouble(a -> a[0]).toArray(),
                    unbounded.stream().mapToDouble(a -> a[1]).toArray());
            u.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            u.setMarker(SeriesMarkers.CROSS);
            u.setMarkerColor(Palette.MARKER);
        }
        return chart;
    }

    /** The points whose other varied parameters sit at their first (smallest) value, so one line is one curve. */
    static List<SweepPoint> firstOfOthers(List<SweepPoint> points, SweepParameter varied, List<SweepParameter> parameters) {
        Map<String, String> first = new java.util.HashMap<>();
        for (SweepPoint p : points) {
            p.parameters().forEach((name, value) -> {
                if (!name.equals(varied.id())) {
                    SweepParameter other = parameters.stream().filter(q -> q.id().equals(name)).findFirst().orElseThrow();
                    first.merge(name, value, (a, b) -> other.read(a) <= other.read(b) ? a : b);
                }
            });
        }
        return points.stream().filter(p -> p.parameters().entrySet().stream()
                .allMatch(e -> e.getKey().equals(varied.id()) || e.getValue().equals(first.get(e.getKey())))).toList();
    }

    private static double positive(double v) {
        return Math.max(ComparisonCharts.MIN_LATENCY_MS, v);
    }
}
