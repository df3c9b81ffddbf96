package org.flowlab.flink.sql;

import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.SqlParserException;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableException;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.types.Row;
import org.flowlab.flink.FlinkMode;
import org.flowlab.flink.FlinkRun;
import org.flowlab.flink.FlinkRunner;
import org.flowlab.flink.FlinkTarget;
import org.flowlab.flink.SourceData;
import org.flowlab.sim.job.SqlResults;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;

/**
 * Runs SQL text on Flink SQL over a trace's tables — the reference for Flowlab's compiled SQL jobs:
 * <pre>{@code
 * Trace trace = WorkloadGenerator.generate("nexmark", 42);
 * FlinkRun run = new FlinkSqlRunner(FlinkTarget.inJvm(), 2).run(
 *         "SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0", trace, FlinkMode.STREAMING);
 * run.results(); // SqlResults.table(rows): compare with SqlResults.canonical(the oracle's table)
 * }</pre>
 * Every table of {@code trace.schema().tables()} is a view of the trace's events of its kinds, in
 * arrival order, its rowtime column the event-time attribute with the watermark
 * {@code rowtime - INTERVAL ...} trailing by the disorder bound (cut to Flink SQL's milliseconds,
 * rounded up and one more: no row is late when it covers the trace's disorder). Timestamps are UTC
 * ({@code table.local-time-zone}). In {@code STREAMING} mode the query's changelog is played to its
 * end, so an updating query gives its final table; in {@code BATCH} mode its rows come once.
 * Watermarks advance with the input alone, as soon as a row moves them (Flink's periodic emission
 * is off, {@link FlinkRunner#environment}).
 */
public final class FlinkSqlRunner {

    /** The job name in the runs' reports when none is given. */
    public static final String DEFAULT_NAME = "sql";

