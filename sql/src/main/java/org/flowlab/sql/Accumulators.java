package org.flowlab.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.type.SqlTypeName;
import org.flowlab.sim.job.aggregate.ExactSum;
import org.flowlab.workloads.InvalidInputException;

/**
 * SQL's aggregate functions over one group's tuples, at the moment a partition is evaluated: each is a fresh
 * accumulator filled in place. Sums and means of {@code DOUBLE}s are exact and rounded once ({@link ExactSum}),
 * so they do not depend on the order rows arrive in (Flink adds doubles in arrival order, so its last bits may
 * differ); {@code AVG} of an integer type is an integer, truncated, as in Flink SQL.
 */
final class Accumulators {

    static final String SUPPORTED = "COUNT(*), COUNT(x), COUNT(DISTINCT x), SUM, AVG, MIN, MAX";

    /** One group's accumulator of one aggregate call. */
    interface Accumulator {
        void add(Object[] tuple);

        Object result();
    }

    private Accumulators() {
    }

    /** Makes fresh accumulators of {@code call}. */
    static Supplier<Accumulator> of(AggregateCall call) {
        if (call.filterArg >= 0) {
            throw new InvalidInputException("SQL: FILTER (WHERE ...) on an aggregate is not supported; supported: " + SUPPORTED);
        }
        String name = call.getAggregation().getName();
        List<Integer> args = call.getArgList();
        int arg = args.isEmpty() ? -1 : args.get(0);
        SqlTypeName type = call.getType().getSqlTypeName();
        if (call.isDistinct() && !name.equals("COUNT")) {
            throw new InvalidInputException("SQL: " + name + "(DISTINCT ...) is not supported; supported: " + SUPPORTED);
        }
        return switch (call.getAggregation().getKind()) {
            case COUNT -> call.isDistinct() ? () -> new CountDistinct(args) : () -> new Count(args);
            case SUM, SUM0 -> {
                boolean zero = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.SUM0;
                yield () -> new Sum(arg, type, zero);
            }
            case AVG -> () -> new Avg(arg, type, call.getType().getScale());
            case MIN -> () -> new Extreme(arg, -1);
            case MAX -> () -> new Extreme(arg, 1);
            default -> throw new InvalidInputException("SQL: the aggregate " + name + " is not supported; supported: " + SUPPORTED);
        };
    }

    private static final class Count implements Accumulator {
        private final List<Integer> args;
        private long n;

        Count(List<Integer> args) {
            this.args = args;
        }

        @Override
        public void add(Object[] t) {
            for (int a : args) {
                if (t[a] == null) {
                    return;
                }
            }
            n++;
        }

        @Override
        public Object result() {
            return n;
        }
    }

    private static final class CountDistinct implements Accumulator {
        private final List<Integer> args;
        private final TreeSet<List<Object>> seen = new TreeSet<>(Accumulators::compareLists);

        CountDistinct(List<Integer> args) {
            this.args = args;
        }

        @Override
        public void add(Object[] t) {
            List<Object> key = new ArrayList<>(args.size());
            for (int a : args) {
                if (t[a] == null) {
                    return;
                }
                key.add(t[a]);
            }
            seen.add(key);
        }

        @Override
        public Object result() {
            return (long) seen.size();
        }
    }

    static int compareLists(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? -1 : 1;
                }
                continue;
            }
            int c = Expressions.compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static final class Sum implements Accumulator {
        private final int arg;
        private final SqlTypeName type;
        private final boolean zeroWhenEmpty;
        private long longSum;
        private ExactSum doubleSum = ExactSum.ZERO;
        private BigDecimal decimalSum = BigDecimal.ZERO;
        private boolean any;

        Sum(int arg, SqlTypeName type, boolean zeroWhenEmpty) {
            this.arg = arg;
            this.type = type;
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        public void add(Object[] t) {
            Object v = t[arg];
            if (v == null) {
                return;
            }
            any = true;
            switch (type) {
                case DECIMAL -> decimalSum = decimalSum.add((BigDecimal) v);
                case DOUBLE, FLOAT, REAL -> doubleSum = doubleSum.plus(((Number) v).doubleValue());
                default -> longSum += ((Number) v).longValue();
            }
        }

        @Override
        public Object result() {
            if (!any && !zeroWhenEmpty) {
                return null;
            }
            return switch (type) {
                case DECIMAL -> decimalSum;
                case DOUBLE, FLOAT, REAL -> doubleSum.toDouble();
                default -> longSum;
            };
        }
    }

    /** The sum and count of the non-null values; the mean of doubles divides the exact sum once. */
    private static final class Avg implements Accumulator {
        private final Sum sum;
        private final SqlTypeName type;
        private final int scale;
        private long count;

        Avg(int arg, SqlTypeName type, int scale) {
            this.sum = new Sum(arg, type, false);
            this.type = type;
            this.scale = scale;
        }

        @Override
        public void add(Object[] t) {
            if (t[sum.arg] != null) {
                count++;
                sum.add(t);
            }
        }

        @Override
        public Object result() {
            if (count == 0) {
                return null;
            }
            return switch (type) {
                case DECIMAL -> sum.decimalSum.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
                case DOUBLE, FLOAT, REAL -> sum.doubleSum.dividedBy(count);
                default -> sum.longSum / count;
            };
        }
    }

    private static final class Extreme implements Accumulator {
        private final int arg;
        private final int sign;
        private Object best;

        Extreme(int arg, int sign) {
            this.arg = arg;
            this.sign = sign;
        }

        @Override
        public void add(Object[] t) {
            Object v = t[arg];
            if (v != null && (best == null || sign * Expressions.compare(v, best) > 0)) {
                best = v;
            }
        }

        @Override
        public Object result() {
            return best;
        }
    }
}
