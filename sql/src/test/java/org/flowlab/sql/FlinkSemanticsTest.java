package org.flowlab.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowlab.sql.EventsTableQueryTest.assertEveryEngineGives;
import static org.flowlab.sql.EventsTableQueryTest.purchases;

import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.flowlab.sim.oracle.ReferenceOracle;
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

/**
 * Where Calcite's defaults and Flink SQL part, the compiled query gives Flink's rows (each expected value
 * below is Flink SQL 2.3's for the same query and rows): text keeps its blanks, decimals take Flink's scales,
 * a session is evaluated on its own only when the query groups by session, and a window on a time column
 * other than the event time windows by that column.
 */
class FlinkSemanticsTest {
    private static final long S = DurationText.NANOS_PER_SECOND;
    private static final Trace PURCHASES = purchases(Instant.parse("2024-03-01T00:00:00Z"));
    private static final LocalDateTime T0 = LocalDateTime.parse("2024-03-01T00:00:00");

    private static void gives(String sql, SqlRow... rows) {
        gives(PURCHASES, sql, rows);
    }

    private static void gives(Trace trace, String sql, SqlRow... rows) {
        assertEveryEngineGives(SqlQuery.compile(sql, trace.schema()), trace, List.of(rows));
    }

    @Test
    void textKeepsItsBlanksAndACaseOfLiteralsIsNotPadded() {
        gives("SELECT country || ', ' || country FROM events WHERE card = 2", SqlRow.of("DE, DE"), SqlRow.of("FR, FR"));
        gives("SELECT CASE WHEN amount > 1 THEN 'big' ELSE 'small' END, COUNT(*) FROM events"
                + " GROUP BY CASE WHEN amount > 1 THEN 'big' ELSE 'small' END", SqlRow.of("big", 4L), SqlRow.of("small", 1L));
        gives("SELECT card FROM events WHERE country = 'FR '");
    }

    @Test
    void decimalsTakeFlinksScales() {
        // BIGINT * DECIMAL(2, 1) is DECIMAL(22, 1); divided by an INT, DECIMAL(10, 0), its scale is max(6, 1 + 10 + 1).
        gives("SELECT card * 1.0 / 7 FROM events WHERE amount = 0.5", SqlRow.of(new BigDecimal("0.285714285714")));
        // DECIMAL(10, 2) / DECIMAL(10, 0): scale max(6, 2 + 10 + 1) = 13, rounded half up.
        gives("SELECT CAST(card AS DECIMAL(10, 2)) / 7 FROM events WHERE amount = 0.5", SqlRow.of(new BigDecimal("0.2857142857143")));
        // AVG of DECIMAL(p, s) is DECIMAL(38, max(6, s)).
        gives("SELECT AVG(CAST(card AS DECIMAL(10, 2))) FROM events WHERE amount >= 2.25", SqlRow.of(new BigDecimal("1.333333")));
    }

    @Test
    void castsFollowFlinksRules() {
        gives("SELECT CAST('1.5' AS BIGINT), CAST(' yes ' AS BOOLEAN), CAST('0' AS BOOLEAN), CAST(amount > 1 AS VARCHAR)"
                + " FROM events WHERE amount = 0.5", SqlRow.of(1L, true, false, "FALSE"));
        gives("SELECT CAST(country AS CHAR(4)), CAST(country AS VARCHAR(1)), CAST(amount * 100 AS DECIMAL(3, 1)),"
                + " CAST(amount / 3 AS DECIMAL(5, 3)) FROM events WHERE amount = 2.25",
                SqlRow.of("FR  ", "F", null, new BigDecimal("0.750")));
        gives("SELECT CAST(ts AS VARCHAR), CAST('2024-03-01 00:00:20.5' AS TIMESTAMP(3)) = ts + INTERVAL '0.5' SECOND,"
                + " CAST(ts + INTERVAL '0.5' SECOND AS TIMESTAMP(0)) = ts FROM events WHERE amount = 0.5",
                SqlRow.of("2024-03-01 00:00:20.000", true, true));
    }

    @Test
    void aValueTheQueryCannotComputeFailsItInOneLine() {
        SqlQuery byZero = SqlQuery.compile("SELECT card / (card - card) FROM events", PURCHASES.schema());
        assertThatThrownBy(() -> ReferenceOracle.run(byZero.job(), PURCHASES)).isInstanceOf(InvalidInputException.class)
                .hasMessage("SQL: the query fails on this input, as a Flink job would: division by zero");
        SqlQuery notANumber = SqlQuery.compile("SELECT CAST(country AS BIGINT) FROM events", PURCHASES.schema());
        assertThatThrownBy(() -> ReferenceOracle.run(notANumber.job(), PURCHASES)).isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("cannot CAST 'DE' to an integer");
    }

    @Test
    void aSessionIsEvaluatedOnItsOwnOnlyWhenTheQueryGroupsBySession() {
        String sessions = "TABLE(SESSION(TABLE events PARTITION BY card, DESCRIPTOR(ts), INTERVAL '20' SECOND))";
        gives("SELECT COUNT(*) FROM " + sessions, SqlRow.of(5L));
        gives("SELECT card, COUNT(*) FROM " + sessions + " GROUP BY card", SqlRow.of(1L, 3L), SqlRow.of(2L, 2L));
        gives("SELECT card, COUNT(*), window_start FROM " + sessions + " GROUP BY card, window_start, window_end",
                SqlRow.of(1L, 1L, T0.plusSeconds(10)), SqlRow.of(1L, 2L, T0.plusSeconds(50)),
                SqlRow.of(2L, 1L, T0.plusSeconds(20)), SqlRow.of(2L, 1L, T0.plusSeconds(125)));
    }

    @Test
    void aWindowOnAnotherTimeColumnWindowsByThatColumn() {
        TraceTable events = new TraceTable(TraceTables.EVENTS, List.of(), List.of(
                TraceColumn.of("ts", SqlType.TIMESTAMP, TraceField.EVENT_TIME),
                TraceColumn.of("card", SqlType.BIGINT, TraceField.KEY),
                TraceColumn.of("seen", SqlType.TIMESTAMP, TraceField.ATTR2)), "ts");
        TraceSchema schema = new TraceSchema(List.of("purchase"), "card", "amount", null, "seen", null, List.of("none"))
                .withTables(new TraceTables(Instant.parse("2024-03-01T00:00:00Z").toEpochMilli(), List.of(events)));
        Trace trace = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, schema)
                .add(10 * S, 11 * S, 0, 1, 0, 0, 70 * S, 0, 0)
                .add(20 * S, 21 * S, 0, 1, 0, 0, 80 * S, 0, 0)
                .add(65 * S, 66 * S, 0, 1, 0, 0, 5 * S, 0, 0)
                .build();
        gives(trace, "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(seen), INTERVAL '1' MINUTE))"
                + " GROUP BY window_start, window_end", SqlRow.of(T0, 1L), SqlRow.of(T0.plusMinutes(1), 2L));
        gives(trace, "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE))"
                + " GROUP BY window_start, window_end", SqlRow.of(T0, 2L), SqlRow.of(T0.plusMinutes(1), 1L));
    }
}
