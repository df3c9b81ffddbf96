package org.flowlab.flink.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Flink's multi-line planner messages become one line that still says what is wrong. */
class FlinkMessageLineTest {

    @Test
    void aPlainMessageKeepsItsFirstLine() {
        assertThat(FlinkSqlRunner.firstLine("Object 'bids' not found\nwithin 'default_catalog'")).isEqualTo("Object 'bids' not found");
        assertThat(FlinkSqlRunner.firstLine(null)).isEqualTo("(no message)");
        assertThat(FlinkSqlRunner.firstLine(" \n ")).isEqualTo("(no message)");
    }

    @Test
    void aFirstLineThatAnnouncesAPlanIsCompletedWithTheReason() {
        String message = """
                Sql optimization: Cannot generate a valid execution plan for the given query:\s

                FlinkLogicalSink(table=[*anonymous_datastream_sink$8*], fields=[bidder, bid_count])
                +- FlinkLogicalWindowAggregate(group=[{0}], window=[SessionGroupWindow('w$, dateTime, 10000)])

                Window SessionGroupWindow('w$, dateTime, 10000) is not supported right now.
                Please check the documentation for the set of currently supported SQL features.
                """;
        assertThat(FlinkSqlRunner.firstLine(message)).isEqualTo("Sql optimization: Cannot generate a valid execution plan for the"
                + " given query: Window SessionGroupWindow('w$, dateTime, 10000) is not supported right now.");
        assertThat(FlinkSqlRunner.firstLine("Cannot do this:\nplan\nplan")).isEqualTo("Cannot do this:");
    }
}
