package org.flowlab.charts;

import java.awt.Color;
import org.flowlab.workloads.summary.DelayHistogram;
import org.flowlab.workloads.summary.RateSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts of a workload: its arrival rate over time and the histogram of its disorder. */
public final class WorkloadCharts {
    private static final Color WORKLOAD = new Color(0x44, 0x55, 0x66);

    private WorkloadCharts() {
    }

    /** Events per second over arrival time, one point per bucket. */
    public static XYChart arrivalRate(String title, RateSeries series) {
        long[] starts = series.bucketStarts();
        long span = starts.length == 0 ? 0 : starts[starts.length - 1] - starts[0] + series.bucket();
        TimeAxis axis = TimeAxis.forSpan(span);
        double[] x = new double[starts.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = axis.of(starts[i]);
        }
        XYChart chart = new XYChartBuilder().width(900).height(420).title(title)
                .xAxisTitle("arrival time (" + axis.label() + ")")
                .yAxisTitle("events per second").build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        XYSeries s = chart.addSeries("arrival rate", x.length == 0 ? new double[] {0} : x,
                x.length == 0 ? new double[] {0} : series.perSecond());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(WORKLOAD.getRed(), WORKLOAD.getGreen(), WORKLOAD.getBlue(), 90));
        s.setLineColor(WORKLOAD);
        return chart;
    }

    /** How many events arrived how late (arrival − event time), on log-spaced bins in milliseconds. */
    public static XYChart disorderHistogram(String title, DelayHistogram histogram) {
        XYChart chart = new XYChartBuilder().width(900).height(420).title(title)
                .xAxisTitle("delay, arrival − event time (ms, log scale)")
                .yAxisTitle("events per bin").build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        double[] edges = histogram.edges();
        long[] counts = histogram.counts();
        if (counts.length == 0) {
            chart.getStyler().setXAxisLogarithmic(false);
            chart.setTitle(title + " — every event arrived at once (no delay)");
            chart.addSeries("delay", new double[] {0, 1}, new double[] {0, 0}).setMarker(SeriesMarkers.NONE);
            return chart;
        }
        chart.getStyler().setXAxisLogarithmic(true);
        // A step plot over the bins' left edges, closed at the last right edge, draws the bars.
        double[] x = new double[counts.length + 1];
        double[] y = new double[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            x[i] = edges[i] / 1e6;
            y[i] = counts[i];
        }
        x[counts.length] = edges[counts.length] / 1e6;
        y[counts.length] = 0;
        XYSeries s = chart.addSeries("delay", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(WORKLOAD.getRed(), WORKLOAD.getGreen(), WORKLOAD.getBlue(), 90));
        s.setLineColor(WORKLOAD);
        if (histogram.zeroDelays() > 0) {
            chart.setTitle(title + String.format(java.util.Locale.ROOT, " (%,d events with no delay not shown)", histogram.zeroDelays()));
        }
        return chart;
    }

    static void style(XYChart chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleFont(s.getChartTitleFont().deriveFont(15f));
        chart.getStyler().setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
    }
}
