package org.flowlab.sql;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rex.RexNode;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sql.Expressions.Expr;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTable;

/**
 * A logical plan compiled to an evaluator over one partition of the input: the source rows a window (or all of
 * time) holds. Scans read the rows of their table's kinds; a window table function gives each row its windows
 * (within a partition that is one window, its bounds the partition's), projections, filters, aggregates, inner
 * joins and UNION ALL follow. Built once per query and immutable, so engines' threads share it.
 */
final class Relations {

    static final String SUPPORTED = "SELECT, WHERE, GROUP BY, HAVING, inner JOIN, UNION ALL, and the window table"
            + " functions TUMBLE, HOP and SESSION";

    /** What a plan is evaluated over: the source rows and, in a windowed partition, its window. */
    record Partition(List<Row> rows, TimeWindow window) {
    }

    /** A compiled relational operator. */
    interface Node {
        List<Object[]> eval(Partition p);
    }

    /** A window table function's parameters, in milliseconds. */
    record WindowSpec(String function, long sizeMillis, long slideMillis, int timeField, int[] partitionFields) {
        boolean sameAs(WindowSpec o) {
            return function.equals(o.function) && sizeMillis == o.sizeMillis && slideMillis == o.slideMillis;
        }
    }

    private final TraceSchema schema;
    private final long originMillis;
    final List<WindowSpec> windows = new ArrayList<>();
    final List<String> tables = new ArrayList<>();

    Relations(TraceSchema schema) {
        this.schema = schema;
        this.originMillis = schema.tables().originMillis();
    }

    Node compile(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return scan(scan);
        }
        if (rel instanceof Project project) {
            Node input = compile(project.getInput());
            List<Expr> exprs = new ArrayList<>();
            for (RexNode e : project.getProjects()) {
                exprs.add(Expressions.compile(e, project.getCluster().getRexBuilder()));
            }
            return p -> {
                List<Object[]> in = input.eval(p);
                List<Object[]> out = new ArrayList<>(in.size());
                for (Object[] t : in) {
                    Object[] o = new Object[exprs.size()];
                    for (int i = 0; i < o.length; i++) {
                        o[i] = exprs.get(i).eval(t);
                    }
                    out.add(o);
                }
                return out;
            };
        }
        if (rel instanceof Filter filter) {
            Node input = compile(filter.getInput());
            Expr condition = Expressions.compile(filter.getCondition(), filter.getCluster().getRexBuilder());
            return p -> {
                List<Object[]> out = new ArrayList<>();
                for (Object[] t : input.eval(p)) {
                    if (Expressions.holds(condition, t)) {
                        out.add(t);
                    }
                }
                return out;
            };
        }
        if (rel instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        if (rel instanceof Join join) {
            return join(join);
        }
        if (rel instanceof TableFunctionScan tvf) {
            return window(tvf);
        }
        if (rel instanceof Union union && union.all) {
            List<Node> inputs = new ArrayList<>();
            for (RelNode in : union.getInputs()) {
                inputs.add(compile(in));
            }
            return p -> {
                List<Object[]> out = new ArrayList<>();
                for (Node n : inputs) {
                    out.addAll(n.eval(p));
                }
                return out;
            };
        }
        throw new InvalidInputException("SQL: " + construct(rel) + " is not supported; supported: " + SUPPORTED);
    }

    private static String construct(RelNode rel) {
        if (rel instanceof Sort sort) {
            return sort.getCollation().getFieldCollations().isEmpty() ? "LIMIT / FETCH" : "ORDER BY";
        }
        if (rel instanceof Union) {
            return "UNION (without ALL)";
        }
        String type = rel.getRelTypeName().replace("Logical", "");
        return switch (type) {
            case "Values" -> "VALUES (a query without a table)";
            case "Window" -> "an OVER window";
            case "Correlate" -> "a correlated subquery";
            case "Minus", "Intersect" -> type.toUpperCase(java.util.Locale.ROOT);
            default -> type;
        };
    }

    private Node scan(TableScan scan) {
        String name = scan.getTable().getQualifiedName().get(scan.getTable().getQualifiedName().size() - 1);
        TraceTable table = schema.tables().table(name);
        tables.add(table.name());
        boolean[] kinds = new boolean[schema.kinds().size()];
        for (int k = 0; k < kinds.length; k++) {
            kinds[k] = table.holdsKind(schema.kinds().get(k));
        }
        List<TraceColumn> columns = table.columns();
        return p -> {
            List<Object[]> out = new ArrayList<>();
            for (Row r : p.rows()) {
                if (r.kind() >= 0 && r.kind() < kinds.length && kinds[r.kind()]) {
                    Object[] t = new Object[columns.size()];
                    for (int i = 0; i < t.length; i++) {
                        t[i] = read(columns.get(i), r);
                    }
                    out.add(t);
                }
            }
            return out;
        };
    }

