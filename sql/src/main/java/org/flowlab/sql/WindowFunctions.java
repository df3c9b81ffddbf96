package org.flowlab.sql;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.flowlab.sql.Relations.WindowSpec;
import org.flowlab.workloads.InvalidInputException;

/**
 * The window table functions as Flink SQL defines them, on the row time cut to the millisecond: {@code TUMBLE}
 * and {@code HOP} windows aligned to the epoch ({@code HOP}'s arguments slide, then size), {@code SESSION}
 * windows per partition key that merge when a row comes at most the gap after the session's last row (Flink's
 * sessions merge when they touch). Each row gets {@code window_start} and {@code window_end} appended.
 */
final class WindowFunctions {

    private WindowFunctions() {
    }

    static WindowSpec spec(TableFunctionScan tvf) {
        if (!(tvf.getCall() instanceof RexCall call)) {
            throw new InvalidInputException("SQL: the table function " + tvf.getCall() + " is not supported; supported: TUMBLE, HOP, SESSION");
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        List<RexNode> ops = call.getOperands();
        int time = descriptor(ops.get(0), name);
        switch (name) {
            case "TUMBLE" -> {
                noOffset(ops, 2, name);
                long size = millis(ops.get(1), name);
                return new WindowSpec(name, size, size, time, new int[0]);
            }
            case "HOP" -> {
                noOffset(ops, 3, name);
                long slide = millis(ops.get(1), name);
                long size = millis(ops.get(2), name);
                if (size % slide != 0) {
                    throw new InvalidInputException("SQL: HOP's size (" + size + " ms) must be a multiple of its slide (" + slide + " ms)");
                }
                return new WindowSpec(name, size, slide, time, new int[0]);
            }
            case "SESSION" -> {
                int[] keys = ops.size() == 3 ? descriptors(ops.get(1), name) : new int[0];
                long gap = millis(ops.get(ops.size() - 1), name);
                return new WindowSpec(name, gap, gap, time, keys);
            }
            default -> throw new InvalidInputException("SQL: the table function " + name + " is not supported; supported: TUMBLE, HOP, SESSION");
        }
    }

    private static void noOffset(List<RexNode> ops, int count, String name) {
        if (ops.size() > count) {
            throw new InvalidInputException("SQL: " + name + " with an offset is not supported; windows are aligned to the epoch");
        }
    }

    private static int descriptor(RexNode node, String name) {
        int[] fields = descriptors(node, name);
        if (fields.length != 1) {
            throw new InvalidInputException("SQL: " + name + "'s DESCRIPTOR names one time column");
        }
        return fields[0];
    }

    private static int[] descriptors(RexNode node, String name) {
        if (!(node instanceof RexCall call) || call.getKind() != SqlKind.DESCRIPTOR) {
            throw new InvalidInputException("SQL: " + name + " expects DESCRIPTOR(column), got " + node);
        }
        int[] out = new int[call.getOperands().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((RexInputRef) call.getOperands().get(i)).getIndex();
        }
        return out;
    }

    private static long millis(RexNode node, String name) {
        if (!(node instanceof RexLiteral lit) || !(Expressions.literal(lit) instanceof Long ms) || ms <= 0) {
            throw new InvalidInputException("SQL: " + name + " expects a positive INTERVAL literal, got " + node);
        }
        return ms;
    }

    /** The tuples with their windows' bounds appended: the given window's, or each tuple's own windows. */
    static List<Object[]> assign(WindowSpec spec, List<Object[]> tuples, LocalDateTime[] window) {
        List<Object[]> out = new ArrayList<>(tuples.size());
        if (window != null) {
            for (Object[] t : tuples) {
                out.add(extend(t, window[0], window[1]));
            }
            return out;
        }
        if (spec.function().equals("SESSION")) {
            return sessions(spec, tuples);
        }
        for (Object[] t : tuples) {
            long ms = Relations.epochMillis((LocalDateTime) t[spec.timeField()]);
            long last = ms - Math.floorMod(ms, spec.slideMillis());
            List<Object[]> mine = new ArrayList<>();
            for (long s = last; s > ms - spec.sizeMillis(); s -= spec.slideMillis()) {
                mine.add(0, extend(t, time(s), time(s + spec.sizeMillis())));
            }
            out.addAll(mine);
        }
        return out;
    }

    private static List<Object[]> sessions(WindowSpec spec, List<Object[]> tuples) {
        TreeMap<List<Object>, List<Object[]>> byKey = new TreeMap<>(Accumulators::compareLists);
        for (Object[] t : tuples) {
            List<Object> key = new ArrayList<>();
            for (int k : spec.partitionFields()) {
                key.add(t[k]);
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        List<Object[]> out = new ArrayList<>(tuples.size());
        long gap = spec.sizeMillis();
        for (List<Object[]> rows : byKey.values()) {
            rows.sort(Comparator.comparingLong(t -> Relations.epochMillis((LocalDateTime) t[spec.timeField()])));
            int from = 0;
            while (from < rows.size()) {
                long start = Relations.epochMillis((LocalDateTime) rows.get(from)[spec.timeField()]);
                long end = start + gap;
                int to = from + 1;
                while (to < rows.size()) {
                    long ms = Relations.epochMillis((LocalDateTime) rows.get(to)[spec.timeField()]);
                    if (ms > end) {
                        break;
                    }
                    end = Math.max(end, ms + gap);
                    to++;
                }
                for (int i = from; i < to; i++) {
                    out.add(extend(rows.get(i), time(start), time(end)));
                }
                from = to;
            }
        }
        return out;
    }

    private static Object[] extend(Object[] t, LocalDateTime start, LocalDateTime end) {
        Object[] o = new Object[t.length + 2];
        System.arraycopy(t, 0, o, 0, t.length);
        o[t.length] = start;
        o[t.length + 1] = end;
        return o;
    }

    /** The UTC wall-clock time of milliseconds since the epoch. */
    static LocalDateTime time(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), Math.floorMod(epochMillis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }
}
