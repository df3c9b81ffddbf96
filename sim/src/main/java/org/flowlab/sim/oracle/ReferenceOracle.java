package org.flowlab.sim.oracle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flowlab.sim.job.Filter;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyBy;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.MapRow;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.OutputNumbering;
import org.flowlab.sim.job.PlainKeyRun;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowPredicate;
import org.flowlab.sim.job.SessionWindows;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.job.WindowResult;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.workloads.Trace;

/**
 * The ground truth: a job's exact final result computed straight from the trace, with plain
 * collections and none of an engine's machinery — no watermarks, no partitions, no merging of
 * partial aggregates. Every stage sees all its rows at once, sorted in {@link Row#ORDER}:
 * <ul>
 *   <li>filters, maps and keyBys apply row by row;</li>
 *   <li>a window aggregate assigns each row to its windows and folds each (key, window) with
 *       {@code add} only; sessions are cut where a key's consecutive rows are {@code gap} or more
 *       apart;</li>
 *   <li>a process function runs key by key over the key's rows in order, firing a timer at t
 *       before the first row later than t, and every remaining timer at the end.</li>
 * </ul>
 * It is written to be obviously right rather than fast, and still handles a million rows in seconds.
 * Problems in the job's own functions (a map that changes the key of a keyed row, a timer in the
 * past, an emit from a step that is not last) fail with an exception naming the step.
 */
public final class ReferenceOracle {

    private ReferenceOracle() {
    }