    /** Column {@code c} of a source row: the row's field in {@link TraceField#rawOf}'s form, decoded by the column. */
    private Object read(TraceColumn c, Row r) {
        long raw = switch (c.field()) {
            case EVENT_TIME -> r.eventTime();
            case KIND -> r.kind();
            case KEY -> r.payload() instanceof Long key ? key : r.key();
            case VALUE -> Double.doubleToRawLongBits(r.value());
            case ATTR1 -> r.attr1();
            case ATTR2 -> r.attr2();
            case ATTR3 -> r.attr3();
        };
        return c.decode(raw, schema.kinds(), originMillis);
    }

    private Node aggregate(Aggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            throw new InvalidInputException("SQL: GROUPING SETS, ROLLUP and CUBE are not supported; supported: " + SUPPORTED);
        }
        Node input = compile(aggregate.getInput());
        int[] keys = aggregate.getGroupSet().toArray();
        List<Supplier<Accumulators.Accumulator>> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            calls.add(Accumulators.of(call));
        }
        return p -> {
            TreeMap<List<Object>, Accumulators.Accumulator[]> groups = new TreeMap<>(Accumulators::compareLists);
            for (Object[] t : input.eval(p)) {
                List<Object> key = new ArrayList<>(keys.length);
                for (int k : keys) {
                    key.add(t[k]);
                }
                Accumulators.Accumulator[] accs = groups.computeIfAbsent(key, k -> {
                    Accumulators.Accumulator[] a = new Accumulators.Accumulator[calls.size()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = calls.get(i).get();
                    }
                    return a;
                });
                for (Accumulators.Accumulator a : accs) {
                    a.add(t);
                }
            }
            if (groups.isEmpty() && keys.length == 0) {
                // A global aggregate of no rows is one row (COUNT 0), in SQL and Flink's batch mode alike.
                Accumulators.Accumulator[] a = new Accumulators.Accumulator[calls.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = calls.get(i).get();
                }
                groups.put(List.of(), a);
            }
            List<Object[]> out = new ArrayList<>(groups.size());
            for (var e : groups.entrySet()) {
                Object[] o = new Object[keys.length + calls.size()];
                for (int i = 0; i < keys.length; i++) {
                    o[i] = e.getKey().get(i);
                }
                for (int i = 0; i < calls.size(); i++) {
                    o[keys.length + i] = e.getValue()[i].result();
                }
                out.add(o);
            }
            return out;
        };
    }

    private Node join(Join join) {
        if (join.getJoinType() != JoinRelType.INNER) {
            throw new InvalidInputException("SQL: " + join.getJoinType().name() + " JOIN is not supported; supported: " + SUPPORTED);
        }
        Node left = compile(join.getLeft());
        Node right = compile(join.getRight());
        JoinInfo info = join.analyzeCondition();
        int[] leftKeys = info.leftKeys.toIntArray();
        int[] rightKeys = info.rightKeys.toIntArray();
        Expr condition = Expressions.compile(join.getCondition(), join.getCluster().getRexBuilder());
        int leftWidth = join.getLeft().getRowType().getFieldCount();
        return p -> {
            Map<List<Object>, List<Object[]>> byKey = new HashMap<>();
            for (Object[] r : right.eval(p)) {
                List<Object> key = key(r, rightKeys);
                if (key != null) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                }
            }
            List<Object[]> out = new ArrayList<>();
            for (Object[] l : left.eval(p)) {
                List<Object> key = key(l, leftKeys);
                List<Object[]> matches = key == null ? null : byKey.get(key);
                if (matches == null) {
                    continue;
                }
                for (Object[] r : matches) {
                    Object[] o = new Object[leftWidth + r.length];
                    System.arraycopy(l, 0, o, 0, leftWidth);
                    System.arraycopy(r, 0, o, leftWidth, r.length);
                    if (Expressions.holds(condition, o)) {
                        out.add(o);
                    }
                }
            }
            return out;
        };
    }

    /** The equi-join key of a tuple (numbers of one class per column, as Calcite casts both sides alike), or null if a part is NULL. */
    private static List<Object> key(Object[] t, int[] fields) {
        List<Object> key = new ArrayList<>(fields.length);
        for (int f : fields) {
            if (t[f] == null) {
                return null;
            }
            key.add(t[f]);
        }
        return key;
    }

    private Node window(TableFunctionScan tvf) {
        WindowSpec spec = WindowFunctions.spec(tvf);
        windows.add(spec);
        Node input = compile(tvf.getInputs().get(0));
        return p -> WindowFunctions.assign(spec, input.eval(p), p.window() == null ? null
                : new LocalDateTime[]{time(p.window().start()), time(p.window().end())});
    }

    private LocalDateTime time(long nanos) {
        return TraceColumn.timestamp(nanos, originMillis);
    }

    static long epochMillis(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
