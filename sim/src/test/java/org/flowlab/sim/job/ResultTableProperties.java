package org.flowlab.sim.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;

/**
 * A table built from outputs in any order, with repeats and upserts, holds the last value put at
 * each key, in key order — whether its window ends are close together (sorted as packed longs) or
 * span all of time (sorted as keys), and whether the builder keeps outputs by place (their key's
 * number; {@link ResultTable#builderByPlace}), for some keys, all or none, or only by hash.
 */
class ResultTableProperties {

    @Provide
    Arbitrary<List<Output>> outputs() {
        // One regime of window ends per table: a few ends, many ends close together, or ends at the edges of time.
        Arbitrary<Arbitrary<Long>> regimes = Arbitraries.of(
                Arbitraries.longs().between(0, 3),
                Arbitraries.longs().between(1_000_000_000L, 1_000_100_000L),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 50), Arbitraries.of(Long.MIN_VALUE + 1, Long.MAX_VALUE)));
        return regimes.flatMap(ends -> {
            Arbitrary<ResultKey> keys = Combinators.combine(Arbitraries.longs().between(0, 5), Arbitraries.longs().between(-3, 3),
                    ends, Arbitraries.longs().between(0, 2)).as((key, back, end, seq) -> new ResultKey(key, end - back, end, seq));
            return Combinators.combine(keys, Arbitraries.integers().between(0, 3)).as((k, v) -> new Output(k, (long) v))
                    .list().ofMaxSize(400).withSizeDistribution(RandomDistribution.uniform());
        });
    }

    /** A plain builder (-1), or one by place with this many places: keys' numbers run from 0 to 5. */
    @Provide
    Arbitrary<Integer> places() {
        return Arbitraries.integers().between(-1, 7);
    }

    static ResultTable.Builder builder(int places) {
        return places < 0 ? ResultTable.builder() : ResultTable.builderByPlace(places);
    }

    @Property(tries = 300)
    void holdsTheLastValueAtEachKeyInKeyOrder(@ForAll("outputs") List<Output> outputs, @ForAll("places") int places) {
        ResultTable.Builder b = builder(places);
        TreeMap<ResultKey, Object> expected = new TreeMap<>();
        for (Output o : outputs) {
            Object previous = b.upsert(o.at(), o.value());
            assertThat(previous).isEqualTo(expected.put(o.at(), o.value()));
        }
        ResultTable table = b.build();
        List<Output> want = new ArrayList<>();
        for (Map.Entry<ResultKey, Object> e : expected.entrySet()) {
            want.add(new Output(e.getKey(), e.getValue()));
        }
        assertThat(table.outputs()).containsExactlyElementsOf(want);
        assertThat(table.asMap()).isEqualTo(expected);
        assertThat(table).isEqualTo(ResultTable.of(expected)).hasSameHashCodeAs(ResultTable.of(expected));
        for (ResultKey k : expected.keySet()) {
            assertThat(table.get(k)).isEqualTo(expected.get(k));
        }
        long span = expected.isEmpty() ? 0 : expected.lastKey().windowEnd() - expected.firstKey().windowEnd();
        Statistics.label("outputs").collect(expected.size() < 64 ? "< 64" : span < 0 ? ">= 64, ends across all of time" : ">= 64");
    }

    /**
     * Removals among upserts (a retraction, then perhaps the key again): the table holds what a
     * sorted map given the same operations holds, whatever the probe runs the removals cut.
     */
    @Property(tries = 300)
    void removalsAmongUpsertsLeaveWhatASortedMapLeaves(@ForAll("outputs") List<Output> outputs,
                                                       @ForAll("removals") List<Boolean> removes,
                                                       @ForAll("places") int places) {
        ResultTable.Builder b = builder(places);
        TreeMap<ResultKey, Object> expected = new TreeMap<>();
        int removed = 0;
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            if (removes.get(i % removes.size())) {
                assertThat(b.remove(o.at())).isEqualTo(expected.remove(o.at()));
                removed++;
            } else {
                assertThat(b.upsert(o.at(), o.value())).isEqualTo(expected.put(o.at(), o.value()));
            }
            assertThat(b.size()).isEqualTo(expected.size());
        }
        ResultTable table = b.build();
        assertThat(table.outputs()).isSortedAccordingTo((x, y) -> x.at().compareTo(y.at()));
        assertThat(table.asMap()).isEqualTo(expected);
        assertThat(table).isEqualTo(ResultTable.of(expected));
        for (Output o : outputs) {
            assertThat(table.get(o.at())).isEqualTo(expected.get(o.at()));
        }
        Statistics.label("removals").collect(removed == 0 ? "none" : removed < 20 ? "< 20" : ">= 20");
    }

    /**
     * Adding (an identical repeat counted, a different value refused) does the same by place as by
     * hash alone: the same outputs refused, the same repeats, the same table.
     */
    @Property(tries = 200)
    void addingByPlaceIsAddingByHash(@ForAll("outputs") List<Output> outputs, @ForAll("places") int places) {
        ResultTable.Builder byHash = ResultTable.builder();
        ResultTable.Builder b = builder(places);
        int refused = 0;
        for (Output o : outputs) {
            boolean refusedByHash = refuses(byHash, o);
            assertThat(refuses(b, o)).isEqualTo(refusedByHash);
            refused += refusedByHash ? 1 : 0;
        }
        assertThat(b.repeats()).isEqualTo(byHash.repeats());
        assertThat(b.build()).isEqualTo(byHash.build());
        Statistics.label("refused").collect(refused == 0 ? "none" : "some");
    }

    private static boolean refuses(ResultTable.Builder b, Output o) {
        try {
            b.add(o);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Provide
    Arbitrary<List<Boolean>> removals() {
        return Arbitraries.of(true, false, false).list().ofMinSize(1).ofMaxSize(7);
    }
}
