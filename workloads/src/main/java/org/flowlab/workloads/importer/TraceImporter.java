package org.flowlab.workloads.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.disorder.DelaySampler;
import org.flowlab.workloads.disorder.DisorderText;
import org.flowlab.workloads.random.RandomStreams;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTables;

/**
 * Turns a user's event log, a CSV or JSON Lines file, into a {@link Trace} with one SQL table {@code events}:
 * <pre>{@code ImportResult r = TraceImporter.importFile(ImportSettings.of(Path.of("purchases.csv"), "ts").withKey("card"));}</pre>
 *
 * <p>The file is read twice, a row at a time. The first pass checks every row, infers each column's type
 * ({@link ColumnStats}) and finds the first and last event time; the plan ({@link ImportPlan}) then says which
 * trace field holds each column, and the second pass encodes the rows into a {@link TraceBuilder}'s primitive
 * columns. No row is kept as an object, so the heap needed is, beyond a few rows' text: the trace's columns
 * (58 bytes per event: six longs, a double and two bytes; twice that and 8 bytes more while
 * {@link TraceBuilder#build} sorts them into arrival order), plus one dictionary entry per distinct string of each
 * VARCHAR column. A 1 GB CSV of 20 million rows thus needs about 2.5 GB at the peak of the sort and 1.2 GB after
 * it, whatever the width of its rows.
 *
 * <p>Times: virtual time 0 is the UTC midnight at or before the earliest event ({@link TraceTables#originMillis}),
 * so windows that divide a day start where Flink's do; event times are nanoseconds since then. With
 * {@link ImportSettings#speedup()} or {@link ImportSettings#rate()}, every event and arrival time's distance from
 * the first event is divided by the factor (other TIMESTAMP columns are data and stay as they are). Without an
 * arrival column, each event arrives after a delay drawn, in file order, from the disorder model, seeded by the
 * settings' seed.
 *
 * <p>VARCHAR values are dictionary-encoded in the order first seen in the file; an empty cell (or a JSON null or
 * missing field) is NULL, which only VARCHAR columns hold. A malformed row is an {@link InvalidInputException}
 * naming the file, row and column; with {@link ImportSettings#skipBadRows()} up to that many are skipped and counted.
 */
public final class TraceImporter {

    /** The scenario name of an imported trace's spec: not a catalog scenario, so such a trace cannot be regenerated. */
    public static final String SCENARIO = "imported";

    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final ImportSettings settings;
    private final RowSource source;
    private long eventNanos;
    private long arrivalNanos;
    private long goodRows;
    private long badRows;
    private String firstBad;

    private TraceImporter(ImportSettings settings) {
        this.settings = settings;
        this.source = RowSource.of(settings);
    }

    /** Reads the file the settings name into a trace; nothing is written. */
    public static ImportResult importFile(ImportSettings settings) {
        return new TraceImporter(settings).run();
    }

    private ImportResult run() {
        if (source instanceof CsvRows) {
            ImportPlan.requireNamed(settings, source); // the header names the columns: check before reading the rows
        }
        FirstPass first = new FirstPass();
        source.read(first);
        if (goodRows == 0) {
            throw new InvalidInputException(source.file() + (badRows == 0 ? ": no rows; expected one row per event"
                    : ": every row is malformed (" + badRows + "); the first: " + firstBad));
        }
        if (goodRows > Integer.MAX_VALUE - 16) {
            throw new InvalidInputException(source.file() + ": " + goodRows + " rows; a trace holds at most " + (Integer.MAX_VALUE - 16));
        }
        long skipped = badRows;
        String firstSkipped = firstBad;
        ImportPlan plan = ImportPlan.of(settings, source, first.stats, goodRows);
        double factor = timeFactor(first.minEvent, first.maxEvent);
        double scaledSpan = (first.maxEvent - (double) first.minEvent) / factor;
        if (!(scaledSpan <= Trace.MAX_SPAN_NANOS)) {
            throw new InvalidInputException((settings.rate() == null ? "--speedup " + settings.speedup() : "--rate " + settings.rate() + "/s")
                    + " stretches the log's event time past " + Trace.MAX_SPAN_YEARS + " years, the most a trace may span; "
                    + (settings.rate() == null ? "a larger speed-up" : "a higher rate") + " shortens it");
        }
        long originMillis = Math.floorDiv(Math.floorDiv(first.minEvent, NANOS_PER_MILLI), MILLIS_PER_DAY) * MILLIS_PER_DAY;
        long span = Math.max(1, scale(first.maxEvent, first.minEvent, factor) - first.minEvent);
        WorkloadSpec spec = new WorkloadSpec(SCENARIO, source.file(),
                ImportedSpec.settings(settings, source.columns(), span, goodRows, skipped, factor));
        long rows = goodRows;
        SecondPass second = new SecondPass(plan, spec, first.minEvent, factor, originMillis * NANOS_PER_MILLI);
        goodRows = 0;
        badRows = 0;
        source.read(second);
        if (goodRows != rows || badRows != skipped) {
            throw new InvalidInputException(source.file() + ": the file changed while it was being imported");
        }
        TraceTables tables = plan.tables(originMillis, second.dictionaryLists());
        Trace trace = second.builder.schema(plan.schema(tables)).build();
        return new ImportResult(trace, rows, skipped, firstSkipped, plan.describe());
    }

