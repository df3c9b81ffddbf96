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
 * records marked through its id final then. Naming outputs {@linkplain RecordVisibility#placingOutputs
 * by place} gives other ids, each as stable, and every time the same.
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

    /** What one step of an engine does to the visibility of {@link #RECORDS} records. */
    record Step(int kind, int record, ResultKey output, long after) {
        static final int MARK_THROUGH = 0;
        static final int OUTPUT_CHANGED = 1;
        static final int MARK = 2;
        static final int MARK_FINAL = 3;
    }

    static final int RECORDS = 60;

    /**
     * Any steps — a record marked through an output, an output changed, a record marked without
     * one or final by a later step — give every record the same first-visible and final times, and
     * the run the same answer to whether the two latencies are one, whether outputs are named by
     * place or by hash; and by place too an output's id is the same every time.
     */
    @Property(tries = 200)
    void namingOutputsByPlaceChangesNoTime(@ForAll("steps") List<Step> steps) {
        RecordVisibility byHash = new RecordVisibility(RECORDS);
        RecordVisibility byPlace = new RecordVisibility(RECORDS);
        byPlace.placingOutputs();
        Map<ResultKey, Integer> ids = new HashMap<>();
        boolean placed = false;
        long t = 0;
        for (Step step : steps) {
            t += step.after();
            int id = byPlace.outputId(step.output());
            assertThat(ids.computeIfAbsent(step.output(), k -> id)).as(step.output().toString()).isEqualTo(id);
            placed |= id < -1;
            switch (step.kind()) {
                case Step.MARK_THROUGH -> assertThat(byPlace.mark(step.record(), t, id))
                        .isEqualTo(byHash.mark(step.record(), t, step.output()));
                case Step.OUTPUT_CHANGED -> {
                    byPlace.outputChanged(id, t);
                    byHash.outputChanged(step.output(), t);
                }
                case Step.MARK -> assertThat(byPlace.mark(step.record(), t)).isEqualTo(byHash.mark(step.record(), t));
                default -> {
                    byPlace.markFinal(step.record(), t);
                    byHash.markFinal(step.record(), t);
                }
            }
        }
        for (int i = 0; i < RECORDS; i++) {
            assertThat(byPlace.visibleAt(i)).isEqualTo(byHash.visibleAt(i));
            assertThat(byPlace.finalAt(i)).as("record %d", i).isEqualTo(byHash.finalAt(i));
        }
        assertThat(byPlace.finalIsFirstVisible()).isEqualTo(byHash.finalIsFirstVisible());
        assertThat(byPlace).isEqualTo(byHash);
        Statistics.label("outputs named by place").collect(placed);
        Statistics.label("outputs named by place").coverage(c -> c.check(true).percentage(p -> p >= 60));
        Statistics.label("final is first visible").collect(byHash.finalIsFirstVisible());
        Statistics.label("final is first visible").coverage(c -> c.check(false).percentage(p -> p >= 30));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        // Mostly a record's own row output, as a stateless job's; some numbered past the records, and
        // windows whose keys' numbers take the places of rows (or come after them at their place).
        Arbitrary<ResultKey> rows = Combinators.combine(Arbitraries.longs().between(0, RECORDS + 10),
                Arbitraries.longs().between(0, 1)).as((r, seq) -> ResultKey.at(r, 10 * r, seq));
        Arbitrary<ResultKey> windows = Combinators.combine(Arbitraries.longs().between(-3, RECORDS + 10),
                Arbitraries.longs().between(0, 3)).as((k, w) -> ResultKey.window(k, w * 10, w * 10 + 10));
        Arbitrary<ResultKey> outputs = Arbitraries.frequencyOf(Tuple.of(3, rows), Tuple.of(1, windows));
        Arbitrary<Integer> kinds = Arbitraries.frequency(Tuple.of(4, Step.MARK_THROUGH), Tuple.of(4, Step.OUTPUT_CHANGED),
                Tuple.of(1, Step.MARK), Tuple.of(1, Step.MARK_FINAL));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, RECORDS - 1), outputs,
                Arbitraries.longs().between(0, 3)).as(Step::new).list().ofMaxSize(150);
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
