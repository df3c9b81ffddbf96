package org.flowlab.sim.job;

import java.util.Arrays;
import java.util.Comparator;

/** Sorts a {@link ResultTable}'s outputs into key order, fast when keys differ mostly by window end. */
final class OutputSort {
    private static final Comparator<Output> KEY_ORDER = (a, b) -> a.at().compareTo(b.at());

    private OutputSort() {
    }

    /**
     * The outputs {@code a} in key order, {@code ends[i]} being the window end of {@code a[i]} (the
     * array may sort in place). Keys sort by window end first, so when the ends span less than
     * the bits an index leaves free in a long, each output becomes one long — its end's offset
     * above the smallest, then its index — sorted as primitives, and only outputs that share an
     * end are compared as keys; otherwise all are.
     */
    static Output[] byKey(Output[] a, long[] ends) {
        int n = a.length;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, ends[i]);
            max = Math.max(max, ends[i]);
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long span = max - min;
        if (n < 64 || span < 0 || Long.numberOfLeadingZeros(span) <= indexBits) {
            Arrays.sort(a, KEY_ORDER);
            return a;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (ends[i] - min) << indexBits | i;
        }
        Arrays.sort(packed);
        long indexMask = (1L << indexBits) - 1;
        Output[] out = new Output[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[(int) (packed[i] & indexMask)];
        }
        for (int i = 0; i < n; ) {
            int j = i + 1;
            long end = packed[i] >>> indexBits;
            while (j < n && packed[j] >>> indexBits == end) {
                j++;
            }
            if (j - i > 1) {
                Arrays.sort(out, i, j, KEY_ORDER);
            }
            i = j;
        }
        return out;
    }
}