    /** What every time's distance from the first event is divided by. */
    private double timeFactor(long minEvent, long maxEvent) {
        if (settings.rate() == null) {
            return settings.speedup();
        }
        if (maxEvent == minEvent) {
            throw new InvalidInputException("--rate: cannot rescale time: every event has the same event time");
        }
        double seconds = goodRows / settings.rate();
        return (maxEvent - (double) minEvent) / (seconds * NANOS_PER_SECOND);
    }

    private static long scale(long t, long first, double factor) {
        return factor == 1 ? t : first + Math.round((t - (double) first) / factor);
    }

    /** Counts a malformed row; past the allowance, it is the error. */
    private void bad(long line, String problem) {
        badRows++;
        String where = source.file() + ":" + line + ": " + problem;
        if (firstBad == null) {
            firstBad = where;
        }
        if (badRows > settings.skipBadRows()) {
            throw new InvalidInputException(settings.skipBadRows() == 0 ? where
                    : where + " (malformed row " + badRows + "; --skip-bad-rows allows " + settings.skipBadRows() + ")");
        }
    }

    /** Reads the event time and the arrival time of a row into the fields, or says what is wrong with them. */
    private String times(String[] cells, int eventIndex, int arrivalIndex) {
        String problem = time(cells, eventIndex, settings.eventTime(), true);
        if (problem == null && settings.arrivalTime() != null) {
            problem = time(cells, arrivalIndex, settings.arrivalTime(), false);
            if (problem == null && arrivalNanos < eventNanos) {
                problem = "column '" + settings.arrivalTime() + "': arrival " + cell(cells, arrivalIndex).trim()
                        + " is before the event time " + cell(cells, eventIndex).trim();
            }
        }
        return problem;
    }

    private String time(String[] cells, int index, String name, boolean event) {
        if (index < 0) {
            return unseen(name, event ? "--event-time" : "--arrival-time");
        }
        String text = cell(cells, index);
        if (text == null) {
            return "column '" + name + "': empty; every row needs its " + (event ? "event" : "arrival") + " time";
        }
        Long nanos = settings.timeFormat().nanos(text);
        if (nanos == null) {
            return notA(name, text, "time in the format " + settings.timeFormat() + " (--time-format)");
        }
        if (event) {
            eventNanos = nanos;
        } else {
            arrivalNanos = nanos;
        }
        return null;
    }

    /**
     * A non-VARCHAR cell as a long: BIGINT as it is, DOUBLE as its bits, BOOLEAN as 0 or 1, TIMESTAMP as nanoseconds
     * since the epoch; null if it is not of the type.
     */
    private Long parse(String cell, SqlType type) {
        return switch (type) {
            case BIGINT -> ColumnStats.bigint(cell);
            case DOUBLE -> {
                Double d = ColumnStats.decimal(cell);
                yield d == null ? null : Double.doubleToLongBits(d);
            }
            case BOOLEAN -> {
                Boolean b = ColumnStats.bool(cell);
                yield b == null ? null : b ? 1L : 0L;
            }
            case TIMESTAMP -> settings.timeFormat().nanos(cell);
            case VARCHAR -> throw new IllegalArgumentException("VARCHAR cells are dictionary indexes");
        };
    }

    private static String notA(String column, String cell, String what) {
        String shown = cell.length() > 60 ? cell.substring(0, 57) + "..." : cell;
        return "column '" + column + "': '" + shown + "' is not a " + what;
    }

    /** A column a JSON Lines file has not shown yet. */
    private String unseen(String column, String option) {
        return "column '" + column + "' (" + option + "): no row so far has it; the columns so far: " + String.join(", ", source.columns());
    }

    private static String noNull(String column, SqlType type) {
        return "column '" + column + "': empty, and a " + type.sql() + " column has no NULL (only VARCHAR columns do; "
                + "see --types)";
    }

    private static String cell(String[] cells, int index) {
        return index < 0 || index >= cells.length ? null : cells[index];
    }

    /** Checks each row, infers types, finds the first and last event time. */
    private final class FirstPass implements RowSource.Handler {
        final List<ColumnStats> stats = new ArrayList<>();
        long minEvent = Long.MAX_VALUE;
        long maxEvent = Long.MIN_VALUE;

