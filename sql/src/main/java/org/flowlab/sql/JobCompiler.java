package org.flowlab.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeySelector;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAssigner;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.job.aggregate.JoinBuffer;
import org.flowlab.sql.Relations.Node;
import org.flowlab.sql.Relations.Partition;
import org.flowlab.sql.Relations.WindowSpec;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.table.SqlRow;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTable;

/**
 * Turns a compiled plan into a job, in one of three shapes:
 * <ul>
 *   <li>projections and filters of one table: each row on its own (keyed by its id), its result row emitted
 *       at once;</li>
 *   <li>a windowed query whose every aggregate groups by the window and every join joins on it, all over one
 *       {@code TUMBLE} or {@code HOP} window aligned with the trace's origin: the rows of each window gathered
 *       by Flowlab's window of the same size and slide, the query evaluated over them when it fires;</li>
 *   <li>anything else (regular joins and aggregates, sessions): the rows of all time gathered by a global
 *       window and the query evaluated when the input ends — the final result of Flink's updating query.</li>
 * </ul>
 */
final class JobCompiler {

    private static final long NANOS_PER_MILLI = 1_000_000;

    private JobCompiler() {
    }

    static Job compile(RelNode plan, Relations relations, TraceSchema schema, String text) {
        Node node = relations.compile(plan);
        // The key field holds a column; keying the rows below would overwrite it, so it is kept in the payload.
        Job.Builder job = Job.named("sql", "SQL: " + text).from(source(relations, schema))
                .map("keep-key", row -> row.withPayload(row.key()));
        if (projectionsOnly(plan)) {
            return job.keyBy("row", Row::key).process("select", () -> new Select(node)).build();
        }
        WindowAssigner window = Windows.global();
        // Flowlab's windows gather rows by their event time: a window function on another time column is
        // evaluated over all the rows instead.
        boolean onEventTime = windowsOnEventTime(plan, schema);
        boolean perWindow = onEventTime && windowed(plan, relations, schema.tables().originMillis());
        WindowSpec spec = relations.windows.isEmpty() ? null : relations.windows.get(0);
        KeySelector key = onEventTime ? singleAggregateKey(plan, schema) : null;
        if (perWindow) {
            window = spec.function().equals("TUMBLE") ? Windows.tumbling(spec.sizeMillis() * NANOS_PER_MILLI)
                    : Windows.sliding(spec.sizeMillis() * NANOS_PER_MILLI, spec.slideMillis() * NANOS_PER_MILLI);
        } else if (key != null && spec != null && spec.function().equals("SESSION")) {
            // Flowlab's sessions merge rows less than the gap apart in nanoseconds, Flink's rows at most the gap
            // apart in milliseconds: with a gap 1 ms longer, each of Flowlab's sessions holds whole Flink
            // sessions, which the evaluation then finds exactly.
            window = Windows.session((spec.sizeMillis() + 1) * NANOS_PER_MILLI);
        }
        AggregateFunction<JoinBuffer, JoinBuffer> rows = Aggregates.of("rows", JoinBuffer::empty,
                JoinBuffer::withLeft, JoinBuffer::merge, b -> b);
        return job.keyBy("partition", key == null ? row -> 0L : key)
                .window(window)
                .aggregate("query", rows, r -> r.row().withPayload(evaluate(node,
                        ((JoinBuffer) r.value()).left(), perWindow ? r.window() : null)))
                .keyBy("result", Row::key)
                .process("emit", Emit::new)
                .build();
    }

    /**
     * For one aggregate over one table, a key for source rows that keeps each group (for {@code SESSION}, each
     * partition) within one key, so groups are gathered and evaluated apart; null when there is none to find.
     */
    private static KeySelector singleAggregateKey(RelNode plan, TraceSchema schema) {
        RelNode rel = plan;
        while (rel instanceof Project || rel instanceof Filter) {
            rel = rel.getInput(0);
        }
        if (!(rel instanceof Aggregate aggregate)) {
            return null;
        }
        RelNode leaf = aggregate.getInput();
        while (leaf instanceof Project || leaf instanceof Filter) {
            leaf = leaf.getInput(0);
        }
        Relations keys = new Relations(schema);
        if (leaf instanceof TableFunctionScan tvf) {
            WindowSpec spec = WindowFunctions.spec(tvf);
            if (spec.function().equals("SESSION")) {
                // Each session is evaluated on its own: right only when every group lies within one session,
                // that is when the aggregate groups by the partition and by the session's bounds.
                return spec.partitionFields().length == 0 || !projectionsOnly(tvf.getInputs().get(0))
                        || !groupsBySessions(aggregate, tvf, spec) ? null
                        : hashOf(keys.compile(tvf.getInputs().get(0)), spec.partitionFields());
            }
        } else if (!(leaf instanceof TableScan)) {
            return null;
        }
        List<Integer> fields = new ArrayList<>();
        for (int g : aggregate.getGroupSet()) {
            if (!sourceColumn(aggregate.getInput(), g)) {
                return null;
            }
            fields.add(g);
        }
        return fields.isEmpty() ? null : hashOf(keys.compile(aggregate.getInput()), fields.stream().mapToInt(i -> i).toArray());
    }