    /**
     * The job's final result on the trace.
     *
     * @throws IllegalArgumentException if the job's source names kinds the trace does not have
     * @throws IllegalStateException    if a step's function breaks the job model's rules
     */
    public static ResultTable run(Job job, Trace trace) {
        RowPredicate source = job.source().bind(trace.schema());
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            Row row = Row.of(trace, i);
            if (source.test(row)) {
                items.add(new Item(null, row, row));
            }
        }
        List<Operator> operators = job.operators();
        boolean keyed = false;
        for (int s = 0; s < operators.size(); s++) {
            Operator op = operators.get(s);
            boolean last = job.isLast(s);
            if (op instanceof Filter f) {
                items = filter(f, items);
            } else if (op instanceof MapRow m) {
                items = map(job, m, keyed, items);
            } else if (op instanceof KeyBy k) {
                items = keyBy(k, items);
                keyed = true;
            } else if (op instanceof WindowAggregate w) {
                items = window(job, w, last, items);
                keyed = false;
            } else if (op instanceof KeyedProcess p) {
                items = process(job, p, last, items);
                keyed = false;
            } else {
                throw new IllegalStateException("unknown step " + op);
            }
        }
        TreeMap<ResultKey, Object> outputs = new TreeMap<>();
        for (Item item : items) {
            ResultKey at = item.at != null ? item.at : ResultKey.row(item.row);
            Object previous = outputs.put(at, item.value);
            if (previous != null) {
                throw new IllegalStateException("job " + job.name() + ": two outputs at " + at
                        + " (row ids identify a stateless job's outputs: did a map change them?)");
            }
        }
        return ResultTable.of(outputs);
    }

    /**
     * A row on its way through the job, or a final result.
     *
     * @param at    the output key of the stateful result it derives from, null before any stateful step
     * @param row   the row, null for a final window result
     * @param value what it outputs if it comes out of the job: the row, or a stateful step's result
     */
    private record Item(ResultKey at, Row row, Object value) {
    }

    private static List<Item> filter(Filter f, List<Item> in) {
        List<Item> out = new ArrayList<>(in.size());
        for (Item item : in) {
            if (f.predicate().test(item.row)) {
                out.add(item);
            }
        }
        return out;
    }

    private static List<Item> map(Job job, MapRow m, boolean keyed, List<Item> in) {
        List<Item> out = new ArrayList<>(in.size());
        for (Item item : in) {
            Row mapped = m.function().apply(item.row);
            if (mapped == null) {
                throw new IllegalStateException("job " + job.name() + ": " + m + " returned null for " + item.row);
            }
            if (keyed && mapped.key() != item.row.key()) {
                throw new IllegalStateException("job " + job.name() + ": " + m + " changed the key of a keyed row ("
                        + item.row.key() + " to " + mapped.key() + "); put a keyBy after it instead");
            }
            out.add(new Item(item.at, mapped, mapped));
        }
        return out;
    }

    private static List<Item> keyBy(KeyBy k, List<Item> in) {
        List<Item> out = new ArrayList<>(in.size());
        for (Item item : in) {
            Row keyedRow = item.row.withKey(k.selector().key(item.row));
            out.add(new Item(item.at, keyedRow, keyedRow));
        }
        return out;
    }

    private static List<Row> sortedRows(List<Item> in) {
        List<Row> rows = new ArrayList<>(in.size());
        for (Item item : in) {
            rows.add(item.row);
        }
        rows.sort(Row.ORDER);
        return rows;
    }

    /** One (key, window) of a window aggregate. */
    private record Slot(long key, long start, long end) {
        static final Comparator<Slot> ORDER = Comparator.comparingLong(Slot::key)
                .thenComparingLong(Slot::start).thenComparingLong(Slot::end);
    }

    /** The accumulator of one slot and the largest row id in it. */
    private static final class Group {
        Object acc;
        long lastId = Long.MIN_VALUE;

        Group(Object acc) {
            this.acc = acc;
        }

        void add(AggregateFunction<Object, Object> f, Row row) {
            acc = f.add(acc, row);
            lastId = Math.max(lastId, row.id());
        }
    }

    private static List<Item> window(Job job, WindowAggregate w, boolean last, List<Item> in) {
        AggregateFunction<Object, Object> f = w.untypedAggregate();
        Map<Slot, Group> groups = new HashMap<>();
        List<Row> rows = sortedRows(in);
        if (w.window() instanceof SessionWindows session) {
            sessions(f, session.gap(), rows, groups);
        } else {
            for (Row row : rows) {
                w.window().assign(row.eventTime(), (start, end) ->
                        groups.computeIfAbsent(new Slot(row.key(), start, end), s -> new Group(f.create())).add(f, row));
            }
        }
        List<Slot> slots = new ArrayList<>(groups.keySet());
        slots.sort(Slot.ORDER);
        List<Item> out = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            Group g = groups.get(slot);
            Object value = f.result(g.acc);
            if (value == null) {
                throw new IllegalStateException("job " + job.name() + ": " + w + " gave no result (null) for key "
                        + slot.key + " in [" + slot.start + ", " + slot.end + ")");
            }
            TimeWindow window = new TimeWindow(slot.start, slot.end);
            ResultKey at = ResultKey.window(slot.key, window);
            if (last) {
                out.add(new Item(at, null, value));
            } else {
                Row row = w.toRow().toRow(new WindowResult(slot.key, window, g.lastId, value));
                if (row == null || row.eventTime() < window.maxTimestamp()) {
                    throw new IllegalStateException("job " + job.name() + ": the row mapper of " + w + " made "
                            + row + " for window " + window + "; its event time must be at least the window's last instant "
                            + window.maxTimestamp() + " (start from WindowResult.row())");
                }
                out.add(new Item(at, row, row));
            }
        }
        return out;
    }

    /** Cuts each key's rows (already in order) into sessions where consecutive rows are {@code gap} or more apart. */
    private static void sessions(AggregateFunction<Object, Object> f, long gap, List<Row> rows, Map<Slot, Group> groups) {
        Map<Long, List<Row>> byKey = new HashMap<>();
        for (Row row : rows) {
            byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<Long, List<Row>> e : byKey.entrySet()) {
            List<Row> keyRows = e.getValue();
            int first = 0;
            for (int i = 1; i <= keyRows.size(); i++) {
                // Unsigned, because the rows are in order and the true difference is never negative.
                boolean cut = i == keyRows.size()
                        || Long.compareUnsigned(keyRows.get(i).eventTime() - keyRows.get(i - 1).eventTime(), gap) >= 0;
                if (cut) {
                    long start = keyRows.get(first).eventTime();
                    long lastTime = keyRows.get(i - 1).eventTime();
                    long end = lastTime > Long.MAX_VALUE - gap ? Long.MAX_VALUE : lastTime + gap;
                    Group g = new Group(f.create());
                    for (int j = first; j < i; j++) {
                        g.add(f, keyRows.get(j));
                    }
                    groups.put(new Slot(e.getKey(), start, end), g);
                    first = i;
                }
            }
        }
    }

    private static List<Item> process(Job job, KeyedProcess p, boolean last, List<Item> in) {
        Map<Long, List<Row>> byKey = new HashMap<>();
        for (Row row : sortedRows(in)) {
            byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
        }
        List<Long> keys = new ArrayList<>(byKey.keySet());
        keys.sort(null);
        KeyedProcessFunction function = p.newFunction();
        List<Item> out = new ArrayList<>();
        for (long key : keys) {
            // Every row and every timer is due at the end of the input.
            new KeyRun(job, p, last, key, out).workOff(new ArrayDeque<>(byKey.get(key)), Long.MAX_VALUE, function);
        }
        return out;
    }

    /** Runs a process function over one key: its state, its timers and the context it sees. */
    private static final class KeyRun extends PlainKeyRun {
        private final List<Item> out;
        private final OutputNumbering numbering = new OutputNumbering();

        KeyRun(Job job, KeyedProcess step, boolean last, long key, List<Item> out) {
            super(job.name(), step, last, new HashMap<>(), new TreeSet<>());
            this.out = out;
            forKey(key);
        }

        @Override
        protected void onEmit(Object value) {
            out.add(new Item(numbering.nextAt(key(), currentTime()), null, value));
        }

        @Override
        protected void onForward(Row row) {
            out.add(new Item(numbering.nextAt(key(), currentTime()), row, row));
        }
    }
}