    /** The result column types whose values have a {@link org.flowlab.workloads.table.SqlRow} form. */
    private static final Set<LogicalTypeRoot> COMPARABLE = EnumSet.of(LogicalTypeRoot.TINYINT, LogicalTypeRoot.SMALLINT,
            LogicalTypeRoot.INTEGER, LogicalTypeRoot.BIGINT, LogicalTypeRoot.FLOAT, LogicalTypeRoot.DOUBLE,
            LogicalTypeRoot.DECIMAL, LogicalTypeRoot.CHAR, LogicalTypeRoot.VARCHAR, LogicalTypeRoot.BOOLEAN,
            LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

    private final FlinkRunner runner;
    private final String description;

    /**
     * @param target      where the queries run
     * @param parallelism every operator's parallelism, at least 1
     */
    public FlinkSqlRunner(FlinkTarget target, int parallelism) {
        this.runner = new FlinkRunner(target, parallelism);
        this.description = "Flink SQL runner on " + target + ", parallelism " + parallelism;
    }

    /** Runs the query over the whole trace with watermarks that cover the trace's disorder ({@link Trace#disorder}). */
    public FlinkRun run(String sqlText, Trace trace, FlinkMode mode) {
        return run(DEFAULT_NAME, sqlText, trace, mode, trace.disorder());
    }

    /** Runs the query, named {@value #DEFAULT_NAME} in the run, with this disorder bound (nanoseconds). */
    public FlinkRun run(String sqlText, Trace trace, FlinkMode mode, long disorderBound) {
        return run(DEFAULT_NAME, sqlText, trace, mode, disorderBound);
    }

    /**
     * Runs the query over the whole trace. Flink SQL drops a row that comes after the watermark has
     * passed its window without counting it, so the run's late rows are 0 and {@code disorderBound}
     * (nanoseconds) should cover the trace's disorder ({@link Trace#disorder}) for complete results.
     *
     * @param name the job's name in the run, for example the query file's name
     * @return the query's final rows as {@link SqlResults#table}; records are the trace's events read
     * @throws InvalidInputException if Flink SQL rejects the query (parse or validation error, a
     *                               construct it cannot run in this mode, a result type Flowlab does
     *                               not compare), one line starting {@code Flink SQL}
     * @throws IllegalStateException if Flink fails the job, with the first cause's message
     */
    public FlinkRun run(String name, String sqlText, Trace trace, FlinkMode mode, long disorderBound) {
        Objects.requireNonNull(sqlText, "sqlText");
        StreamExecutionEnvironment env = runner.environment(mode);
        StreamTableEnvironment tables = tableEnvironment(env, mode);
        try (SourceData data = runner.sourceData()) {
            List<Integer> sizes = TraceViews.register(env, tables, trace, disorderBound, data);
            DataStream<Row> changes = plan(tables, sqlText, mode);
            Changelog changelog = new Changelog();
            FlinkRunner.Execution done = runner.execute(env, changes, mode.engineName() + " " + name, changelog::apply);
            long records = sizes.stream().mapToLong(Integer::longValue).sum();
            return new FlinkRun(mode, name, SqlResults.table(changelog.rows()), 0, 0, records, done.wallClockNanos(),
                    done.result().getNetRuntime());
        }
    }

    /**
     * Plans the query over the trace's tables in this mode without running it: in a local
     * environment that starts no cluster, so a query Flink SQL cannot run in a mode is refused
     * before any work.
     *
     * @throws InvalidInputException as {@link #run(String, String, Trace, FlinkMode, long)} does for a rejected query
     */
    public static void check(String sqlText, Trace trace, FlinkMode mode) {
        Objects.requireNonNull(sqlText, "sqlText");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(mode.runtimeMode());
        StreamTableEnvironment tables = tableEnvironment(env, mode);
        TraceViews.register(env, tables, trace, 0, SourceData.SHIPPED); // planned only, never run
        plan(tables, sqlText, mode);
    }

    /** The table environment of {@code env} in {@code mode}, its times in UTC as the trace's tables are. */
    private static StreamTableEnvironment tableEnvironment(StreamExecutionEnvironment env, FlinkMode mode) {
        StreamTableEnvironment tables = StreamTableEnvironment.create(env, settings(mode));
        tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        return tables;
    }

    private static EnvironmentSettings settings(FlinkMode mode) {
        EnvironmentSettings.Builder b = EnvironmentSettings.newInstance();
        return (mode == FlinkMode.BATCH ? b.inBatchMode() : b.inStreamingMode()).build();
    }

    /** The query's changelog stream; Flink SQL's rejection of the query as one line. */
    private static DataStream<Row> plan(StreamTableEnvironment tables, String sqlText, FlinkMode mode) {
        try {
            Table query = tables.sqlQuery(withoutFinalSemicolon(sqlText));
            for (Column c : query.getResolvedSchema().getColumns()) {
                if (!COMPARABLE.contains(c.getDataType().getLogicalType().getTypeRoot())) {
                    throw new InvalidInputException("Flink SQL: result column " + c.getName() + " is " + c.getDataType()
                            + "; Flowlab compares BIGINT, DOUBLE, DECIMAL, VARCHAR, BOOLEAN and TIMESTAMP columns (CAST it)");
                }
            }
            return tables.toChangelogStream(query);
        } catch (ValidationException | SqlParserException e) {
            throw new InvalidInputException("Flink SQL: " + firstLine(e.getMessage()));
        } catch (TableException e) {
            throw new InvalidInputException("Flink SQL (" + mode.name().toLowerCase(Locale.ROOT) + " mode): "
                    + firstLine(e.getMessage()));
        }
    }

    /** The query without the semicolon a file may end it with, which Flink's {@code sqlQuery} would not parse. */
    static String withoutFinalSemicolon(String sqlText) {
        String text = sqlText.strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The first line of a message that has one, else the message. A first line that only
     * announces what follows ("Cannot generate a valid execution plan for the given query:", then
     * the plan) is completed with the line that names the reason ("... is not supported right now.").
     */
    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        List<String> lines = message.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "(no message)";
        }
        String first = lines.get(0);
        if (first.endsWith(":")) {
            for (String line : lines.subList(1, lines.size())) {
                if (line.contains("not supported")) {
                    return first + " " + line;
                }
            }
        }
        return first;
    }

    @Override
    public String toString() {
        return description;
    }
}
