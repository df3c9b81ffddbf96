package org.flowlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The hand-written loops' table sums like a HashMap does, through growth, collisions and clearing. */
class PrimitiveSumsProperties {

    @Property(tries = 200)
    void sumsLikeAHashMap(@ForAll @Size(max = 300) List<@IntRange(min = -50, max = 50) Integer> keys,
                          @ForAll @IntRange(min = 1, max = 64) int expected) {
        PrimitiveSums sums = new PrimitiveSums(expected);
        Map<Long, Double> reference = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            long key = keys.get(i) * 0x1_0000_0000L; // keys that share their low bits
            sums.add(key, i);
            reference.merge(key, (double) i, Double::sum);
        }
        assertThat(sums.size()).isEqualTo(reference.size());
        reference.forEach((k, v) -> assertThat(sums.get(k)).isEqualTo(v));
        assertThat(sums.get(Long.MIN_VALUE + 7)).isZero();
        sums.clear();
        assertThat(sums.size()).isZero();
        reference.keySet().forEach(k -> assertThat(sums.get(k)).isZero());
    }
}
