package org.flowlab.sim.catalog;

import java.util.Arrays;

/**
 * An immutable sorted multiset of doubles, the accumulator of an exact percentile: adding copies
 * the array with the value inserted (O(n), fine for the tens to hundreds of values of a monitoring
 * window), merging two sets is a linear merge. Values are ordered as {@link Double#compare} orders
 * them (-0.0 before 0.0, NaN last), so the order — and so every percentile — does not depend on the
 * order in which the values came.
 */
public final class SortedDoubles {
    private static final SortedDoubles EMPTY = new SortedDoubles(new double[0]);

    private final double[] values;

    private SortedDoubles(double[] values) {
        this.values = values;
    }

    public static SortedDoubles empty() {
        return EMPTY;
    }

    public static SortedDoubles of(double... values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new SortedDoubles(copy);
    }

    public int size() {
        return values.length;
    }

    /** The i-th smallest value, from 0. */
    public double get(int i) {
        return values[i];
    }

    /** This multiset with one more value. */
    public SortedDoubles with(double v) {
        int at = upperBound(v);
        double[] out = new double[values.length + 1];
        System.arraycopy(values, 0, out, 0, at);
        out[at] = v;
        System.arraycopy(values, at, out, at + 1, values.length - at);
        return new SortedDoubles(out);
    }

    /** The multiset of the values of both. */
    public SortedDoubles merge(SortedDoubles other) {
        if (other.values.length == 0) {
            return this;
        }
        if (values.length == 0) {
            return other;
        }
        double[] a = values;
        double[] b = other.values;
        double[] out = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = Double.compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return new SortedDoubles(out);
    }

    /**
     * The nearest-rank percentile: the smallest value such that at least {@code percent} % of the
     * values are at or below it, that is the value of rank {@code ceil(percent / 100 · n)} (from 1).
     * The rank is computed in integers, so p95 of 20 values is exactly the 19th. NaN when empty.
     *
     * @param percent 1 to 100
     */
    public double nearestRank(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percentile must be from 1 to 100 (got " + percent + ")");
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        long rank = ((long) percent * values.length + 99) / 100;
        return values[(int) rank - 1];
    }

    /** The first position whose value sorts after {@code v}, so equal values keep a stable place. */
    private int upperBound(double v) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(values[mid], v) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The values in increasing order. */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SortedDoubles s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
