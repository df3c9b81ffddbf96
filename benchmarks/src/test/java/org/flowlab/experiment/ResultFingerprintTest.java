package org.flowlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.table.SqlRow;

/** A {@link ResultFingerprint} tells two tables apart exactly when they are not equal. */
class ResultFingerprintTest {

    /**
     * Values that look alike to a careless fingerprint: a long, an int, a double and a decimal of one
     * number, 0.0 and -0.0, sums that round apart, lists and SQL rows whose texts are equal, strings
     * that read as two.
     */
    private static final List<Object> VALUES = List.of(1L, 1, 1.0, new BigDecimal("1"), 0.0, -0.0, 0.1 + 0.2, 0.3,
            List.of(1L, 2L), List.of(12L), List.of(1L), List.of(1), new SqlRow(List.of(1L)), new SqlRow(List.of(new BigDecimal("1"))),
            "a, b", List.of("a", "b"));

    /**
     * Two tables drawn from a few keys and look-alike values (each output one of 3 keys and one of 16
     * values, at most two outputs, so that equal tables are common) have the same fingerprint exactly when they are equal.
     */
    @Property(tries = 300)
    void sameFingerprintExactlyWhenTheTablesAreEqual(
            @ForAll @Size(max = 2) List<@IntRange(min = 0, max = 47) Integer> a,
            @ForAll @Size(max = 2) List<@IntRange(min = 0, max = 47) Integer> b,
            @ForAll boolean reversed) {
        ResultTable x = table(a);
        // Half the tries compare a table with the same outputs added the other way round: equal unless two share a key.
        List<Integer> backwards = new ArrayList<>(a);
        Collections.reverse(backwards);
        ResultTable y = table(reversed ? backwards : b);
        boolean equal = x.equals(y);
        Statistics.label("tables").collect(equal ? "equal" : "not equal");
        Statistics.label("tables").coverage(c -> {
            c.check("equal").percentage(p -> p > 20);
            c.check("not equal").percentage(p -> p > 30);
        });
        assertThat(ResultFingerprint.of(x).equals(ResultFingerprint.of(y))).as("%s vs %s", x, y).isEqualTo(equal);
        assertThat(ResultFingerprint.of(x)).hasSize(64).isEqualTo(ResultFingerprint.of(table(a)));
    }

    /** Output {@code i}: key {@code i / VALUES.size()} (0 to 2), value {@code VALUES[i % VALUES.size()]}; a later output at a key replaces the earlier. */
    private static ResultTable table(List<Integer> outputs) {
        ResultTable.Builder b = ResultTable.builder();
        for (int i : outputs) {
            b.put(ResultKey.window(i / VALUES.size(), 0, 10), VALUES.get(i % VALUES.size()));
        }
        return b.build();
    }
}
