package org.flowlab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.flowlab.sim.engine.CommonSettings;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.SqlResults;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.table.SqlRow;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTable;
import org.flowlab.workloads.table.TraceTables;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An imported-style {@code events} table (ts, card, country, amount): known answers on every engine, and bad SQL. */
class EventsTableQueryTest {

    private static final String PER_CARD_PER_MINUTE = "SELECT card, COUNT(*), SUM(amount) FROM TABLE(TUMBLE(TABLE events,"
            + " DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY card, window_start, window_end";
    private static final long S = DurationText.NANOS_PER_SECOND;

    /** Purchases in arrival order, their event times out of order; the origin is the instant of virtual time 0. */
    static Trace purchases(Instant origin) {
        TraceTable events = new TraceTable(TraceTables.EVENTS, List.of(), List.of(
                TraceColumn.of("ts", SqlType.TIMESTAMP, TraceField.EVENT_TIME),
                TraceColumn.of("card", SqlType.BIGINT, TraceField.KEY),
                TraceColumn.strings("country", TraceField.ATTR1, List.of("DE", "FR")),
                TraceColumn.of("amount", SqlType.DOUBLE, TraceField.VALUE)), "ts");
        TraceSchema schema = new TraceSchema(List.of("purchase"), "card", "amount", "country", null, null, List.of("none"))
                .withTables(new TraceTables(origin.toEpochMilli(), List.of(events)));
        return new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, schema)
                .add(20 * S, 21 * S, 0, 2, 0.5, 1, 0, 0, 0)
                .add(10 * S, 25 * S, 0, 1, 1.5, 0, 0, 0, 0)
                .add(65 * S, 66 * S, 0, 1, 3.0, 0, 0, 0, 0)
                .add(50 * S, 70 * S, 0, 1, 2.25, 1, 0, 0, 0)
                .add(125 * S, 126 * S, 0, 2, 4.0, 0, 0, 0, 0)
                .build();
    }

    @Test
    void countsAndSumsPerCardAndMinuteOnEveryEngine() {
        Trace trace = purchases(Instant.parse("2024-03-01T00:00:00Z"));
        SqlQuery query = SqlQuery.compile(PER_CARD_PER_MINUTE, trace.schema());
        assertThat(query.columns()).containsExactly("card", "EXPR$1", "EXPR$2");
        assertThat(query.tables()).containsExactly("events");
        List<SqlRow> expected = List.of(SqlRow.of(1L, 1L, 3.0), SqlRow.of(1L, 2L, 3.75), SqlRow.of(2L, 1L, 0.5), SqlRow.of(2L, 1L, 4.0));
        assertEveryEngineGives(query, trace, expected);
    }

    @Test
    void windowsAreAlignedToTheEpochWhateverTheOrigin() {
        // Virtual time 0 is 30 s past a minute, so Flowlab's windows (from virtual 0) are not Flink's (from the
        // epoch): the events at 50 s and 65 s are 00:01:20 and 00:01:35, one epoch minute.
        Trace trace = purchases(Instant.parse("2024-03-01T00:00:30Z"));
        SqlQuery query = SqlQuery.compile("SELECT card, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                + " INTERVAL '1' MINUTE)) WHERE country = 'FR' OR amount > 1 GROUP BY card, window_start, window_end", trace.schema());
        LocalDateTime t0 = LocalDateTime.parse("2024-03-01T00:00:00");
        assertEveryEngineGives(query, trace, List.of(SqlRow.of(1L, t0, 1L), SqlRow.of(1L, t0.plusMinutes(1), 2L),
                SqlRow.of(2L, t0, 1L), SqlRow.of(2L, t0.plusMinutes(2), 1L)));
    }

    @Test
    void projectionsAndScalarFunctionsFollowSqlSemantics() {
        Trace trace = purchases(Instant.parse("2024-03-01T00:00:00Z"));
        SqlQuery query = SqlQuery.compile("SELECT card / 2, MOD(card, 2), CASE WHEN amount >= 2 THEN 'big' ELSE 'small' END,"
                + " LOWER(country) || '!', CAST(amount AS BIGINT) FROM events WHERE country LIKE 'D%'", trace.schema());
        assertEveryEngineGives(query, trace, List.of(SqlRow.of(0L, 1L, "big", "de!", 3L), SqlRow.of(0L, 1L, "small", "de!", 1L),
                SqlRow.of(1L, 0L, "big", "de!", 4L)));
    }

    @Test
    void aGroupByWithoutWindowGivesItsFinalResultWithFlinksTypes() {
        Trace trace = purchases(Instant.parse("2024-03-01T00:00:00Z"));
        SqlQuery query = SqlQuery.compile("SELECT country, AVG(card), AVG(amount), COUNT(DISTINCT card), MIN(amount), MAX(amount)"
                + " FROM events GROUP BY country HAVING COUNT(*) > 1", trace.schema());
        // AVG of a BIGINT is a BIGINT (4 / 3 = 1); AVG of DOUBLEs divides the exact sum once.
        assertEveryEngineGives(query, trace, List.of(SqlRow.of("DE", 1L, 8.5 / 3, 2L, 1.5, 4.0),
                SqlRow.of("FR", 1L, 1.375, 2L, 0.5, 2.25)));
    }

    @Test
    void sessionsPerCardCloseAfterTheGap() {
        Trace trace = purchases(Instant.parse("2024-03-01T00:00:00Z"));
        SqlQuery query = SqlQuery.compile("SELECT card, COUNT(*), window_start, window_end FROM TABLE(SESSION(TABLE events,"
                + " DESCRIPTOR(ts), DESCRIPTOR(card), INTERVAL '30' SECOND)) GROUP BY card, window_start, window_end", trace.schema());
        LocalDateTime t0 = LocalDateTime.parse("2024-03-01T00:00:00");
        assertEveryEngineGives(query, trace, List.of(
                SqlRow.of(1L, 1L, t0.plusSeconds(10), t0.plusSeconds(40)),
                SqlRow.of(1L, 2L, t0.plusSeconds(50), t0.plusSeconds(95)),
                SqlRow.of(2L, 1L, t0.plusSeconds(20), t0.plusSeconds(50)),
                SqlRow.of(2L, 1L, t0.plusSeconds(125), t0.plusSeconds(155))));
    }

    @Test
    void flinksKeyedSessionSyntaxReadsAsCalcites() {
        Trace trace = purchases(Instant.parse("2024-03-01T00:00:00Z"));
        String calcite = "SELECT card, COUNT(*), window_start FROM TABLE(SESSION(TABLE events, DESCRIPTOR(ts), DESCRIPTOR(card), "
                + "INTERVAL '30' SECOND)) GROUP BY card, window_start, window_end";
        String flink = "SELECT card, COUNT(*), window_start FROM TABLE(session (TABLE events PARTITION BY card,\n  "
                + "DESCRIPTOR(ts), INTERVAL '30' SECOND)) GROUP BY card, window_start, window_end";
        assertThat(SqlResults.rows(ReferenceOracle.run(SqlQuery.compile(flink, trace.schema()).job(), trace)))
                .isEqualTo(SqlResults.rows(ReferenceOracle.run(SqlQuery.compile(calcite, trace.schema()).job(), trace)))
                .hasSize(4);
    }

    static void assertEveryEngineGives(SqlQuery query, Trace trace, List<SqlRow> expected) {
        assertThat(SqlResults.rows(ReferenceOracle.run(query.job(), trace))).containsExactlyElementsOf(expected);
        CommonSettings common = CommonSettings.DEFAULTS.withEventTime(EventTimeContract.DEFAULT.withWatermarkDelay("1m"));
        for (EngineType<?> type : EngineRegistry.STANDARD.all()) {
            var outcome = type.create(common, type.defaults(), FaultPlan.NONE, 1).run(query.job(), trace);
            assertThat(SqlResults.rows(outcome.results())).as(type.id()).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT card FROM events WHERE|syntax error at line 1, column",
        "SELECT cardd FROM events|Column 'cardd' not found in any table; the tables' columns are events(ts, card, country, amount)",
        "SELECT card FROM purchases|Object 'purchases' not found; the tables are events",
        "SELECT card FROM events ORDER BY card|ORDER BY is not supported; supported:",
        "SELECT e.card FROM events e LEFT JOIN events f ON e.card = f.card|LEFT JOIN is not supported; supported:",
        "SELECT card, SUM(DISTINCT amount) FROM events GROUP BY card|SUM(DISTINCT ...) is not supported; supported:",
        "SELECT card, COUNT(*) OVER (PARTITION BY card) FROM events|an OVER window is not supported; supported:",
        "SELECT card FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '5' SECOND))|with an offset is not supported",
        "  |the query is empty",
    })
    void badQueriesGetOneLineNamingTheProblem(String caseText) {
        String[] parts = caseText.split("\\|");
        Trace trace = purchases(Instant.parse("2024-03-01T00:00:00Z"));
        assertThatThrownBy(() -> SqlQuery.compile(parts[0], trace.schema()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("SQL: ")
                .hasMessageContaining(parts[1])
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
