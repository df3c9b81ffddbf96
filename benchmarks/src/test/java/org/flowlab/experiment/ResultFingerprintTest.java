package org.flowlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;

/** A {@link ResultFingerprint} tells two tables apart exactly when they are not equal. */
class ResultFingerprintTest {

    /** Values that look alike to a careless fingerprint: a long and a double of one number, 0.0 and -0.0, sums that round apart. */
    private static final List<Object> VALUES = List.of(1L, 1.0, 0.0, -0.0, 0.1 + 0.2, 0.3, List.of(1L, 2L), List.of(12L));

    /**
     * Two tables drawn from a few keys and look-alike values (each output a key's index, 0 to 2, and a
     * value's, so that equal tables are common) have the same fingerprint exactly when they are equal.
     */
    @Property(tries = 300)
    void sameFingerprintExactlyWhenTheTablesAreEqual(
            @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 23) Integer> a,
            @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 23) Integer> b) {
        ResultTable x = table(a);
        ResultTable y = table(b);
        boolean equal = x.equals(y);
        Statistics.label("tables").collect(equal ? "equal" : "not equal");
        Statistics.label("tables").coverage(c -> {
            c.check("equal").percentage(p -> p > 5);
            c.check("not equal").percentage(p -> p > 50);
        });
        assertThat(ResultFingerprint.of(x).equals(ResultFingerprint.of(y))).as("%s vs %s", x, y).isEqualTo(equal);
        assertThat(ResultFingerprint.of(x)).hasSize(64).isEqualTo(ResultFingerprint.of(table(a)));
    }

    /** Output {@code i}: key {@code i / 8} (0 to 2), value {@code VALUES[i % 8]}; a later output at a key replaces the earlier. */
    private static ResultTable table(List<Integer> outputs) {
        ResultTable.Builder b = ResultTable.builder();
        for (int i : outputs) {
            b.put(ResultKey.window(i / VALUES.size(), 0, 10), VALUES.get(i % VALUES.size()));
        }
        return b.build();
    }
}
