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
 * {@code BATCH} mode). These figures vary from run to run, unlike every simulated one.
 *
 * @param rows   one per engine, in run.json's order
 * @param ratios {@code stream ÷ flink-streaming: 6.6×}, one per pair present
 */
public record WallClockTable(List<Row> rows, List<String> ratios) {

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
     */
    public record Row(String engine, double seconds, double recordsPerSec) {
    }

    /** The table of {@code report}; without wall-clock figures per engine (an old run.json), empty. */
    public static WallClockTable of(RunReport report) {
        RunReport.WallClock w = report.wallClock();
        List<Row> rows = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        if (w == null || w.engineRecordsPerSec() == null) {
            return new WallClockTable(rows, ratios);
        }
        Map<String, Double> rates = w.engineRecordsPerSec();
        for (Map.Entry<String, Double> e : w.engineSeconds().entrySet()) {
            rows.add(new Row(e.getKey(), e.getValue(), rates.getOrDefault(e.getKey(), 0.0)));
        }
        for (String[] pair : PAIRS) {
            Double flowlab = rates.get(pair[0]);
            Double flink = rates.get(pair[1]);
            if (flowlab != null && flink != null && flink > 0) {
                ratios.add(String.format(Locale.ROOT, "%s ÷ %s: %.1f×", pair[0], pair[1], flowlab / flink));
            }
        }
        return new WallClockTable(rows, ratios);
    }

    /** The table as aligned text, then the ratios, for a terminal. */
    public String toText() {
        int width = "engine".length();
        for (Row r : rows) {
            width = Math.max(width, r.engine().length());
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %9s  %12s%n", "engine", "seconds",
                "records/s"));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s  %9.2f  %12s%n", r.engine(), r.seconds(), BenchTable.rate(r.recordsPerSec())));
        }
        for (String ratio : ratios) {
            s.append(ratio).append('\n');
        }
        return s.toString();
    }
}
