package org.flowlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.bench.BenchTable;

/**
 * How fast each engine ran on this machine: wall-clock seconds and records of the trace per second,
 * and — when the run has Flink engines beside Flowlab's — the ratio of the like paradigms (Flowlab's
 * stream engine against Flink's {@code STREAMING} mode, its batch engine against Flink's
 * {@code BATCH} mode). When every engine ran several times over the trace, the figures are each
 * one's fastest run and every run's seconds are listed beside it. These figures vary from run to
 * run, unlike every simulated one.
 *
 * @param rows   one per engine, in run.json's order
 * @param ratios {@code stream ÷ flink-streaming: 6.6×}, one per pair present
 * @param runs   how many times each engine ran
 * @param jvmPerEngine whether each engine's runs went in a JVM of its own
 * @param warmupSeconds how long each engine ran untimed there before its timed runs (0: none)
 */
public record WallClockTable(List<Row> rows, List<String> ratios, int runs, boolean jvmPerEngine, double warmupSeconds) {

    /** The pairs compared: a Flowlab engine and the Flink mode that does the same kind of work. */
    static final List<String[]> PAIRS = List.of(new String[]{"stream", "flink-streaming"}, new String[]{"batch", "flink-batch"});

    public WallClockTable {
        rows = List.copyOf(rows);
        ratios = List.copyOf(ratios);
    }

    /**
     * One engine.
     *
     * @param engine         its id
     * @param seconds        wall clock
     * @param recordsPerSec  records of the trace per second of wall clock
     * @param everyRun       the seconds of each of its runs, in the order they ran; empty when not recorded
     */
    public record Row(String engine, double seconds, double recordsPerSec, List<Double> everyRun) {
        public Row {
            everyRun = List.copyOf(everyRun);
        }
    }

    /** The table of {@code report}; without wall-clock figures per engine (an old run.json), empty. */
    public static WallClockTable of(RunReport report) {
        RunReport.WallClock w = report.wallClock();
        List<Row> rows = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        if (w == null || w.engineRecordsPerSec() == null) {
            return new WallClockTable(rows, ratios, 1, false, 0);
        }
        Map<String, Double> rates = w.engineRecordsPerSec();
        Map<String, List<Double>> everyRun = w.engineSecondsEveryRun() == null ? Map.of() : w.engineSecondsEveryRun();
        for (Map.Entry<String, Double> e : w.engineSeconds().entrySet()) {
            rows.add(new Row(e.getKey(), e.getValue(), rates.getOrDefault(e.getKey(), 0.0),
                    everyRun.getOrDefault(e.getKey(), List.of())));
        }
        for (String[] pair : PAIRS) {
            Double flowlab = rates.get(pair[0]);
            Double flink = rates.get(pair[1]);
            if (flowlab != null && flink != null && flink > 0) {
                ratios.add(String.format(Locale.ROOT, "%s ÷ %s: %.1f×", pair[0], pair[1], flowlab / flink));
            }
        }
        return new WallClockTable(rows, ratios, w.runsPerEngine(), w.timedInJvmPerEngine(), w.warmup());
    }

    /**
     * What the figures are, for a caption: {@code fastest of 3 runs per engine over the same trace, each
     * engine's in a JVM of its own, after 10 s of untimed warm-up runs}, or empty for one cold run.
     */
    public String caption() {
        if (runs == 1 && warmupSeconds == 0) {
            return "";
        }
        String where = jvmPerEngine ? "each engine's in a JVM of its own" : "all in one JVM";
        String first = warmupSeconds == 0 ? "the first one cold"
                : String.format(Locale.ROOT, "after %s s of untimed warm-up runs",
                warmupSeconds == Math.rint(warmupSeconds) ? String.valueOf((long) warmupSeconds) : String.valueOf(warmupSeconds));
        return (runs == 1 ? "one run per engine" : "fastest of " + runs + " runs per engine") + " over the same trace, "
                + where + ", " + first;
    }

    /** {@code 2.10 0.95 0.91}: a row's seconds of every run. */
    public static String everyRun(Row r) {
        StringBuilder s = new StringBuilder();
        for (double seconds : r.everyRun()) {
            s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", seconds));
        }
        return s.toString();
    }

    /** The table as aligned text, then the ratios, for a terminal. */
    public String toText() {
        int width = "engine".length();
        for (Row r : rows) {
            width = Math.max(width, r.engine().length());
        }
        boolean repeated = runs > 1;
        StringBuilder s = new StringBuilder(caption().isEmpty() ? "" : caption() + ":\n");
        s.append(String.format(Locale.ROOT, "%-" + width + "s  %9s  %12s%s%n", "engine", "seconds", "records/s",
                repeated ? "  every run (s)" : ""));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s  %9.2f  %12s%s%n", r.engine(), r.seconds(),
                    BenchTable.rate(r.recordsPerSec()), repeated ? "  " + everyRun(r) : ""));
        }
        for (String ratio : ratios) {
            s.append(ratio).append('\n');
        }
        return s.toString();
    }
}
