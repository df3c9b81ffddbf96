package org.flowlab.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.flowlab.experiment.Candidate;
import org.flowlab.experiment.Paradigm;
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
     * Pareto front), and the SLA as a vertical line.
     */
    public static XYChart paretoFront(String title, List<Candidate> candidates, OptionalLong sla) {
        XYChart chart = ComparisonCharts.chart(title, "p99 per-record latency (ms, log scale)", "cost per run (price's currency)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###");
        chart.getStyler().setMarkerSize(9);
        double maxCost = 0;
        for (Paradigm p : Paradigm.values()) {
            List<Candidate> mine = candidates.stream().filter(c -> c.paradigm() == p).toList();
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
}
