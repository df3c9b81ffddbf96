package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.collections.LongMap;

/**
 * Every version a changelog hands out holds exactly the state at its checkpoint, however many
 * changes and checkpoints came after it, whether it is a chain of changes or a fold, and whether
 * the changelog was restored from an earlier version and went on from there.
 */
class StateChangelogProperties {

    /** One step: put a value at a key, remove a key, take a checkpoint, or restore the version of checkpoint n. */
    record Step(int kind, long key, int value) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> put = Arbitraries.longs().between(-3, 40).flatMap(k -> Arbitraries.integers().between(0, 1000)
                .map(v -> new Step(0, k, v)));
        Arbitrary<Step> remove = Arbitraries.longs().between(-3, 40).map(k -> new Step(1, k, 0));
        Arbitrary<Step> checkpoint = Arbitraries.just(new Step(2, 0, 0));
        Arbitrary<Step> restore = Arbitraries.integers().between(0, 50).map(n -> new Step(3, 0, n));
        return Arbitraries.frequencyOf(
                Tuple.of(10, put), Tuple.of(3, remove),
                Tuple.of(3, checkpoint), Tuple.of(1, restore)).list().ofMaxSize(300);
    }

    @Property(tries = 300)
    void everyVersionHoldsTheStateAtItsCheckpoint(@ForAll("steps") List<Step> steps) {
        StateChangelog log = new StateChangelog();
        Map<Long, Integer> state = new HashMap<>();
        List<StateChangelog.Version> versions = new ArrayList<>();
        List<Map<Long, Integer>> expected = new ArrayList<>();
        int restores = 0;
        for (Step s : steps) {
            switch (s.kind()) {
                case 0 -> {
                    state.put(s.key(), s.value());
                    log.put(s.key(), s.value());
                }
                case 1 -> {
                    state.remove(s.key());
                    log.remove(s.key());
                }
                case 2 -> {
                    versions.add(log.checkpoint());
                    expected.add(new HashMap<>(state));
                }
                default -> {
                    if (!versions.isEmpty()) {
                        // A restart: the state is the checkpoint's again, and the changes before it are gone.
                        int n = s.value() % versions.size();
                        log = new StateChangelog(versions.get(n));
                        state = new HashMap<>(expected.get(n));
                        restores++;
                    }
                }
            }
        }
        versions.add(log.checkpoint());
        expected.add(new HashMap<>(state));
        for (int i = 0; i < versions.size(); i++) {
            assertThat(asMap(versions.get(i).entries())).as("version %d", i).isEqualTo(expected.get(i));
        }
        Statistics.label("restores").collect(restores > 0);
        Statistics.label("versions").collect(versions.size() > 10 ? "> 10" : "<= 10");
    }

    private static Map<Long, Integer> asMap(LongMap<Object> entries) {
        Map<Long, Integer> out = new HashMap<>();
        entries.forEachEntry((k, v) -> out.put(k, (Integer) v));
        return out;
    }
}