    /** Whether the aggregate (over projections and filters of the session table function) groups by its partition and bounds. */
    private static boolean groupsBySessions(Aggregate aggregate, TableFunctionScan tvf, WindowSpec spec) {
        Set<Integer> grouped = new HashSet<>();
        for (int g : aggregate.getGroupSet()) {
            int f = tvfField(aggregate.getInput(), g);
            if (f >= 0) {
                grouped.add(f);
            }
        }
        int n = tvf.getRowType().getFieldCount();
        boolean bounds = grouped.contains(n - 2) || grouped.contains(n - 1);
        for (int p : spec.partitionFields()) {
            if (!grouped.contains(p)) {
                return false;
            }
        }
        return bounds;
    }

    /** The field of the table function below {@code rel} that field {@code f} passes on unchanged, or -1. */
    private static int tvfField(RelNode rel, int f) {
        PassedOn origin = PassedOn.from(rel, f);
        return origin.rel() instanceof TableFunctionScan ? origin.field() : -1;
    }

    /** Where a field comes from: the first operator below, filters and plain projections skipped, and its field there. */
    private record PassedOn(RelNode rel, int field) {
        static PassedOn from(RelNode rel, int f) {
            if (rel instanceof Filter filter) {
                return from(filter.getInput(), f);
            }
            if (rel instanceof Project p && p.getProjects().get(f) instanceof RexInputRef ref) {
                return from(p.getInput(), ref.getIndex());
            }
            return new PassedOn(rel, f);
        }
    }

    /** Whether every window table function of the plan windows its rows by the event-time column of their table. */
    private static boolean windowsOnEventTime(RelNode rel, TraceSchema schema) {
        if (rel instanceof TableFunctionScan tvf) {
            WindowSpec spec = WindowFunctions.spec(tvf);
            if (!eventTimeColumn(tvf.getInputs().get(0), spec.timeField(), schema)) {
                return false;
            }
        }
        for (RelNode input : rel.getInputs()) {
            if (!windowsOnEventTime(input, schema)) {
                return false;
            }
        }
        return true;
    }

    /** Whether field {@code f} of {@code rel} is its table's event-time column, passed on unchanged. */
    private static boolean eventTimeColumn(RelNode rel, int f, TraceSchema schema) {
        PassedOn origin = PassedOn.from(rel, f);
        if (!(origin.rel() instanceof TableScan scan)) {
            return false;
        }
        List<String> name = scan.getTable().getQualifiedName();
        return schema.tables().table(name.get(name.size() - 1)).columns().get(origin.field()).field() == TraceField.EVENT_TIME;
    }

    /** Whether field {@code f} of {@code rel} is a column of the table below it, passed on unchanged. */
    private static boolean sourceColumn(RelNode rel, int f) {
        PassedOn origin = PassedOn.from(rel, f);
        if (origin.rel() instanceof TableFunctionScan tvf) {
            RelNode input = tvf.getInputs().get(0);
            return origin.field() < input.getRowType().getFieldCount() && sourceColumn(input, origin.field());
        }
        return origin.rel() instanceof TableScan;
    }

    /** The hash of the given fields of a row's tuple (0 when the row has none, as when a filter drops it). */
    private static KeySelector hashOf(Node node, int[] fields) {
        return row -> {
            List<Object[]> tuples = node.eval(new Partition(List.of(row), null));
            if (tuples.isEmpty()) {
                return 0L;
            }
            Object[] t = tuples.get(0);
            long h = 1;
            for (int f : fields) {
                h = 31 * h + (t[f] == null ? 0 : t[f].hashCode());
            }
            return h;
        };
    }

    private static RowFilter source(Relations relations, TraceSchema schema) {
        Set<String> kinds = new LinkedHashSet<>();
        for (String name : relations.tables) {
            TraceTable t = schema.tables().table(name);
            if (t.kinds().isEmpty()) {
                return RowFilter.ALL;
            }
            kinds.addAll(t.kinds());
        }
        return RowFilter.kind(kinds.toArray(String[]::new));
    }

