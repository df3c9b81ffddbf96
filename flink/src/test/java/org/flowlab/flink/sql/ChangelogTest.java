package org.flowlab.flink.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.flowlab.workloads.table.SqlRow;
import org.junit.jupiter.api.Test;

class ChangelogTest {

    @Test
    void updatesAndDeletesLeaveTheFinalMultisetInRowOrder() {
        Changelog log = new Changelog();
        log.apply(Row.ofKind(RowKind.INSERT, 7L, 1L));
        log.apply(Row.ofKind(RowKind.INSERT, 3L, 1L));
        log.apply(Row.ofKind(RowKind.UPDATE_BEFORE, 7L, 1L));
        log.apply(Row.ofKind(RowKind.UPDATE_AFTER, 7L, 2L));
        log.apply(Row.ofKind(RowKind.INSERT, 3L, 1L));
        log.apply(Row.ofKind(RowKind.INSERT, 5L, 1));
        log.apply(Row.ofKind(RowKind.DELETE, 5L, 1));

        assertThat(log.rows()).containsExactly(SqlRow.of(3L, 1L), SqlRow.of(3L, 1L), SqlRow.of(7L, 2L));
        assertThat(log.changes()).isEqualTo(7);
    }

    @Test
    void aRetractionOfARowNeverSentIsAnError() {
        Changelog log = new Changelog();
        log.apply(Row.ofKind(RowKind.INSERT, 7L));

        assertThatThrownBy(() -> log.apply(Row.ofKind(RowKind.UPDATE_BEFORE, 8L)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Flink SQL retracted (8) (-U) which it never sent");
    }
}
