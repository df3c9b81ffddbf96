package org.flowlab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.bench.BenchTable;

/**
 * The README's table of Flowlab against Flink: from the run folders {@code flowlab flink} wrote
 * under one directory, the newest run of each scenario and job, with the wall-clock records per
 * second of Flowlab's stream and batch engines and of Flink's two modes, and their ratios against
 * the goal of {@value #GOAL}× (the sandbox must sweep hundreds of configurations quickly).
 */
public final class FlinkRunsTable {

    /** The README's markers around the table. */
    public static final String START = "<!-- flink:start -->";
    public static final String END = "<!-- flink:end -->";

    /** How many times Flink's local speed Flowlab's engines should reach. */
    public static final double GOAL = 10;

    private FlinkRunsTable() {
    }

    /** The newest run with Flink engines per scenario and job, in the order of their newest runs (oldest first). */
    static List<RunReport> newestPerJob(Path runs) {
        Map<String, RunReport> newest = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>(RunIndex.folders(runs, "run.json"));
        java.util.Collections.reverse(folders); // oldest first, so a later run replaces an earlier one
        for (Path folder : folders) {
            RunReport r;
            try {
                r = RunReportJson.read(folder.resolve("run.json"));
            } catch (RuntimeException e) {
                continue; // not a run this version can read
            }
            if (r.engines() == null || r.wallClock() == null || r.wallClock().engineRecordsPerSec() == null
                    || r.engines().keySet().stream().noneMatch(id -> id.startsWith("flink-"))) {
                continue;
            }
            String key = RunInput.name(r.parameters().input(), r.scenario()) + " / " + r.job();
            newest.remove(key);
            newest.put(key, r);
        }
        return new ArrayList<>(newest.values());
    }

    /**
     * The markdown table of the runs under {@code runs}, with a caption naming the machine and how
     * to regenerate it; a sentence saying there are none when there are none.
     */
    public static String markdown(Path runs, String host) {
        List<RunReport> reports = newestPerJob(runs);
        if (reports.isEmpty()) {
            return "No runs with Flink under `" + runs + "` yet: `./flowlab flink --scenario nexmark --job q5 --out "
                    + runs + "` makes one.\n";
        }
        StringBuilder s = new StringBuilder();
        RunReport first = reports.get(0);
        s.append(String.format(Locale.ROOT, "Wall-clock records per second on %s (%d cores, Java %s), each row the newest "
                        + "`./flowlab flink` run of its job in `%s` (run ids name the date); Flink %s on a local MiniCluster "
                        + "in the JVM it runs in, started before its runs and not counted, its tasks at `flowlab flink`'s "
                        + "parallelism (by default as many as the cores, at most 4), its jobs reading the trace and keeping "
                        + "every result in that JVM's memory (as Flowlab's engines do; runs before Dec 7, 21:00 sent every "
                        + "result to the client through Flink's collect sink and shipped the trace inside the job, which "
                        + "counted in Flink's time); Flowlab's engines "
                        + "one at a time, single-threaded. With more than one run per engine (`--repeat N`), each figure is "
                        + "the engine's fastest run over the same trace, and each engine's runs go in a JVM of its own, after "
                        + "untimed warm-up runs for the time `--warmup` gives (marked \"own JVM\" and \"warm-up\"; older runs "
                        + "shared one JVM, where an engine's code carries the type profiles of the engines before it, and began "
                        + "cold). The column \"÷ Flink's own run time\" sets the stream engine against Flink's job alone, "
                        + "as Flink reports its run time, without submitting and deploying it (the goal is on the wall "
                        + "clock, the column before). Regenerate with "
                        + "`./flowlab bench-table` after new runs.%n%n",
                host, first.environment().availableProcessors(), first.environment().javaVersion(), runs,
                flinkVersion()));
        s.append("| scenario / job | events | stream | flink-streaming | stream ÷ flink-streaming | ÷ Flink's own run time "
                + "| batch | flink-batch | batch ÷ flink-batch | runs per engine | results agree | run |\n");
        s.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (RunReport r : reports) {
            Map<String, Double> rates = r.wallClock().engineRecordsPerSec();
            Map<String, Double> flinkOwn = r.wallClock().flinkNetRuntimeSeconds();
            Double ownSeconds = flinkOwn == null ? null : flinkOwn.get("flink-streaming");
            s.append("| ").append(RunInput.name(r.parameters().input(), r.scenario())).append(" / ").append(r.job())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", r.trace().events()))
                    .append(" | ").append(rate(rates.get("stream")))
                    .append(" | ").append(rate(rates.get("flink-streaming")))
                    .append(" | ").append(ratio(rates.get("stream"), rates.get("flink-streaming")))
                    .append(" | ").append(ownRunTimeRatio(rates.get("stream"), ownSeconds, r.trace().events()))
                    .append(" | ").append(rate(rates.get("batch")))
                    .append(" | ").append(rate(rates.get("flink-batch")))
                    .append(" | ").append(ratio(rates.get("batch"), rates.get("flink-batch")))
                    .append(" | ").append(runs(r.wallClock()))
                    .append(" | ").append(r.agreement().resultsAgree() ? "✓" : "✗")
                    .append(" | ").append(r.runId())
                    .append(" |\n");
        }
        return s.toString();
    }

    /** {@code 1 (cold)}, {@code 3 (fastest)}, {@code 3 (fastest, own JVM)} or {@code 3 (fastest, own JVM, 10 s warm-up)}. */
    private static String runs(RunReport.WallClock w) {
        List<String> how = new ArrayList<>();
        how.add(w.runsPerEngine() == 1 ? (w.warmup() > 0 ? "warm" : "cold") : "fastest");
        if (w.timedInJvmPerEngine()) {
            how.add("own JVM");
        }
        if (w.warmup() > 0) {
            how.add(String.format(Locale.ROOT, "%.0f s warm-up", w.warmup()));
        }
        return w.runsPerEngine() + " (" + String.join(", ", how) + ")";
    }

    private static String rate(Double perSecond) {
        return perSecond == null ? "" : BenchTable.rate(perSecond) + "/s";
    }

    private static String ratio(Double flowlab, Double flink) {
        if (flowlab == null || flink == null || !(flink > 0)) {
            return "";
        }
        double r = flowlab / flink;
        return String.format(Locale.ROOT, "%.1f× %s", r, r >= GOAL ? "✓" : "✗");
    }

    /** The stream engine's records per second over those of Flink's own run time ({@code seconds} for {@code events}), no goal mark. */
    private static String ownRunTimeRatio(Double stream, Double seconds, long events) {
        if (stream == null || seconds == null || !(seconds > 0) || events <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f×", stream * seconds / events);
    }

    private static String flinkVersion() {
        String v = org.apache.flink.runtime.util.EnvironmentInformation.getVersion();
        return v == null || v.isBlank() ? "" : v;
    }

    /** {@code readme} with the text between the markers replaced by {@code table}; unchanged without markers. */
    public static String rewrite(String readme, String table) {
        String rewritten = BenchTable.replaceBetween(readme, START, END, table);
        return rewritten == null ? readme : rewritten;
    }
}
