package org.flowlab.flink.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowlab.flink.FlinkMode;
import org.flowlab.flink.FlinkRun;
import org.flowlab.flink.LocalFlinkCluster;
import org.flowlab.sim.job.SqlResults;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.table.SqlRow;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceTable;
import org.flowlab.workloads.table.TraceTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flink SQL's rows, in both runtime modes, equal the rows the same query gives when computed
 * directly in Java over the trace's tables ({@link TraceColumn#read}), and Flink SQL's rejections
 * are one line. Note {@code `dateTime`} in back quotes: DATETIME is a keyword of Flink SQL.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlinkSqlRunnerTest {
    private static final long SECOND = 1_000_000_000L;

    private static LocalFlinkCluster cluster;
    private static FlinkSqlRunner runner;
    private static Trace nexmark;

    @BeforeAll
    static void startCluster() {
        cluster = LocalFlinkCluster.start(2);
        runner = new FlinkSqlRunner(cluster, 2);
        nexmark = WorkloadGenerator.generate(WorkloadSpec.defaults("nexmark").withDuration(40 * SECOND).withRate(500), 16);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    /** Flink SQL's rows of {@code sql} over {@code trace}, after checking the run's bookkeeping. */
    @Test
    void aGlobalAggregatesChangelogKeepsItsOrderOnTheWayToTheResults() {
        // Flink SQL counts at parallelism 1: its retractions and updates must reach the results in the order sent,
        // though the job's other steps run at 2 (a sink at 2 behind a rebalance once put a -U before its +I).
        long bids = java.util.stream.IntStream.range(0, nexmark.size()).filter(i -> nexmark.kind(i) == 2).count();
        for (int run = 0; run < 4; run++) {
            assertThat(flinkRows("SELECT COUNT(*) AS n FROM bid", nexmark, FlinkMode.STREAMING)).singleElement()
                    .satisfies(row -> assertThat(((Number) row.values().get(0)).longValue()).isEqualTo(bids));
        }
    }

    private static List<SqlRow> flinkRows(String sql, Trace trace, FlinkMode mode) {
        FlinkRun run = runner.run(sql, trace, mode);
        assertThat(run.mode()).isEqualTo(mode);
        assertThat(run.records()).isEqualTo(trace.size());
        assertThat(run.lateRows()).isZero();
        assertThat(run.results()).isEqualTo(SqlResults.canonical(run.results()));
        return SqlResults.rows(run.results());
    }

    /** The table's rows read straight from the trace, each a map from column name to SQL value, in arrival order. */
    private static List<Map<String, Object>> table(Trace trace, String name) {
        TraceTables tables = trace.schema().tables();
        TraceTable table = tables.table(name);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            if (table.holdsKind(trace.schema().kinds().get(trace.kind(i)))) {
                Map<String, Object> row = new HashMap<>();
                for (TraceColumn c : table.columns()) {
                    row.put(c.name(), c.read(trace, i, tables.originMillis()));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long millis(Object timestamp) {
        return ((LocalDateTime) timestamp).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static LocalDateTime time(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC);
    }

    /** Rows of (group..., count) for the groups {@code key} gives each row, sorted. */
    private static List<SqlRow> counted(List<List<Object>> groups) {
        Map<List<Object>, Long> counts = groups.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<SqlRow> rows = new ArrayList<>();
        counts.forEach((group, n) -> {
            List<Object> values = new ArrayList<>(group);
            values.add(1, n);
            rows.add(new SqlRow(values));
        });
        rows.sort(SqlRow.ORDER);
        return rows;
    }

    @ParameterizedTest
    @EnumSource(FlinkMode.class)
    void aFilterKeepsTheBidsItSelects(FlinkMode mode) {
        List<SqlRow> expected = table(nexmark, "bid").stream()
                .filter(b -> (Long) b.get("auction") % 123 == 0)
                .map(b -> SqlRow.of(b.get("auction"), b.get("price")))
                .sorted().toList();

        List<SqlRow> rows = flinkRows("SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0", nexmark, mode);

        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(rows).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(FlinkMode.class)
    void aHoppingWindowCountsEachAuctionsBidsInEveryWindowThatHoldsThem(FlinkMode mode) {
        long slide = 2_000;
        long size = 10_000;
        List<List<Object>> groups = new ArrayList<>();
        for (Map<String, Object> bid : table(nexmark, "bid")) {
            long t = millis(bid.get("dateTime"));
            for (long start = Math.floorDiv(t, slide) * slide; start > t - size; start -= slide) {
                groups.add(List.of(bid.get("auction"), time(start), time(start + size)));
            }
        }
        List<SqlRow> expected = counted(groups);

        List<SqlRow> rows = flinkRows("SELECT auction, COUNT(*) AS num, window_start, window_end FROM TABLE(HOP(TABLE bid,"
                + " DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end",
                nexmark, mode);

        assertThat(rows).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(FlinkMode.class)
    void anUpdatingAggregateLeavesItsFinalTable(FlinkMode mode) {
        List<SqlRow> expected = counted(table(nexmark, "auction").stream().map(a -> List.of(a.get("category"))).toList());

        List<SqlRow> rows = flinkRows("SELECT category, COUNT(*) FROM auction GROUP BY category;\n", nexmark, mode);

        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void aSessionWindowPerBidderInStreamingMode() {
        long gap = 10_000;
        Map<Long, List<Long>> times = new TreeMap<>();
        for (Map<String, Object> bid : table(nexmark, "bid")) {
            times.computeIfAbsent((Long) bid.get("bidder"), b -> new ArrayList<>()).add(millis(bid.get("dateTime")));
        }
        List<SqlRow> expected = new ArrayList<>();
        times.forEach((bidder, ts) -> {
            ts.sort(null);
            int first = 0;
            for (int i = 1; i <= ts.size(); i++) {
                // Flink merges two sessions whose windows [t, t + gap) touch, so a gap of exactly 10 s still joins them.
                if (i == ts.size() || ts.get(i) - ts.get(i - 1) > gap) {
                    expected.add(SqlRow.of(bidder, (long) (i - first), time(ts.get(first)), time(ts.get(i - 1) + gap)));
                    first = i;
                }
            }
        });
        expected.sort(SqlRow.ORDER);

        List<SqlRow> rows = flinkRows("SELECT bidder, COUNT(*) AS n, window_start, window_end FROM TABLE(SESSION(TABLE bid"
                + " PARTITION BY bidder, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND)) GROUP BY bidder, window_start, window_end",
                nexmark, FlinkMode.STREAMING);

        assertThat(expected).hasSizeGreaterThan(times.size());
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void aSessionWindowIsOneLineInBatchMode() {
        assertThatThrownBy(() -> runner.run("SELECT bidder, COUNT(*) FROM TABLE(SESSION(TABLE bid PARTITION BY bidder,"
                + " DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND)) GROUP BY bidder, window_start, window_end", nexmark, FlinkMode.BATCH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Flink SQL (batch mode): Unaligned windows like session are not supported in batch mode yet.");
    }

    @ParameterizedTest
    @EnumSource(FlinkMode.class)
    void aTumblingWindowOverAGenericEventsTable(FlinkMode mode) {
        Trace cards = WorkloadGenerator.generate(WorkloadSpec.defaults("card-fraud").withDuration(1200 * SECOND).withRate(5), 16);
        long size = 60_000;
        Map<List<Object>, long[]> groups = new TreeMap<>((a, b) -> SqlRow.ORDER.compare(new SqlRow(a), new SqlRow(b)));
        Map<List<Object>, Double> top = new HashMap<>();
        for (Map<String, Object> p : table(cards, TraceTables.EVENTS)) {
            long start = Math.floorDiv(millis(p.get("event_time")), size) * size;
            List<Object> group = List.of(p.get("country"), time(start), time(start + size));
            groups.computeIfAbsent(group, g -> new long[1])[0]++;
            top.merge(group, (Double) p.get("amount"), Math::max);
        }
        List<SqlRow> expected = new ArrayList<>();
        groups.forEach((g, n) -> expected.add(SqlRow.of(g.get(0), n[0], top.get(g), g.get(1), g.get(2))));
        expected.sort(SqlRow.ORDER);

        List<SqlRow> rows = flinkRows("SELECT country, COUNT(*) AS n, MAX(amount) AS top, window_start, window_end"
                + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))"
                + " GROUP BY country, window_start, window_end", cards, mode);

        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void theWatermarkTrailsByTheDisorderBoundAndLateRowsAreLost() {
        String hop = "SELECT auction, COUNT(*) AS num, window_start, window_end FROM TABLE(TUMBLE(TABLE bid,"
                + " DESCRIPTOR(`dateTime`), INTERVAL '1' SECOND)) GROUP BY auction, window_start, window_end";
        assertThat(nexmark.disorder()).isGreaterThan(10_000_000L);
        long covering = counts(runner.run(hop, nexmark, FlinkMode.STREAMING));
        long days = counts(runner.run(hop, nexmark, FlinkMode.STREAMING, 50 * 86_400 * SECOND));
        long none = counts(runner.run(hop, nexmark, FlinkMode.STREAMING, 0));

        assertThat(covering).isEqualTo(table(nexmark, "bid").size());
        assertThat(days).isEqualTo(covering);
        assertThat(none).isLessThan(covering);
    }

    /** The sum of the second column: how many bids a count query counted. */
    private static long counts(FlinkRun run) {
        return SqlResults.rows(run.results()).stream().mapToLong(r -> (Long) r.get(1)).sum();
    }

    @Test
    void aTableWithoutEventsHasNoRows() {
        Trace tiny = WorkloadGenerator.generate(WorkloadSpec.defaults("nexmark").withDuration(SECOND / 100).withRate(100), 16);
        assertThat(table(tiny, "bid")).isEmpty();
        assertThat(table(tiny, "person")).isNotEmpty();

        assertThat(flinkRows("SELECT auction, price FROM bid", tiny, FlinkMode.STREAMING)).isEmpty();
    }

    @Test
    void badSqlIsOneLineNamingWhatIsWrong() {
        assertThatThrownBy(() -> runner.run("SELECT nope FROM bid", nexmark, FlinkMode.STREAMING))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Flink SQL: ")
                .hasMessageContaining("Column 'nope' not found")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> runner.run("SELEC auction FROM bid", nexmark, FlinkMode.BATCH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Flink SQL: SQL parse failed.")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> runner.run("SELECT CAST(`dateTime` AS DATE) FROM bid", nexmark, FlinkMode.BATCH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Flink SQL: result column EXPR$0 is DATE;");
    }
}
