package org.flowlab.sim.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static final long S = 1_000_000_000L;

    @Test
    void keysSortByWindowEndThenStartThenKeyThenSeq() {
        ResultKey a = ResultKey.window(9, 0, 10 * S);
        ResultKey b = ResultKey.window(1, 5 * S, 15 * S);
        ResultKey c = ResultKey.window(2, 5 * S, 15 * S);
        ResultKey d = ResultKey.at(2, 15 * S, 0);
        ResultKey e = ResultKey.at(2, 15 * S, 1);
        ResultTable t = ResultTable.of(List.of(new Output(e, 5L), new Output(c, 3L), new Output(a, 1L),
                new Output(d, 4L), new Output(b, 2L)));
        assertThat(t.asMap().keySet()).containsExactly(a, b, c, d, e);
        assertThat(t.outputs()).extracting(Output::value).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void equalityIsByKeysAndBitIdenticalValues() {
        ResultKey k = ResultKey.window(1, 0, 10);
        assertThat(ResultTable.of(Map.of(k, 0.3))).isEqualTo(ResultTable.of(Map.of(k, 0.3)));
        assertThat(ResultTable.of(Map.of(k, 0.1 + 0.2))).isNotEqualTo(ResultTable.of(Map.of(k, 0.3)));
        assertThat(ResultTable.of(Map.of(k, Double.NaN))).isEqualTo(ResultTable.of(Map.of(k, Double.NaN)));
        assertThat(ResultTable.of(Map.of(k, 0.0))).isNotEqualTo(ResultTable.of(Map.of(k, -0.0)));
        assertThat(ResultTable.of(Map.of(k, 1L))).isNotEqualTo(ResultTable.of(Map.of(k, 1.0)));
        assertThat(ResultTable.of(Map.of(k, List.of(1L, 2L))).hashCode())
                .isEqualTo(ResultTable.of(Map.of(k, List.of(1L, 2L))).hashCode());
    }

    @Test
    void diffListsTheFirstDifferencesInKeyOrderReadably() {
        ResultTable expected = ResultTable.of(Map.of(
                ResultKey.window(7, 10 * S, 20 * S), 3L,
                ResultKey.window(7, 20 * S, 30 * S), 4L,
                ResultKey.window(8, 20 * S, 30 * S), 5L,
                ResultKey.at(1, 1_500_000_001L, 1), "x"));
        ResultTable actual = ResultTable.of(Map.of(
                ResultKey.window(7, 10 * S, 20 * S), 4L,
                ResultKey.window(7, 20 * S, 30 * S), 4L,
                ResultKey.window(9, 20 * S, 30 * S), 6L));
        List<ResultTable.Difference> diff = expected.diff(actual, 10);
        assertThat(diff).extracting(Object::toString).containsExactly(
                "key 1 at 1.500000001s #1: expected x, actual nothing",
                "key 7 [10s, 20s): expected 3, actual 4",
                "key 8 [20s, 30s): expected 5, actual nothing",
                "key 9 [20s, 30s): expected nothing, actual 6");
        assertThat(expected.diff(actual, 2)).hasSize(2);
        assertThat(expected.countDifferences(actual)).isEqualTo(4);
        assertThat(expected.diffReport(actual, 2)).isEqualTo(
                "4 differences (expected 4 outputs, actual 3), the first 2:\n"
                        + "  key 1 at 1.500000001s #1: expected x, actual nothing\n"
                        + "  key 7 [10s, 20s): expected 3, actual 4");
        assertThat(expected.diffReport(expected, 5)).isEmpty();
        assertThat(expected.diff(expected, 5)).isEmpty();
    }

    @Test
    void longValuesAreCutInRendering() {
        String longText = "y".repeat(500);
        ResultTable.Difference d = new ResultTable.Difference(ResultKey.window(1, Long.MIN_VALUE, Long.MAX_VALUE), longText, null);
        assertThat(d.toString()).startsWith("key 1 [-inf, +inf): expected yyyy").endsWith("…, actual nothing").hasSizeLessThan(220);
    }

    @Test
    void addCollapsesIdenticalRepeatsAndRejectsConflicts() {
        ResultKey k = ResultKey.window(1, 0, 10);
        ResultTable.Builder b = ResultTable.builder().add(new Output(k, 2L)).add(new Output(k, 2L));
        assertThat(b.repeats()).isEqualTo(1);
        assertThat(b.build().size()).isEqualTo(1);
        assertThatThrownBy(() -> b.add(new Output(k, 3L)))
                .hasMessage("two different outputs at key 1 [0s, 0.00000001s): 2 and 3");
        ResultTable upserted = ResultTable.builder().put(k, 2L).put(k, 3L).build();
        assertThat(upserted.get(k)).isEqualTo(3L);
    }

    @Test
    void aBuiltTableDoesNotChangeWhenTheBuilderGoesOn() {
        ResultTable.Builder b = ResultTable.builder().put(ResultKey.window(1, 0, 10), 1L);
        ResultTable first = b.build();
        b.put(ResultKey.window(2, 0, 10), 2L);
        assertThat(first.size()).isEqualTo(1);
        assertThat(b.build().size()).isEqualTo(2);
        assertThatThrownBy(() -> first.asMap().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void resultKeysForRowsAndTimesArePointWindows() {
        Row row = new Row(42, 7 * S, 0, 3, 1.0, 0, 0, 0);
        assertThat(ResultKey.row(row)).isEqualTo(new ResultKey(42, 7 * S, 7 * S + 1, 0));
        assertThat(ResultKey.row(row)).hasToString("key 42 at 7s");
        assertThat(ResultKey.at(1, Long.MAX_VALUE, 0).windowEnd()).isEqualTo(Long.MAX_VALUE);
    }
}
