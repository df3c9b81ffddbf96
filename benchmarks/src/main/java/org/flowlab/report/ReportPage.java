package org.flowlab.report;

import static org.flowlab.report.HtmlText.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.charts.Palette;
import org.flowlab.experiment.EngineFailure;
import org.flowlab.experiment.Recommendation;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;

/**
 * {@code report.html}: a static page beside run.json showing the verdict, the recommendation, the
 * side-by-side table, the charts (relative {@code img} links to the PNGs, with their SVGs linked),
 * the parameters and the machine. It needs no network and opens from disk. A tiny inline script
 * records on the body whether every image loaded ({@code data-images-loaded="5/5"}).
 */
public final class ReportPage {

    /** What each chart shows, by base name, in the order the page shows them. */
    public static final Map<String, String> CAPTIONS = new java.util.LinkedHashMap<>();

    static {
        CAPTIONS.put("latency-cdf", "Per-record latency, arrival to visible: the share of records visible within each latency.");
        CAPTIONS.put("staleness", "Staleness over time: the age of the oldest arrived record not yet visible — the batch saw-tooth against the stream's line.");
        CAPTIONS.put("throughput", "Records processed per second over time, each engine's mean over the same bins (their width is on"
                + " the axis), faults marked: the recovery timeline.");
        CAPTIONS.put("backlog", "Records arrived but not yet read over time, faults marked: how far each engine falls behind and catches up.");
        CAPTIONS.put("cost-latency", "Cost per run against p99 latency, with the SLA line when one was given: the cheaper and faster, the better.");
    }

    private ReportPage() {
    }

