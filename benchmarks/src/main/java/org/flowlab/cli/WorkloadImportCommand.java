package org.flowlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.importer.ImportResult;
import org.flowlab.workloads.importer.ImportSettings;
import org.flowlab.workloads.importer.TimeFormat;
import org.flowlab.workloads.importer.TraceImporter;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;
import org.flowlab.workloads.trace.TraceFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowlab workload import}: a user's event log (CSV or JSON Lines) as a trace file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import an event log, a CSV file (a header row, then one row per event) or a JSON Lines file "
                + "(one flat JSON object per line), as a trace file with one SQL table 'events' whose columns are the "
                + "file's. Reads the file twice, a row at a time: first to check every row and infer each column's type "
                + "(BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, else VARCHAR; a column with empty cells is VARCHAR, as only "
                + "VARCHAR holds NULL), then to encode it. Prints the schema: the event time, the key, the value (the "
                + "first DOUBLE column, else the first BIGINT one) and up to 3 attributes (the other columns; VARCHAR "
                + "values dictionary-encoded in the order first seen). Virtual time 0 is the UTC midnight before the "
                + "first event. The trace file is written only if every row is good (or --skip-bad-rows allows the bad "
                + "ones), under a temporary name and renamed, so an existing --out is replaced only on success."},
        footer = {"", "Examples:",
                "  ./flowlab workload import --from purchases.csv --event-time ts \\",
                "      --key card --out purchases.jsonl",
                "  ./flowlab workload import --from purchases.csv --event-time ts \\",
                "      --key card --disorder lognormal:median=300ms,sigma=0.7 \\",
                "      --seed 7 --out purchases.jsonl",
                "  ./flowlab workload import --from clicks.jsonl --event-time at \\",
                "      --arrival-time received --time-format epoch-ms \\",
                "      --types user=varchar --speedup 60 --out clicks.jsonl",
                "  ./flowlab workload import --from log.csv --event-time when \\",
                "      --time-format 'dd/MM/yyyy HH:mm:ss' --columns host,cpu \\",
                "      --rate 1000/s --skip-bad-rows 10 --out log.jsonl"})
final class WorkloadImportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "FILE", required = true,
            description = "The event log: FILE.csv, or FILE.jsonl (.ndjson) for JSON Lines; UTF-8.")
    Path from;

    @Option(names = "--event-time", paramLabel = "COL", required = true,
            description = "The column holding each event's time; it is the table's rowtime (its TIMESTAMP(3) column).")
    String eventTime;

    @Option(names = "--arrival-time", paramLabel = "COL",
            description = "The column holding when each event arrived (never before its event time); it is the "
                    + "arrival time, not a SQL column. Without it, arrival = event time + --disorder.")
    String arrivalTime;

    @Option(names = "--key", paramLabel = "COL", description = "The column that is the key (default: none, every key 0).")
    String key;

    @Option(names = "--time-format", paramLabel = "FORMAT", defaultValue = "iso",
            description = "How times are written: iso (2026-03-01T07:00:00.250Z, or a local date-time read as UTC; a "
                    + "space may stand for the T), epoch-ms, epoch-s, or a java.time DateTimeFormatter pattern such as "
                    + "'yyyy-MM-dd HH:mm:ss', read as UTC (default: ${DEFAULT-VALUE}).")
    String timeFormat;

    @Option(names = "--types", paramLabel = "COL=TYPE,...",
            description = "Types that replace the inferred ones: bigint, double, varchar, boolean or timestamp, for "
                    + "example amount=double,card=varchar.")
    String types;

    @Option(names = "--columns", paramLabel = "COL", split = ",",
            description = "The columns to keep besides the event-time, arrival-time and key columns (default: all; "
                    + "a trace holds a value and 3 attributes besides them).")
    List<String> columns;

    @Option(names = "--disorder", paramLabel = "MODEL", defaultValue = ImportSettings.NO_DISORDER,
            description = "Without --arrival-time: how late events arrive, a delay drawn per event from none, "
                    + "fixed:delay=D, exponential:mean=D, uniform:min=D,max=D or lognormal:median=D,sigma=X (default: "
                    + "${DEFAULT-VALUE}, every event arrives when it happens: an in-order stream; name a model to "
                    + "explore lateness).")
    String disorder;

    @Option(names = "--speedup", paramLabel = "X", defaultValue = "1",
            description = "Divide every time's distance from the first event by X: 60 replays an hour in a minute (default: ${DEFAULT-VALUE}).")
    double speedup;

    @Option(names = "--rate", paramLabel = "R", converter = RateConverter.class,
            description = "Rescale time so that the mean event rate is R, e.g. 1000/s (not with --speedup).")
    Double rate;

    @Option(names = "--skip-bad-rows", paramLabel = "N", defaultValue = "0",
            description = "Skip at most N malformed rows and count them; one more is an error (default: ${DEFAULT-VALUE}).")
    long skipBadRows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + WorkloadOverrides.DEFAULT_SEED,
            description = "Seed of the disorder's draws; the same file, options and seed give the same trace (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE.jsonl", required = true,
            description = "Where to write the trace; written to a temporary name and renamed, so it is never half-written.")
    Path out;

    /** The options are read here rather than by converters, so that each message names its option once. */
    @Override
    public void run() {
        InputNotOverwritten.check(out, from, "--from");
        ImportSettings settings = ImportSettings.of(from, eventTime).withArrivalTime(arrivalTime).withKey(key)
                .withTimeFormat(TimeFormat.parse(timeFormat)).withTypes(types == null ? Map.of() : ImportSettings.parseTypes(types))
                .withColumns(columns == null ? List.of() : columns).withDisorder(disorder).withSpeedup(speedup)
                .withRate(rate).withSkipBadRows(skipBadRows).withSeed(seed);
        ImportResult result = TraceImporter.importFile(settings);
        // The summary first: what it finds wrong stops the command before anything is written.
        StringWriter summary = new StringWriter();
        print(result, new PrintWriter(summary));
        TraceFiles.write(result.trace(), out);
        PrintWriter o = spec.commandLine().getOut();
        o.print(summary);
        o.flush();
    }

    private void print(ImportResult r, PrintWriter o) {
        Trace t = r.trace();
        line(o, "schema", r.schema());
        line(o, "rows", String.format(Locale.ROOT, "%,d imported, %,d malformed skipped", r.rows(), r.skipped())
                + (r.firstSkipped() == null ? "" : " (the first: " + r.firstSkipped() + ")"));
        line(o, "event time", DurationText.format(t.spec().duration()) + ", mean rate " + RateText.format(t.spec().rate())
                + "; virtual time 0 is " + Instant.ofEpochMilli(t.schema().tables().originMillis()));
        line(o, "arrival", arrivalTime != null ? "column " + arrivalTime
                : t.spec().settings().get("disorder").toString() + " (seed " + t.seed() + ")");
        line(o, "wrote", out.toString());
        o.flush();
    }

    private static void line(PrintWriter out, String label, String text) {
        out.printf("  %-11s %s%n", label, text);
    }
}