        @Override
        public void row(long line, String[] cells) {
            String problem = times(cells, source.indexOf(settings.eventTime()),
                    settings.arrivalTime() == null ? -1 : source.indexOf(settings.arrivalTime()));
            for (Map.Entry<String, SqlType> typed : settings.types().entrySet()) {
                if (problem == null && typed.getValue() != SqlType.VARCHAR && !typed.getKey().equals(settings.eventTime())
                        && !typed.getKey().equals(settings.arrivalTime())) {
                    int index = source.indexOf(typed.getKey());
                    String text = cell(cells, index);
                    problem = index < 0 ? unseen(typed.getKey(), "--types") : text == null ? noNull(typed.getKey(), typed.getValue())
                            : parse(text, typed.getValue()) == null ? notA(typed.getKey(), text, typed.getValue().sql()) : null;
                }
            }
            if (problem != null) {
                bad(line, problem);
                return;
            }
            goodRows++;
            minEvent = Math.min(minEvent, eventNanos);
            maxEvent = Math.max(maxEvent, eventNanos);
            while (stats.size() < cells.length) {
                stats.add(new ColumnStats());
            }
            int eventIndex = source.indexOf(settings.eventTime());
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] != null && i != eventIndex) {
                    stats.get(i).add(cells[i], settings.timeFormat());
                }
            }
        }

        @Override
        public void malformed(long line, String problem) {
            bad(line, problem);
        }
    }

    /** Encodes each good row into the trace's columns. */
    private final class SecondPass implements RowSource.Handler {
        final ImportPlan plan;
        final long firstEvent;
        final double factor;
        final long originNanos;
        final TraceBuilder builder;
        final DelaySampler delays;
        final long[] raw;
        final List<Dictionary> dictionaries = new ArrayList<>();
        final int key;
        final int value;
        final int attr1;
        final int attr2;
        final int attr3;

        SecondPass(ImportPlan plan, WorkloadSpec spec, long firstEvent, double factor, long originNanos) {
            this.plan = plan;
            this.firstEvent = firstEvent;
            this.factor = factor;
            this.originNanos = originNanos;
            for (int i = 0; i < plan.columns.size(); i++) {
                dictionaries.add(plan.types[i] == SqlType.VARCHAR ? new Dictionary() : null);
            }
            // The dictionaries fill in as rows are added; the schema that holds them replaces this one at the end.
            TraceSchema provisional = plan.schema(plan.tables(0, dictionaryLists()));
            this.builder = new TraceBuilder(spec, settings.seed(), provisional, (int) goodRows);
            this.delays = DisorderText.of("--disorder", settings.disorder())
                    .sampler(new RandomStreams(settings.seed()).stream("disorder"));
            this.raw = new long[plan.columns.size()];
            this.key = plan.indexOf(TraceField.KEY);
            this.value = plan.indexOf(TraceField.VALUE);
            this.attr1 = plan.indexOf(TraceField.ATTR1);
            this.attr2 = plan.indexOf(TraceField.ATTR2);
            this.attr3 = plan.indexOf(TraceField.ATTR3);
        }

        @Override
        public void row(long line, String[] cells) {
            String problem = times(cells, plan.eventIndex, plan.arrivalIndex);
            for (int i = 0; i < raw.length && problem == null; i++) {
                SqlType type = plan.types[i];
                if (plan.fields[i] == null || i == plan.eventIndex || type == SqlType.VARCHAR) {
                    continue;
                }
                String text = cell(cells, i);
                Long value = text == null ? null : parse(text, type);
                if (value == null) {
                    problem = text == null ? noNull(plan.columns.get(i), type) : notA(plan.columns.get(i), text, type.sql());
                } else {
                    raw[i] = type == SqlType.TIMESTAMP ? value - originNanos : value;
                }
            }
            if (problem != null) {
                bad(line, problem);
                return;
            }
            goodRows++;
            for (int i = 0; i < raw.length; i++) {
                if (dictionaries.get(i) != null && plan.fields[i] != null) {
                    raw[i] = dictionaries.get(i).index(cell(cells, i));
                }
            }
            long event = scale(eventNanos, firstEvent, factor);
            long arrival = settings.arrivalTime() != null ? scale(arrivalNanos, firstEvent, factor) : event + delays.nextDelay();
            builder.add(event - originNanos, arrival - originNanos, 0, field(key), value(),
                    field(attr1), field(attr2), field(attr3), 0);
        }

        private long field(int i) {
            return i < 0 ? 0 : raw[i];
        }

        private double value() {
            return value < 0 ? 0 : plan.types[value] == SqlType.DOUBLE ? Double.longBitsToDouble(raw[value]) : (double) raw[value];
        }

        @Override
        public void malformed(long line, String problem) {
            bad(line, problem);
        }

        List<List<String>> dictionaryLists() {
            List<List<String>> lists = new ArrayList<>();
            for (Dictionary d : dictionaries) {
                lists.add(d == null ? List.of() : d.strings);
            }
            return lists;
        }
    }

    /** The distinct strings of a VARCHAR column, indexed in the order first seen; NULL is -1. */
    private static final class Dictionary {
        final Map<String, Integer> index = new java.util.HashMap<>();
        final List<String> strings = new ArrayList<>();

        long index(String s) {
            if (s == null) {
                return -1;
            }
            return index.computeIfAbsent(s, k -> {
                strings.add(k);
                return strings.size() - 1;
            });
        }
    }
}
