package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.flowlab.sim.job.Row;

/**
 * A key's state in a process function behaves as a map of names, a set of timers and a list of rows
 * kept in row order (equal rows in the order they came), however many of each it holds — the first
 * ones in fields, the others in arrays — and knows when it is next due and its first row's time.
 */
class ProcessKeyStateProperties {

    /** One operation: its kind and two small numbers it uses. */
    record Op(int kind, int a, int b) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Arbitraries.integers().between(0, 6).flatMap(kind -> Arbitraries.integers().between(0, 5)
                .flatMap(a -> Arbitraries.integers().between(0, 3).map(b -> new Op(kind, a, b)))).list().ofMaxSize(200);
    }

    @Property(tries = 500)
    void behavesAsAMapASetAndAnOrderedList(@ForAll("ops") List<Op> ops) {
        ProcessKeyState ks = new ProcessKeyState(7);
        Map<String, Object> names = new HashMap<>();
        TreeSet<Long> timers = new TreeSet<>();
        List<StreamRecord> rows = new ArrayList<>();
        String[] pool = {"a", "b", "c", "d", "e", "f"};
        List<ProcessKeyState> copies = new ArrayList<>();
        List<List<Object>> expectedCopies = new ArrayList<>();
        for (Op op : ops) {
            switch (op.kind()) {
                case 0 -> {
                    // A new String each time: names are compared by value.
                    String name = new String(pool[op.a()]);
                    ks.setState(name, op.b());
                    names.put(name, op.b());
                }
                case 1 -> {
                    ks.clearState(pool[op.a()]);
                    names.remove(pool[op.a()]);
                }
                case 2 -> assertThat(ks.addTimer(op.a() * 10L + op.b())).isEqualTo(timers.add(op.a() * 10L + op.b()));
                case 3 -> assertThat(ks.removeTimer(op.a() * 10L + op.b())).isEqualTo(timers.remove(op.a() * 10L + op.b()));
                case 4 -> {
                    // Rows equal in every field (same time and id) but distinct records: their order must be kept.
                    StreamRecord r = new StreamRecord(new Row(op.b(), op.a(), 0, 7, 1.0, 0, 0, 0), null, rows.size(), null, -1);
                    ks.addRow(r);
                    int at = rows.size();
                    while (at > 0 && ProcessKeyState.ROW_ORDER.compare(rows.get(at - 1), r) > 0) {
                        at--;
                    }
                    rows.add(at, r);
                }
                case 5 -> {
                    if (!rows.isEmpty()) {
                        assertThat(ks.pollRow()).isSameAs(rows.remove(0));
                    }
                }
                default -> {
                    if (!timers.isEmpty()) {
                        assertThat(ks.firstTimer()).isEqualTo(timers.first());
                        ks.removeTimer(timers.pollFirst());
                    }
                }
            }
            for (String name : pool) {
                assertThat(ks.state(name)).isEqualTo(names.get(name));
            }
            assertThat(ks.hasState()).isEqualTo(!names.isEmpty());
            assertThat(timersOf(ks)).containsExactlyElementsOf(timers);
            assertThat(rowsOf(ks)).containsExactlyElementsOf(rows);
            // A checkpoint's copy holds the same, and changing the key afterwards does not change it.
            ProcessKeyState copy = ks.copy();
            assertThat(timersOf(copy)).isEqualTo(timersOf(ks));
            assertThat(rowsOf(copy)).isEqualTo(rowsOf(ks));
            assertThat(stateOf(copy, pool)).isEqualTo(names);
            assertThat(copy.hasState()).isEqualTo(!names.isEmpty());
            copies.add(copy);
            expectedCopies.add(List.of(new ArrayList<>(timers), new ArrayList<>(rows), new HashMap<>(names)));
            assertThat(ks.entries()).isEqualTo(1 + timers.size() + rows.size());
            long due = Math.min(rows.isEmpty() ? Long.MAX_VALUE : rows.get(0).row.eventTime(),
                    timers.isEmpty() ? Long.MAX_VALUE : timers.first());
            assertThat(ks.nextDue()).isEqualTo(due);
            assertThat(copy.nextDue()).isEqualTo(due);
            if (!rows.isEmpty()) {
                assertThat(ks.firstRowTime()).isEqualTo(rows.get(0).row.eventTime());
            }
        }
        for (int i = 0; i < copies.size(); i++) {
            ProcessKeyState c = copies.get(i);
            List<Object> want = expectedCopies.get(i);
            assertThat(timersOf(c)).isEqualTo(want.get(0));
            assertThat(rowsOf(c)).isEqualTo(want.get(1));
            assertThat(stateOf(c, pool)).isEqualTo(want.get(2));
        }
    }

    /** The key's timers, ascending, read off a copy. */
    private static List<Long> timersOf(ProcessKeyState ks) {
        ProcessKeyState c = ks.copy();
        List<Long> out = new ArrayList<>();
        while (c.hasTimer()) {
            out.add(c.firstTimer());
            c.removeTimer(c.firstTimer());
        }
        return out;
    }

    /** The key's buffered rows, in order, read off a copy. */
    private static List<StreamRecord> rowsOf(ProcessKeyState ks) {
        ProcessKeyState c = ks.copy();
        List<StreamRecord> out = new ArrayList<>();
        while (c.firstRow() != null) {
            out.add(c.pollRow());
        }
        return out;
    }

    /** The key's state under the names of the pool. */
    private static Map<String, Object> stateOf(ProcessKeyState ks, String[] pool) {
        Map<String, Object> out = new HashMap<>();
        for (String name : pool) {
            if (ks.state(name) != null) {
                out.put(name, ks.state(name));
            }
        }
        return out;
    }
}
