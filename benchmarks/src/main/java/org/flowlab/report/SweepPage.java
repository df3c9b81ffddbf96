package org.flowlab.report;

import static org.flowlab.report.HtmlText.escape;

import java.util.Locale;
import java.util.Map;
import org.flowlab.experiment.Recommendation;
import org.flowlab.experiment.SustainableThroughput;
import org.flowlab.experiment.SweepPoint;
import org.flowlab.workloads.text.RateText;

/** A sweep's {@code report.html}: the recommendation, the sustainable throughputs, the charts and every point. */
public final class SweepPage {

    static final Map<String, String> CAPTIONS = Map.of(
            "continuum", "The continuum: median per-record latency (solid) and cost per run (dashed, right axis) against the"
                    + " interval; the stream is the line the intervals tend to.",
            "saturation", "The saturation knee: p99 latency against the input rate; a cross marks a rate whose backlog grew"
                    + " without bound.",
            "pareto", "Cost against p99 latency for every point, with the SLA line when one was given; the dashed line joins"
                    + " the points nothing beats on both.");

    private SweepPage() {
    }

    public static String html(SweepReport r, String indexHref) {
        StringBuilder h = new StringBuilder(16_384);
        String title = "Sweep · " + RunInput.name(r.parameters().input(), r.scenario()) + " · " + r.job();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Flowlab — ")
                .append(escape(title)).append("</title>\n<style>\n").append(HtmlText.STYLE).append("</style>\n</head>\n<body>\n");
        if (indexHref != null) {
            h.append("<p class=\"meta\"><a href=\"").append(escape(indexHref)).append("\">all runs</a></p>\n");
        }
        h.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"meta\">")
                .append(escape(String.join(" ", r.vary().stream().map(v -> "--vary " + v).toList())))
                .append(r.find().equals("none") ? "" : " --find " + escape(r.find()))
                .append(" · seed ").append(r.seed()).append(" · faults <code>").append(escape(r.parameters().faults()))
                .append("</code> · ").append(r.points().size()).append(" engine runs (")
                .append(r.wallClock().computed()).append(" run now, ").append(r.wallClock().reused())
                .append(" read back) · folder <code>").append(escape(r.sweepId())).append("</code></p>\n");
        if (r.recommendation() != null) {
            ReportPage.recommendation(h, r.recommendation());
        }
        if (!r.sustainable().isEmpty()) {
            h.append("<h2>Sustainable throughput</h2>\n<p class=\"meta\">The highest input rate at which the backlog stays"
                    + " bounded (its peak in the second half of the trace at most ").append(SustainableThroughput.GROWTH)
                    .append(" × the first half's, plus one second of input), within ")
                    .append((int) SustainableThroughput.PRECISION_PERCENT).append(" %.</p>\n<table>\n<tr><th>engine</th>"
                    + "<th>sustainable</th><th>first unsustainable</th><th>probes</th></tr>\n");
            for (SustainableThroughput.Result s : r.sustainable()) {
                h.append("<tr><td>").append(ReportPage.swatch(r.parameters(), s.paradigm().id())).append(escape(s.paradigm().label()))
                        .append("</td><td class=\"num\">").append(escape(s.rateText() + s.capNote()))
                        .append("</td><td class=\"num\">")
                        .append(s.firstUnbounded() == null ? "none found" : RateText.format(s.firstUnbounded())
                                + (s.firstUnboundedFailure() == null ? "" : " (" + escape(s.firstUnboundedFailure().clause()) + ")"))
                        .append("</td><td class=\"num\">").append(s.probes()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Charts</h2>\n");
        long failed = r.points().stream().filter(SweepPoint::failed).count();
        if (failed > 0) {
            h.append("<p class=\"meta\">").append(failed).append(failed == 1 ? " engine run" : " engine runs")
                    .append(" failed (see the points below): the charts leave them out, since their figures stop at the"
                            + " failure.</p>\n");
        }
        for (String chart : r.charts()) {
            String caption = CAPTIONS.getOrDefault(chart, chart);
            h.append("<figure><img src=\"").append(escape(chart)).append(".png\" alt=\"").append(escape(caption))
                    .append("\"><figcaption>").append(escape(caption)).append(" <a href=\"").append(escape(chart))
                    .append(".svg\">SVG</a></figcaption></figure>\n");
        }
        h.append("<h2>Points</h2>\n<table>\n<tr><th>engine</th><th>parameters</th><th>latency p50 / p99</th>"
                + "<th>throughput</th><th>backlog bounded</th><th>staleness mean</th><th>cost</th><th>results</th></tr>\n");
        for (SweepPoint p : r.points()) {
            h.append("<tr><td>").append(ReportPage.swatch(r.parameters(), p.engine())).append(escape(ReportPage.label(r.parameters(), p.engine())))
                    .append("</td><td>").append(escape(p.configuration()));
            p.parameters().forEach((k, v) -> {
                if (!k.endsWith("interval")) {
                    h.append(", ").append(escape(k)).append(' ').append(escape(v));
                }
            });
            h.append("</td><td class=\"num\">").append(escape(ComparisonTable.ms(p.latency().p50Ms()))).append(" / ")
                    .append(escape(ComparisonTable.ms(p.latency().p99Ms()))).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%,.1f/s", p.throughputPerSec())).append("</td><td>")
                    .append(p.backlogBounded() == null ? "too short to tell" : p.backlogBounded() ? "yes" : "no")
                    .append("</td><td class=\"num\">")
                    .append(escape(ComparisonTable.ms(p.stalenessMeanMs()))).append("</td><td class=\"num\">")
                    .append(escape(Recommendation.money(p.cost()))).append("</td><td class=\"")
                    .append(p.failed() ? "bad\">" + escape(p.failure().cell() + ": " + p.failure().reason())
                            : p.correct() ? "ok\">✓" : "bad\">✗ " + escape(p.difference())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append("<p class=\"meta\">Run the same command again to resume or extend this sweep: finished points are read"
                + " back from <code>points/</code>, not recomputed.</p>\n");
        h.append(HtmlText.IMAGE_CHECK).append("</body>\n</html>\n");
        return h.toString();
    }
}
