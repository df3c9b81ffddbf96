package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The batch engines' primitive collections agree with the java.util ones they replace, on any
 * sequence of operations: {@link TimerSet} with a sorted set of longs, {@link SlotTable} and
 * {@link NamedValues} with hash maps. ({@code LongMap} has its own properties in its package.)
 */
class PrimitiveCollectionsProperties {

    /** A timer operation: 0 add, 1 remove, 2 poll the first. */
    record TimerOp(int kind, long time) {
    }

    @Property(tries = 300)
    void timerSetAgreesWithASortedSet(@ForAll("timerOps") List<TimerOp> ops) {
        TimerSet timers = new TimerSet();
        TreeSet<Long> reference = new TreeSet<>();
        for (TimerOp op : ops) {
            switch (op.kind()) {
                case 0 -> {
                    timers.add(op.time());
                    reference.add(op.time());
                }
                case 1 -> {
                    timers.remove(op.time());
                    reference.remove(op.time());
                }
                default -> {
                    if (!reference.isEmpty()) {
                        assertThat(timers.pollFirst()).isEqualTo(reference.pollFirst());
                    }
                }
            }
            assertThat(timers.size()).isEqualTo(reference.size());
            assertThat(timers.isEmpty()).isEqualTo(reference.isEmpty());
            if (!reference.isEmpty()) {
                assertThat(timers.first()).isEqualTo(reference.first());
            }
        }
        Statistics.label("largest set").collect(reference.size() > 8 ? "> 8" : "<= 8");
        while (!reference.isEmpty()) {
            assertThat(timers.pollFirst()).isEqualTo(reference.pollFirst());
        }
        assertThat(timers.isEmpty()).isTrue();
    }

    @Provide
    Arbitrary<List<TimerOp>> timerOps() {
        // Few distinct times, so that adds repeat, removes hit and inserts land in the middle.
        Arbitrary<TimerOp> op = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(-20, 20)).as(TimerOp::new);
        return op.list().ofMaxSize(200);
    }

    @Property(tries = 200)
    void slotTableFindsTheSlotOfEachWindow(@ForAll("keys") List<Long> keys) {
        SlotTable table = new SlotTable();
        Map<SlotKey, WindowAccumulatorStage.Slot> reference = new HashMap<>();
        for (long key : keys) {
            // Two windows per key, in the high and the low half of a long, as two-id keys are.
            for (long start : new long[]{key << 32, key & 0xffff}) {
                WindowAccumulatorStage.Slot slot = table.getOrAdd(key, start, start + 10);
                WindowAccumulatorStage.Slot expected = reference.computeIfAbsent(new SlotKey(key, start, start + 10), w -> slot);
                assertThat(slot).isSameAs(expected);
                assertThat(slot.key).isEqualTo(key);
                assertThat(slot.start).isEqualTo(start);
            }
            assertThat(table.size()).isEqualTo(reference.size());
        }
    }

    /** A state operation: set {@code name} to {@code value}, null clearing it. */
    record StateOp(String name, Integer value) {
    }

    @Property(tries = 200)
    void namedValuesAgreeWithAHashMap(@ForAll("stateOps") List<StateOp> ops) {
        NamedValues state = new NamedValues();
        Map<String, Object> reference = new HashMap<>();
        for (StateOp op : ops) {
            // A copy of the name, so that lookups by equal but distinct strings are exercised too.
            String name = new String(op.name());
            state.put(name, op.value());
            if (op.value() == null) {
                reference.remove(name);
            } else {
                reference.put(name, op.value());
            }
            assertThat(state.size()).isEqualTo(reference.size());
            for (String n : List.of("a", "b", "c", "d", "e")) {
                assertThat(state.get(n)).isEqualTo(reference.get(n));
            }
        }
    }

    @Provide
    Arbitrary<List<StateOp>> stateOps() {
        Arbitrary<StateOp> op = Combinators.combine(Arbitraries.of("a", "b", "c", "d", "e"),
                Arbitraries.integers().between(0, 9).injectNull(0.3)).as(StateOp::new);
        return op.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Long>> keys() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-50, 50), Arbitraries.longs(),
                        Arbitraries.longs().between(0, 1000).map(k -> k << 32))
                .list().ofMaxSize(300);
    }
}
