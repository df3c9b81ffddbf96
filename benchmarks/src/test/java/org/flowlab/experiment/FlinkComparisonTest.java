package org.flowlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.flowlab.flink.FlinkMode;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The checks of {@link FlinkComparison} that need no Flink, and the {@link SameResults} matrix. */
class FlinkComparisonTest {

    @Test
    void aHandBuiltJobIsRefusedBeforeAnyEngineRuns() {
        AtomicInteger runs = new AtomicInteger();
        Job mine = Job.named("everything", "every row").from(RowFilter.ALL).build();
        ComparisonPlan plan = ComparisonPlan.of("nexmark").withJob(JobChoice.of(mine));
        assertThatThrownBy(() -> FlinkComparison.run(plan.withEnginesOf(IntervalEngine.factory(runs)), List.of(FlinkMode.values()), null, 2, 1, null,
                ComparisonProgress.NONE, line -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only catalog jobs and SQL can run on Flink");
        assertThatThrownBy(() -> FlinkComparison.run(ComparisonPlan.of("nexmark").withEnginesOf(IntervalEngine.factory(runs)),
                List.of(FlinkMode.values()), null, 0, 1, null, ComparisonProgress.NONE, line -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--parallelism must be from 1 to 32768");
        assertThatThrownBy(() -> FlinkComparison.run(ComparisonPlan.of("nexmark").withEnginesOf(IntervalEngine.factory(runs)),
                List.of(FlinkMode.values()), null, 2, 0, null, ComparisonProgress.NONE, line -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--repeat must be 1 to 20");
        assertThat(runs).hasValue(0);
    }

    /**
     * Whatever tables the engines computed (each one of a few variants, variant 0 being the
     * oracle's), the matrix says two engines have the same results exactly when their tables are
     * equal, and each engine's oracle cell says whether its table is the oracle's.
     */
    @Property(tries = 50)
    void theMatrixSaysExactlyWhichTablesAreEqual(@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 2) Integer> variants) {
        List<ResultTable> tables = List.of(table(1, 2), table(1, 3), table(7));
        Map<String, ResultTable> byEngine = new LinkedHashMap<>();
        Map<String, Boolean> equalsOracle = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            byEngine.put("e" + i, tables.get(variants.get(i)));
            equalsOracle.put("e" + i, variants.get(i) == 0);
        }
        Map<String, Map<String, Boolean>> matrix = SameResults.of(byEngine, equalsOracle);
        assertThat(matrix.keySet()).containsExactlyElementsOf(byEngine.keySet());
        for (int i = 0; i < variants.size(); i++) {
            Map<String, Boolean> row = matrix.get("e" + i);
            assertThat(row).hasSize(variants.size()).containsEntry(SameResults.ORACLE, variants.get(i) == 0);
            for (int j = 0; j < variants.size(); j++) {
                if (i != j) {
                    assertThat(row.get("e" + j)).as("e%d vs e%d", i, j).isEqualTo(variants.get(i).equals(variants.get(j)));
                }
            }
        }
    }

    private static ResultTable table(long... counts) {
        ResultTable.Builder b = ResultTable.builder();
        for (int k = 0; k < counts.length; k++) {
            b.add(new Output(ResultKey.window(k, 0, 10), counts[k]));
        }
        return b.build();
    }
}
