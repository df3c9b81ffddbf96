package org.flowlab.sim.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link LongMap} agrees with a {@link HashMap} of {@code Long} on any sequence of operations, with
 * keys that collide in their low or high bits and the key 0, which the table keeps aside; and a
 * copy made with room for more is equal to its original and independent of it.
 */
class LongMapProperties {

    /** An operation: 0 put, 1 remove, 2 compute if absent, 3 compute if absent making nothing. */
    record Op(int kind, long key, int value) {
    }

    @Property(tries = 300)
    void agreesWithAHashMap(@ForAll("ops") List<Op> ops, @ForAll("expected") int expected) {
        LongMap<Integer> map = new LongMap<>(expected);
        Map<Long, Integer> reference = new HashMap<>();
        for (Op op : ops) {
            long key = op.key();
            assertThat(map.get(key)).isEqualTo(reference.get(key));
            switch (op.kind()) {
                case 0 -> {
                    map.put(key, op.value());
                    reference.put(key, op.value());
                }
                case 1 -> assertThat(map.remove(key)).isEqualTo(reference.remove(key));
                case 2 -> assertThat(map.computeIfAbsent(key, k -> op.value()))
                        .isEqualTo(reference.computeIfAbsent(key, k -> op.value()));
                default -> assertThat(map.computeIfAbsent(key, k -> null))
                        .isEqualTo(reference.computeIfAbsent(key, k -> null));
            }
            assertThat(map.size()).isEqualTo(reference.size());
            assertThat(map.isEmpty()).isEqualTo(reference.isEmpty());
        }
        assertThat(contents(map)).isEqualTo(reference);
        assertThat(map.keys()).containsExactly(reference.keySet().stream().mapToLong(Long::longValue).sorted().toArray());
        Statistics.label("size").collect(reference.size() > 32 ? "> 32" : "<= 32");
        Statistics.label("has key 0").collect(reference.containsKey(0L));

        LongMap<Integer> copy = new LongMap<>(map, ops.size() % 3 == 0 ? 0 : ops.size());
        assertThat(contents(copy)).isEqualTo(reference);
        copy.put(Long.MIN_VALUE, -1);
        copy.remove(0);
        assertThat(contents(map)).isEqualTo(reference);

        map.clear();
        assertThat(map.size()).isZero();
        for (long key : reference.keySet()) {
            assertThat(map.get(key)).isNull();
        }
    }

    private static Map<Long, Integer> contents(LongMap<Integer> map) {
        Map<Long, Integer> out = new HashMap<>();
        map.forEachEntry((k, v) -> assertThat(out.put(k, v)).isNull());
        Map<Integer, Integer> values = new HashMap<>();
        map.forEachValue(v -> values.merge(v, 1, Integer::sum));
        Map<Integer, Integer> expectedValues = new HashMap<>();
        out.values().forEach(v -> expectedValues.merge(v, 1, Integer::sum));
        assertThat(values).isEqualTo(expectedValues);
        return out;
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        // Few small keys, so that puts overwrite and removes hit; keys apart only in their high
        // bits; any long.
        Arbitrary<Long> keys = Arbitraries.oneOf(Arbitraries.longs().between(-20, 20), Arbitraries.longs(),
                Arbitraries.longs().between(0, 200).map(k -> k << 32));
        return Combinators.combine(Arbitraries.integers().between(0, 3), keys, Arbitraries.integers().between(0, 99))
                .as(Op::new).list().ofMaxSize(400);
    }

    @Provide
    Arbitrary<Integer> expected() {
        return Arbitraries.integers().between(1, 64);
    }
}
