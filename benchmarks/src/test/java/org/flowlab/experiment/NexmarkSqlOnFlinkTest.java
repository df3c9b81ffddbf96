package org.flowlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowlab.flink.FlinkMode;
import org.flowlab.flink.FlinkRun;
import org.flowlab.flink.LocalFlinkCluster;
import org.flowlab.flink.sql.FlinkSqlRunner;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.SqlResults;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.sql.SqlQuery;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each file of {@code queries/nexmark/}, the same text, on Flink SQL in both runtime modes and compiled by
 * Flowlab: Flink's rows equal the reference oracle's on a trace of about 100 000 events (that every Flowlab
 * engine equals the oracle, and the oracle the catalog job, is {@code NexmarkQueriesTest} in the sql module).
 * q11's session window runs on Flink 2.3 in streaming mode only: in batch mode Flink refuses it, in one line.
 */
class NexmarkSqlOnFlinkTest {

    private static final Path QUERIES = Path.of("..", "queries", "nexmark");
    private static Trace trace;
    /** A smaller trace, 10 000 events, for the queries that check one rule each. */
    private static Trace small;
    private static LocalFlinkCluster cluster;

    @BeforeAll
    static void start() {
        WorkloadSpec spec = WorkloadSpec.defaults("nexmark").withDuration(200 * DurationText.NANOS_PER_SECOND).withRate(500);
        trace = WorkloadGenerator.generate(spec, 7);
        small = WorkloadGenerator.generate(spec.withDuration(20 * DurationText.NANOS_PER_SECOND), 7);
        cluster = LocalFlinkCluster.start(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8"})
    void flinkSqlInBothModesEqualsTheOracle(String name) throws IOException {
        String text = Files.readString(QUERIES.resolve(name + ".sql"));
        ResultTable oracle = SqlResults.canonical(ReferenceOracle.run(SqlQuery.compile(text, trace.schema()).job(), trace));
        assertThat(oracle.size()).as(name + " has results").isPositive();
        long bound = EventTimeContract.coveringDisorder(trace).watermarkDelay();
        for (FlinkMode mode : FlinkMode.values()) {
            FlinkRun run = new FlinkSqlRunner(cluster, 2).run(text, trace, mode, bound);
            assertThat(oracle.countDifferences(run.results()))
                    .as(name + " on " + mode.engineName() + ": " + (oracle.countDifferences(run.results()) == 0 ? ""
                            : oracle.diff(run.results(), 1).get(0)))
                    .isZero();
        }
        assertThat(trace.disorder()).isLessThan(bound);
    }

    /**
     * Where Calcite's defaults part from Flink SQL (text with blanks, CASE of literals, decimal scales, AVG of
     * a decimal, a window on a time column other than the event time, sessions not grouped by session), the
     * compiled query's rows equal Flink SQL's: batch mode, and streaming for the sessions Flink batch refuses.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "BATCH|SELECT city || ', ' || state AS place, COUNT(*) AS n FROM person GROUP BY city || ', ' || state",
        "BATCH|SELECT CASE WHEN price > 10000 THEN 'high' ELSE 'low' END AS band, COUNT(*) AS n FROM bid"
                + " GROUP BY CASE WHEN price > 10000 THEN 'high' ELSE 'low' END",
        "BATCH|SELECT auction, bidder, price * 1.0 / 7 AS x, CAST(price AS DECIMAL(10, 2)) / bidder AS y FROM bid"
                + " WHERE MOD(auction, 50) = 0",
        "BATCH|SELECT bidder, AVG(CAST(price AS DECIMAL(10, 2))) AS a, SUM(price * 0.01) AS s FROM bid GROUP BY bidder",
        "BATCH|SELECT CAST(price AS DECIMAL(5, 2)) AS d, CAST(CAST(bidder AS VARCHAR) AS VARCHAR(2)) AS b,"
                + " CAST(price / 1000e0 AS DECIMAL(12, 2)) AS c, CAST(`dateTime` AS VARCHAR) AS t,"
                + " CAST(CAST(price AS VARCHAR) AS BIGINT) AS p FROM bid WHERE MOD(auction, 50) = 0",
        "BATCH|SELECT window_start, MAX(expires) AS last_expiry, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE auction,"
                + " DESCRIPTOR(expires), INTERVAL '10' SECOND)) GROUP BY window_start, window_end",
        "STREAMING|SELECT COUNT(*) AS n FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(`dateTime`),"
                + " INTERVAL '1' SECOND))",
        "STREAMING|SELECT bidder, COUNT(*) AS n FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(`dateTime`),"
                + " INTERVAL '1' SECOND)) GROUP BY bidder"})
    void whereCalcitesDefaultsPartFromFlinkSqlTheCompiledQueryFollowsFlink(String modeAndQuery) {
        String[] parts = modeAndQuery.split("\\|", 2);
        FlinkMode mode = FlinkMode.valueOf(parts[0]);
        ResultTable oracle = SqlResults.canonical(ReferenceOracle.run(SqlQuery.compile(parts[1], small.schema()).job(), small));
        assertThat(oracle.size()).isPositive();
        FlinkRun run = new FlinkSqlRunner(cluster, 2).run(parts[1], small, mode, EventTimeContract.coveringDisorder(small).watermarkDelay());
        assertThat(oracle.countDifferences(run.results()))
                .as(parts[1] + (oracle.countDifferences(run.results()) == 0 ? "" : ": " + oracle.diff(run.results(), 1).get(0)))
                .isZero();
    }

    @Test
    void sessionsOfQ11EqualTheOracleInStreamingAndFlinkRefusesThemInBatchInOneLine() throws IOException {
        String text = Files.readString(QUERIES.resolve("q11.sql"));
        ResultTable oracle = SqlResults.canonical(ReferenceOracle.run(SqlQuery.compile(text, trace.schema()).job(), trace));
        long bound = EventTimeContract.coveringDisorder(trace).watermarkDelay();
        FlinkRun streaming = new FlinkSqlRunner(cluster, 2).run(text, trace, FlinkMode.STREAMING, bound);
        assertThat(oracle.size()).isPositive();
        assertThat(oracle.countDifferences(streaming.results())).isZero();
        assertThatThrownBy(() -> new FlinkSqlRunner(cluster, 2).run(text, trace, FlinkMode.BATCH, bound))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("batch mode").hasMessageNotContaining("\n");
    }
}
