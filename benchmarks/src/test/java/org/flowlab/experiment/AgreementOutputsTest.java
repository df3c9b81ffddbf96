package org.flowlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.table.SqlRow;
import org.junit.jupiter.api.Test;

/** The outputs an agreement counts are those a reader counts: a compiled SQL query's rows, as Flink SQL emits them. */
class AgreementOutputsTest {

    @Test
    void aSqlOutputHoldingAWindowsRowsCountsItsRows() {
        ResultTable sql = ResultTable.builder()
                .put(ResultKey.window(0, 0, 10), List.of(SqlRow.of(1L, 3L), SqlRow.of(2L, 5L), SqlRow.of(3L, 5L)))
                .put(ResultKey.window(0, 10, 20), List.of(SqlRow.of(1L, 1L)))
                .build();
        assertThat(Agreement.outputs(sql)).isEqualTo(4);
        ResultTable catalog = ResultTable.builder()
                .put(ResultKey.window(1, 0, 10), 3L)
                .put(ResultKey.window(2, 0, 10), List.of(7L, 8L))
                .build();
        assertThat(Agreement.outputs(catalog)).as("a catalog job's outputs, a list of values among them").isEqualTo(2);
    }
}