    /**
     * The page of {@code report}, whose charts are beside it.
     *
     * @param indexHref the relative link to the index of runs, or null for none
     */
    public static String html(RunReport report, String indexHref) {
        StringBuilder h = new StringBuilder(16_384);
        String title = RunInput.name(report.parameters().input(), report.scenario()) + " · " + report.job();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Flowlab — ").append(escape(title)).append("</title>\n<style>\n")
                .append(HtmlText.STYLE).append("</style>\n</head>\n<body>\n");
        if (indexHref != null) {
            h.append("<p class=\"meta\"><a href=\"").append(escape(indexHref)).append("\">all runs</a></p>\n");
        }
        h.append("<h1>").append(escape(title)).append("</h1>\n");
        RunReport.Parameters p = report.parameters();
        h.append("<p class=\"meta\">run ").append(escape(report.runId())).append(" · seed ").append(report.seed())
                .append(String.format(Locale.ROOT, " · %,d events over %s (%s)", report.trace().events(),
                        DurationText.format(Math.round(report.trace().arrivalSpanMs() * 1e6)),
                        RateText.format(report.trace().meanRatePerSec())))
                .append(" · faults: <code>").append(escape(p.faults())).append("</code> · Flowlab ")
                .append(escape(report.flowlabVersion())).append("</p>\n");
        verdict(h, report);
        recommendation(h, report.recommendation());
        table(h, report);
        List<String> given = given(report);
        if (!given.isEmpty()) {
            h.append("<h2>What every engine is given</h2>\n<ul>\n");
            for (String s : given) {
                h.append("<li>").append(escape(s)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        bill(h, report);
        charts(h, report.charts());
        parameters(h, report);
        machine(h, report);
        h.append(HtmlText.IMAGE_CHECK).append("</body>\n</html>\n");
        return h.toString();
    }

    /**
     * The recommendation: its verdict in bold, then a list with one item per criterion, the
     * criterion leading; a run.json from before the verdict shows its paragraph.
     */
    static void recommendation(StringBuilder h, RunReport.RecommendationFigures r) {
        h.append("<h2>Recommendation</h2>\n");
        if (r.verdict() == null || r.reasons() == null) {
            h.append("<p>").append(escape(r.explanation())).append("</p>\n");
            return;
        }
        h.append("<p class=\"verdict\">").append(escape(r.verdict())).append("</p>\n<ul class=\"reasons\">\n");
        for (Recommendation.Reason reason : r.reasons()) {
            h.append("<li><strong>").append(escape(reason.criterion())).append(":</strong> ").append(escape(reason.text()))
                    .append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void verdict(StringBuilder h, RunReport report) {
        RunReport.AgreementFigures a = report.agreement();
        failures(h, report);
        boolean anyFailed = report.engines().values().stream().anyMatch(RunReport.EngineFigures::failed);
        boolean allFailed = report.engines().values().stream().allMatch(RunReport.EngineFigures::failed);
        if (allFailed) {
            h.append("<p class=\"bad\">No engine finished, so no results were compared with the reference oracle's.</p>\n");
        } else if (a.resultsAgree()) {
            List<String> late = new java.util.ArrayList<>();
            report.engines().forEach((id, f) -> {
                if (f.lateRecords() > 0 && !f.failed()) {
                    late.add(String.format(Locale.ROOT, "%s %,d", label(report.parameters(), id), f.lateRecords()));
                }
            });
            h.append("<p class=\"ok\">Results agree ✓ — ")
                    .append(anyFailed ? "the final table of every engine that finished" : "every engine's final table")
                    .append(" equals the reference oracle's")
                    .append(late.isEmpty() ? "" : " without the records it dropped as late (" + escape(String.join(", ", late)) + ")")
                    .append(" (").append(String.format(Locale.ROOT, "%,d", a.oracleOutputs())).append(" outputs).</p>\n");
        } else {
            h.append("<p class=\"bad\">Results differ ✗</p>\n<ul>\n");
            for (String d : a.differences()) {
                h.append("<li>").append(escape(d)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    /**
     * One paragraph per engine whose job failed for good: when, after how many restarts or reruns,
     * and why — a result of the simulated faults, not an error.
     */
    private static void failures(StringBuilder h, RunReport report) {
        report.engines().forEach((id, f) -> {
            if (!f.failed()) {
                return;
            }
            EngineFailure failure = f.failure();
            String what = failure == null ? "failed" : failure.clause();
            h.append("<p class=\"bad\">").append(escape(Character.toUpperCase(label(report.parameters(), id).charAt(0)) + label(report.parameters(), id).substring(1)))
                    .append(" FAILED — its job ").append(escape(what)).append(". ")
                    .append(escape(failure == null ? "" : failure.givingUp()))
                    .append(" Its figures below cover the run up to the failure; its results, what was visible then, are"
                            + " not compared with the oracle's, and it is never recommended.</p>\n");
        });
    }

    private static void table(StringBuilder h, RunReport report) {
        ComparisonTable t = ComparisonTable.of(report);
        h.append("<h2>Side by side</h2>\n<table>\n<tr><th></th>");
        for (String id : t.engines()) {
            h.append("<th>").append(swatch(report.parameters(), id)).append(escape(label(report.parameters(), id))).append("</th>");
        }
        h.append("</tr>\n");
        for (ComparisonTable.Row r : t.rows()) {
            h.append("<tr><th>").append(escape(r.label())).append("</th>");
            for (String c : r.cells()) {
                String cls = c.startsWith("✓") ? " class=\"ok\"" : c.startsWith("✗") || c.startsWith("FAILED") || c.startsWith("failed")
                        ? " class=\"bad\"" : " class=\"num\"";
                h.append("<td").append(cls).append('>').append(escape(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * What every engine was given (DESIGN.md, "The same conditions for every engine"): the trace,
     * the event-time contract and what each engine did with the records behind it, the output
     * mode, the faults; nothing for a run.json without the contract (schema 1).
     */
    static List<String> given(RunReport report) {
        RunReport.Parameters p = report.parameters();
        if (p.eventTime() == null || p.output() == null) {
            return List.of();
        }
        List<String> late = new java.util.ArrayList<>();
        report.engines().forEach((id, f) -> {
            if (f.simulated()) {
                late.add(label(report.parameters(), id) + " " + (id.equals("batch")
                        ? String.format(Locale.ROOT, "corrected %,d", f.corrections() == null ? 0 : f.corrections())
                        : String.format(Locale.ROOT, "dropped %,d", f.lateRecords())));
            }
        });
        return List.of(
                String.format(Locale.ROOT, "The same trace: %,d events, replayed through every engine.", report.trace().events()),
                "The same event-time contract: the watermark trails the largest event time read by "
                        + DurationText.format(Math.round(p.eventTime().watermarkDelayMs() * 1e6)) + ", and a window that is the "
                        + "job's last step takes records for " + DurationText.format(Math.round(p.eventTime().allowedLatenessMs() * 1e6))
                        + " more. A record behind an engine's watermark is late: the stream and the micro-batch drop it to a "
                        + "counted late output, as Flink and Spark do; the batch engine, which reads complete partitions, "
                        + "corrects the partition by running it again. Late records: " + String.join(", ", late) + ".",
                "The same output mode: " + p.output().mode() + " — " + p.output().meaning() + ".",
                "The same faults: " + p.faults() + crashDetection(p) + ".",
                "The same bill: every worker, for every instant its cluster is held (below).",
                "Results agree when an engine's table equals the reference oracle's on the trace without the records "
                        + "that engine dropped as late.");
    }

    /**
     * {@code ; every engine notices a crashed worker after 50 s, and has it back its restart delay later},
     * when the faults have a crash and run.json says when it was noticed; else nothing.
     */
    static String crashDetection(RunReport.Parameters p) {
        if (p.failureDetectionMs() == null || !p.faults().contains("crash:")) {
            return "";
        }
        return "; every engine notices a crashed worker after "
                + DurationText.format(Math.round(p.failureDetectionMs() * 1e6))
                + ", and has it back its restart delay later";
    }

    /** What each engine was charged and why; nothing for a run.json without the bill's parts. */
    private static void bill(StringBuilder h, RunReport report) {
        List<String> sentences = BillSentences.of(report);
        if (sentences.isEmpty()) {
            return;
        }
        h.append("<h2>What was charged</h2>\n<p>One rule for every engine: each worker is billed for every instant its")
                .append(" cluster is held, busy or idle, at ").append(escape(String.valueOf(report.parameters().pricePerWorkerHour())))
                .append(" per worker-hour.</p>\n<ul>\n");
        for (String s : sentences) {
            h.append("<li>").append(escape(s)).append("</li>\n");
        }
        h.append("</ul>\n");
        for (String rule : BillSentences.rules(report)) {
            h.append("<p class=\"meta\">").append(escape(Character.toUpperCase(rule.charAt(0)) + rule.substring(1)))
                    .append(".</p>\n");
        }
    }

    private static void charts(StringBuilder h, List<String> charts) {
        h.append("<h2>Charts</h2>\n");
        for (String name : charts) {
            String caption = CAPTIONS.getOrDefault(name, name);
            h.append("<figure><img src=\"").append(escape(name)).append(".png\" alt=\"").append(escape(caption))
                    .append("\"><figcaption>").append(escape(caption)).append(" <a href=\"").append(escape(name))
                    .append(".svg\">SVG</a></figcaption></figure>\n");
        }
    }

    private static void parameters(StringBuilder h, RunReport report) {
        RunReport.Parameters p = report.parameters();
        h.append("<h2>Parameters</h2>\n<table>\n");
        RunInput input = p.input();
        if (input != null && input.fromFile()) {
            row(h, "trace file", input.file());
            row(h, "trace file SHA-256", input.sha256());
            row(h, "trace file events", String.format(Locale.ROOT, "%,d", input.events()));
        }
        row(h, "scenario", report.scenario());
        row(h, "job", p.job());
        row(h, "seed", Long.toString(report.seed()));
        row(h, "engines", String.join(", ", p.engineIds()));
        row(h, "duration", p.durationMs() == null ? "—" : DurationText.format(p.durationMs() * 1_000_000));
        row(h, "rate", p.ratePerSec() == null ? "—" : RateText.format(p.ratePerSec()));
        for (EngineEntry e : p.engines()) {
            if (!e.settings().isEmpty()) {
                List<String> settings = new ArrayList<>();
                e.settings().forEach((name, value) -> settings.add(name + " " + value));
                row(h, e.label() + " settings", String.join(", ", settings));
            }
        }
        row(h, "cluster", String.format(Locale.ROOT, "%d workers × %d slots at %s per worker-hour", p.workers(),
                p.slotsPerWorker(), p.pricePerWorkerHour()));
        if (p.eventTime() != null) {
            row(h, "watermark delay", DurationText.format(Math.round(p.eventTime().watermarkDelayMs() * 1e6)));
            row(h, "allowed lateness", DurationText.format(Math.round(p.eventTime().allowedLatenessMs() * 1e6)));
        }
        if (p.output() != null) {
            row(h, "output mode", p.output().mode());
        }
        row(h, "faults", p.faults());
        row(h, "SLA (p99 per-record latency)", p.slaMs() == null ? "none" : DurationText.format(Math.round(p.slaMs() * 1e6)));
        row(h, "budget per run", p.budget() == null ? "none" : org.flowlab.experiment.Recommendation.money(p.budget()));
        row(h, "workload", p.workload() == null ? "" : p.workload().toString());
        row(h, "cost model", costModel(p.costsNs()));
        h.append("</table>\n");
    }

    /** {@code default}, or the fields a cost profile changed, with their values. */
    static String costModel(Map<String, Long> costsNs) {
        if (costsNs == null) {
            return "default";
        }
        StringBuilder changed = new StringBuilder();
        org.flowlab.sim.cluster.CostModel.defaults().asMap().forEach((path, nanos) -> {
            Long given = costsNs.get(path);
            if (given != null && !given.equals(nanos)) {
                changed.append(changed.length() == 0 ? "" : ", ").append(path).append(' ')
                        .append(DurationText.format(given));
            }
        });
        return changed.length() == 0 ? "default" : "from a cost profile: " + changed;
    }

    private static void machine(StringBuilder h, RunReport report) {
        RunReport.Environment e = report.environment();
        RunReport.WallClock w = report.wallClock();
        h.append("<h2>Machine and wall clock</h2>\n<p class=\"meta\">")
                .append(escape(String.format(Locale.ROOT, "Java %s (%s) on %s %s, %d cores, %,d MB heap. Started %s; took %.1f s"
                                + " (trace %.1f s, oracle %.1f s, charts and page %.1f s; engines %s, %d at a time).",
                        e.javaVersion(), e.javaVendor(), e.os(), e.arch(), e.availableProcessors(), e.maxHeapMb(),
                        w.startedAt(), w.totalSeconds(), w.traceSeconds(), w.oracleSeconds(), w.reportSeconds(),
                        engineSeconds(w.engineSeconds()), w.threads())))
                .append(" These are the only wall-clock figures; every other number is simulated time.</p>\n");
        WallClockTable speed = WallClockTable.of(report);
        if (!speed.rows().isEmpty()) {
            boolean repeated = speed.runs() > 1;
            String caption = speed.caption();
            if (!caption.isEmpty()) {
                h.append("<p class=\"meta\">").append(escape(Character.toUpperCase(caption.charAt(0)) + caption.substring(1)))
                        .append(".</p>\n");
            }
            h.append("<table>\n<tr><th>engine</th><th>wall-clock seconds</th><th>records per second</th>")
                    .append(repeated ? "<th>every run, seconds</th>" : "").append("</tr>\n");
            for (WallClockTable.Row r : speed.rows()) {
                h.append("<tr><th>").append(swatch(report.parameters(), r.engine())).append(escape(label(report.parameters(), r.engine()))).append("</th><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.2f", r.seconds())).append("</td><td class=\"num\">")
                        .append(escape(org.flowlab.bench.BenchTable.rate(r.recordsPerSec()))).append("</td>");
                if (repeated) {
                    h.append("<td class=\"num\">").append(escape(WallClockTable.everyRun(r))).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
            for (String ratio : speed.ratios()) {
                h.append("<p class=\"meta\">").append(escape(ratio)).append("</p>\n");
            }
        }
    }

    private static String engineSeconds(Map<String, Double> seconds) {
        StringBuilder s = new StringBuilder();
        seconds.forEach((id, sec) -> s.append(s.length() == 0 ? "" : ", ").append(id)
                .append(String.format(Locale.ROOT, " %.1f s", sec)));
        return s.toString();
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    /** A small square in the engine's colour (as {@code parameters} give it), so the table matches the charts. */
    static String swatch(RunReport.Parameters parameters, String engineId) {
        EngineEntry e = parameters.engine(engineId);
        return e == null ? "" : "<span class=\"swatch\" style=\"background:" + e.colour() + "\"></span>";
    }

    /** The engine's name for people, as {@code parameters} give it. */
    static String label(RunReport.Parameters parameters, String engineId) {
        EngineEntry e = parameters.engine(engineId);
        return e == null ? engineId : e.label();
    }
}