    /** The result rows of a partition, sorted. */
    static List<SqlRow> evaluate(Node node, List<Row> rows, TimeWindow window) {
        List<SqlRow> out = new ArrayList<>();
        List<Object[]> tuples;
        try {
            tuples = node.eval(new Partition(rows, window));
        } catch (Expressions.EvaluationException e) {
            // Deterministic in the query and the trace: every engine, and Flink, fails the same way.
            throw new InvalidInputException("SQL: the query fails on this input, as a Flink job would: " + e.getMessage());
        }
        for (Object[] t : tuples) {
            out.add(new SqlRow(java.util.Arrays.asList(t)));
        }
        out.sort(SqlRow.ORDER);
        return List.copyOf(out);
    }

    private static boolean projectionsOnly(RelNode rel) {
        if (rel instanceof TableScan) {
            return true;
        }
        return (rel instanceof Project || rel instanceof Filter) && projectionsOnly(rel.getInput(0));
    }

    /** Whether the query can be evaluated window by window (see the class comment). */
    private static boolean windowed(RelNode plan, Relations relations, long originMillis) {
        List<WindowSpec> specs = relations.windows;
        if (specs.isEmpty() || specs.get(0).function().equals("SESSION")) {
            return false;
        }
        for (WindowSpec s : specs) {
            if (!s.sameAs(specs.get(0))) {
                return false;
            }
        }
        if (Math.floorMod(originMillis, specs.get(0).slideMillis()) != 0) {
            return false; // Flowlab's windows start at the origin, Flink's at the epoch: evaluated over all time instead
        }
        try {
            windowFields(plan);
            return true;
        } catch (NotClosed e) {
            return false;
        }
    }

    /** Some operator of the plan reaches across windows. */
    private static final class NotClosed extends Exception {
        NotClosed() {
            super(null, null, false, false);
        }
    }

    /** The fields of {@code rel} that hold its rows' window bounds (null: none), or NotClosed. */
    private static ImmutableBitSet windowFields(RelNode rel) throws NotClosed {
        if (rel instanceof TableFunctionScan) {
            int n = rel.getRowType().getFieldCount();
            return ImmutableBitSet.of(n - 2, n - 1);
        }
        if (rel instanceof Filter f) {
            return windowFields(f.getInput());
        }
        if (rel instanceof Project p) {
            ImmutableBitSet in = windowFields(p.getInput());
            ImmutableBitSet.Builder out = ImmutableBitSet.builder();
            List<RexNode> exprs = p.getProjects();
            for (int i = 0; i < exprs.size(); i++) {
                if (in != null && exprs.get(i) instanceof RexInputRef ref && in.get(ref.getIndex())) {
                    out.set(i);
                }
            }
            ImmutableBitSet b = out.build();
            return b.isEmpty() ? null : b;
        }
        if (rel instanceof Aggregate a) {
            ImmutableBitSet in = windowFields(a.getInput());
            if (in == null || !a.getGroupSet().intersects(in)) {
                throw new NotClosed();
            }
            ImmutableBitSet.Builder out = ImmutableBitSet.builder();
            int i = 0;
            for (int g : a.getGroupSet()) {
                if (in.get(g)) {
                    out.set(i);
                }
                i++;
            }
            return out.build();
        }
        if (rel instanceof Join j) {
            ImmutableBitSet left = windowFields(j.getLeft());
            ImmutableBitSet right = windowFields(j.getRight());
            JoinInfo info = j.analyzeCondition();
            boolean onWindow = false;
            for (int k = 0; k < info.leftKeys.size(); k++) {
                if (left != null && right != null && left.get(info.leftKeys.get(k)) && right.get(info.rightKeys.get(k))) {
                    onWindow = true;
                }
            }
            if (!onWindow) {
                throw new NotClosed();
            }
            return left.union(right.shift(j.getLeft().getRowType().getFieldCount()));
        }
        if (rel instanceof Union u) {
            ImmutableBitSet common = null;
            for (RelNode in : u.getInputs()) {
                ImmutableBitSet w = windowFields(in);
                if (w == null) {
                    throw new NotClosed();
                }
                common = common == null ? w : common.intersect(w);
            }
            return common;
        }
        throw new NotClosed();
    }

    /** A query of projections and filters: each row's result, at once. */
    private record Select(Node node) implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            for (SqlRow r : evaluate(node, List.of(row), null)) {
                ctx.emit(r);
            }
        }
    }

    /** Emits the result rows a window's evaluation left in the row's payload. */
    private static final class Emit implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            if (row.payload() instanceof List<?> rows && !rows.isEmpty()) {
                ctx.emit(rows);
            }
        }
    }
}
