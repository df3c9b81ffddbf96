package org.flowlab.sim.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.flowlab.workloads.table.SqlRow;
import org.junit.jupiter.api.Test;

class SqlResultsTest {

    @Test
    void aKeyedTableAndUnkeyedRowsWithTheSameRowsGiveTheSameCanonicalTable() {
        ResultTable keyed = ResultTable.builder()
                .put(ResultKey.window(7, 0, 10), List.of(SqlRow.of(7L, 2), SqlRow.of(7L, 2)))
                .put(ResultKey.window(3, 0, 10), SqlRow.of(3, new BigDecimal("1.50")))
                .build();
        List<SqlRow> unkeyed = List.of(SqlRow.of(7, 2L), SqlRow.of(3L, new BigDecimal("1.5")), SqlRow.of(7L, 2L));

        assertThat(SqlResults.canonical(keyed)).isEqualTo(SqlResults.table(unkeyed));
        assertThat(SqlResults.rows(keyed)).containsExactly(SqlRow.of(3L, new BigDecimal("1.5")), SqlRow.of(7L, 2L), SqlRow.of(7L, 2L));
    }

    @Test
    void aRowMoreOrLessIsADifference() {
        ResultTable two = SqlResults.table(List.of(SqlRow.of(1L), SqlRow.of(1L)));
        ResultTable one = SqlResults.table(List.of(SqlRow.of(1L)));
        assertThat(two).isNotEqualTo(one);
    }

    @Test
    void anOutputThatIsNoRowIsNamed() {
        ResultTable catalog = ResultTable.builder().put(ResultKey.window(1, 0, 10), 5L).build();
        assertThatThrownBy(() -> SqlResults.rows(catalog)).hasMessage("output at key 1 [0s, 0.00000001s) is 5, not a SQL row");
    }
}
