package org.flowlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.flowlab.experiment.EngineFailure;
import org.flowlab.experiment.Recommendation;
import org.flowlab.workloads.text.DurationText;

/**
 * The side-by-side table of a comparison, one row per figure and one column per engine, built from
 * run.json's model so the terminal and report.html show the same cells. Rows that no engine has a
 * value for (event-time latency of a job without windows, detection latency of a job that raises
 * no alerts) are left out. An engine whose job failed for good shows {@code FAILED after N restarts}
 * in a status row, and its figures up to the failure; its results are not compared.
 *
 * @param engines the engines' ids, the columns
 * @param rows    the rows
 */
public record ComparisonTable(List<String> engines, List<Row> rows) {

    public ComparisonTable {
        engines = List.copyOf(engines);
        rows = List.copyOf(rows);
    }

    /**
     * One figure for every engine.
     *
     * @param label what it is, with its unit where it has one
     * @param cells one per engine
     */
    public record Row(String label, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** The table of {@code report}. */
    public static ComparisonTable of(RunReport report) {
        List<RunReport.EngineFigures> e = new ArrayList<>(report.engines().values());
        List<Row> rows = new ArrayList<>();
        rows.add(row("engine", e, RunReport.EngineFigures::engine));
        rows.add(row("configuration", e, RunReport.EngineFigures::configuration));
        if (e.stream().anyMatch(RunReport.EngineFigures::failed)) {
            List<String> status = new ArrayList<>();
            report.engines().forEach((id, f) -> status.add(status(id, f)));
            rows.add(new Row("status", status));
        }
        rows.add(row("final latency per record p50 / p99 / max", e, simulated(f -> latency(f.latencyMs(), true))));
        rows.add(row("first-visible latency p50 / p99 / max", e, simulated(f -> latency(f.firstVisibleLatencyMs(), true))));
        rows.add(row("processing-time latency of outputs p50 / p99", e, simulated(f -> latency(f.processingLatencyMs(), false))));
        if (e.stream().anyMatch(f -> f.simulated() && f.eventTimeLatencyMs().count() > 0)) {
            rows.add(row("event-time latency of outputs p50 / p99", e, simulated(f -> latency(f.eventTimeLatencyMs(), false))));
        }
        if (e.stream().anyMatch(f -> f.simulated() && f.detectionLatencyMs().count() > 0)) {
            rows.add(row("detection latency p50 / p99", e, simulated(f -> latency(f.detectionLatencyMs(), false))));
        }
        rows.add(row("throughput", e, simulated(f -> String.format(Locale.ROOT, "%,.1f records/s", f.throughputPerSec()))));
        rows.add(row("largest backlog", e, simulated(f -> String.format(Locale.ROOT, "%,d records", f.maxBacklog()))));
        rows.add(row("staleness mean / max", e, simulated(f -> ms(f.stalenessMs().mean()) + " / " + ms(f.stalenessMs().max()))));
        rows.add(row("recovery time", e, simulated(f -> f.recovery().restarts() == 0 && f.recovery().timeMs() == 0 ? "—"
                : ms(f.recovery().timeMs()))));
        rows.add(row("reprocessed", e, simulated(f -> count(f.recovery().reprocessed()))));
        rows.add(row("duplicates", e, simulated(f -> count(f.recovery().duplicates()))));
        rows.add(row("lost", e, simulated(f -> f.recovery().lost() == null ? "—" : count(f.recovery().lost()))));
        rows.add(row("late records dropped", e, f -> count(f.lateRecords())));
        rows.add(row("late records corrected", e, simulated(f -> count(f.corrections()))));
        rows.add(row("worker-seconds (busy)", e, simulated(f -> String.format(Locale.ROOT, "%,.0f (%,.0f)",
                f.cost().workerSeconds(), f.cost().workerSecondsBusy()))));
        if (e.stream().anyMatch(f -> f.simulated() && f.cost().held() != null)) {
            rows.add(row("cluster held (idle between runs)", e, simulated(ComparisonTable::held)));
        }
        rows.add(row("cost", e, simulated(f -> Recommendation.money(f.cost().amount()))));
        List<String> agree = new ArrayList<>();
        for (String id : report.engines().keySet()) {
            agree.add(agreement(report, id));
        }
        rows.add(new Row("results agree", agree));
        return new ComparisonTable(new ArrayList<>(report.engines().keySet()), rows);
    }

    /**
     * {@code completed}, or {@code FAILED after 3 restarts, at 41 m 10 s} (a batch engine's count is of
     * reruns of a failed run).
     */
    static String status(String engine, RunReport.EngineFigures f) {
        if (!f.failed()) {
            return "completed";
        }
        EngineFailure failure = f.failure();
        return failure == null ? "FAILED" : failure.cell() + ", at " + ms(failure.atMs());
    }

    /**
     * ✓ (with how many records it dropped as late, if any), or ✗ with the first difference, from the
     * agreement's lines; {@code failed, not compared} for an engine whose job failed.
     */
    static String agreement(RunReport report, String engine) {
        RunReport.EngineFigures f = report.engines().get(engine);
        if (f.failed()) {
            return "failed, not compared";
        }
        if (Boolean.TRUE.equals(f.resultsAgree())) {
            return f.lateRecords() == 0 ? "✓" : String.format(Locale.ROOT, "✓ %,d late", f.lateRecords());
        }
        for (String d : report.agreement().differences()) {
            if (d.startsWith(engine + ": ")) {
                return "✗ " + d.substring(engine.length() + 2);
            }
        }
        return "✗";
    }

    /**
     * How long the cluster was held, how much of that idle between runs (none for a stream, whose job
     * runs all along: its quiet time shows in the busy worker-seconds, as every engine's does), how it
     * was held and its cold starts: {@code 1 h 12 m (1 h 09 m), ephemeral, 2 cold starts}.
     */
    private static String held(RunReport.EngineFigures f) {
        RunReport.Cost c = f.cost();
        if (c.held() == null) {
            return "—";
        }
        double idleShare = c.workerSeconds() == 0 ? 0 : c.held().idle() / c.workerSeconds();
        String cell = ms(c.heldMs()) + " (" + (idleShare == 0 ? "0 s" : ms(c.heldMs() * idleShare)) + ")";
        if (!"ephemeral".equals(c.cluster())) {
            return cell + ", always on";
        }
        return cell + ", ephemeral, " + c.coldStarts() + (c.coldStarts() == 1 ? " cold start" : " cold starts");
    }

    /** The cell of a simulated figure; a run on Flink has none ({@code —}). */
    private static Function<RunReport.EngineFigures, String> simulated(Function<RunReport.EngineFigures, String> cell) {
        return f -> f.simulated() ? cell.apply(f) : "—";
    }

    private static Row row(String label, List<RunReport.EngineFigures> engines, Function<RunReport.EngineFigures, String> cell) {
        List<String> cells = new ArrayList<>();
        for (RunReport.EngineFigures f : engines) {
            cells.add(cell.apply(f));
        }
        return new Row(label, cells);
    }

    private static String latency(RunReport.Latency l, boolean withMax) {
        if (l.count() == 0) {
            return "—";
        }
        return ms(l.p50()) + " / " + ms(l.p99()) + (withMax ? " / " + ms(l.max()) : "");
    }

    /** Milliseconds as people read a duration: {@code 850 ms}, {@code 2.4 s}, {@code 1 h 05 m}. */
    public static String ms(double millis) {
        return DurationText.format(Math.round(millis * 1e6));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The table as plain text with aligned columns, for a terminal. */
    public String toText() {
        int labelWidth = "figure".length();
        for (Row r : rows) {
            labelWidth = Math.max(labelWidth, r.label().length());
        }
        int[] widths = new int[engines.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = engines.get(i).length();
            for (Row r : rows) {
                if (!r.label().equals("results agree")) {
                    widths[i] = Math.max(widths[i], r.cells().get(i).length());
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(pad("", labelWidth));
        for (int i = 0; i < widths.length; i++) {
            s.append("  ").append(pad(engines.get(i), widths[i]));
        }
        s.append('\n');
        for (Row r : rows) {
            StringBuilder line = new StringBuilder(pad(r.label(), labelWidth));
            for (int i = 0; i < widths.length; i++) {
                line.append("  ").append(pad(r.cells().get(i), widths[i]));
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
