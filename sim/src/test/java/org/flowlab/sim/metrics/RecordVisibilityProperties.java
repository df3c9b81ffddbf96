package org.flowlab.sim.metrics;

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
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.job.ResultKey;

/**
 * {@link RecordVisibility#outputId} numbers outputs 0, 1, … in the order they are first named and
 * gives an output the same id every time, as a map from key to its first-seen rank would, through
 * as many outputs as make its index grow several times; and an output's last change makes the
 * records marked through its id final then.
 */
class RecordVisibilityProperties {

    @Property(tries = 200)
    void idsAreDenseInFirstSeenOrderAndStable(@ForAll("keys") List<ResultKey> keys) {
        RecordVisibility visibility = new RecordVisibility(keys.size());
        Map<ResultKey, Integer> reference = new HashMap<>();
        for (ResultKey key : keys) {
            int expected = reference.computeIfAbsent(key, k -> reference.size());
            assertThat(visibility.outputId(key)).as(key.toString()).isEqualTo(expected);
        }
        for (Map.Entry<ResultKey, Integer> e : reference.entrySet()) {
            assertThat(visibility.outputId(e.getKey())).isEqualTo(e.getValue());
        }
        Statistics.label("distinct outputs").collect(reference.size() > 16 ? "> 16 (index grown)" : "<= 16");
        Statistics.label("distinct outputs").coverage(c -> c.check("> 16 (index grown)").percentage(p -> p >= 20));
    }

    @Property(tries = 100)
    void aRecordIsFinalAtItsOutputsLastChange(@ForAll("keys") List<ResultKey> keys) {
        RecordVisibility visibility = new RecordVisibility(keys.size());
        Map<ResultKey, Long> lastChange = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            ResultKey key = keys.get(i);
            long t = 10L * i;
            visibility.mark(i, t, key);
            visibility.outputChanged(key, t + 5);
            lastChange.put(key, t + 5);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(visibility.visibleAt(i)).isEqualTo(10L * i);
            assertThat(visibility.finalAt(i)).isEqualTo(lastChange.get(keys.get(i)));
        }
    }

    @Provide
    Arbitrary<List<ResultKey>> keys() {
        // Few distinct windows, so that outputs are named again, and rows at a time, nearly all new; sizes
        // spread evenly up to 400, so that most lists name enough outputs to grow the index.
        Arbitrary<ResultKey> windows = Combinators.combine(Arbitraries.longs().between(-3, 40),
                Arbitraries.longs().between(0, 5)).as((k, w) -> ResultKey.window(k, w * 10, w * 10 + 10));
        Arbitrary<ResultKey> rows = Combinators.combine(Arbitraries.longs(), Arbitraries.longs().between(0, 1_000),
                Arbitraries.longs().between(0, 2)).as(ResultKey::at);
        return Arbitraries.frequencyOf(Tuple.of(3, windows), Tuple.of(1, rows)).list().ofMaxSize(400)
                .withSizeDistribution(RandomDistribution.uniform());
    }
}
