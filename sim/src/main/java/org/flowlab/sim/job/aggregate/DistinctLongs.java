package org.flowlab.sim.job.aggregate;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.flowlab.workloads.hash.LongHash;

/**
 * An immutable set of longs, the accumulator of an exact distinct count. Adding returns a new set
 * sharing all but a path of the old one (a treap with path copying), so adding costs O(log n), not
 * a copy, and old versions held by checkpoints stay valid.
 *
 * <p>Priorities are a bijective hash of the value, so a set has exactly one shape whatever the
 * order of insertion, and no randomness is involved.
 */
public final class DistinctLongs {
    private static final DistinctLongs EMPTY = new DistinctLongs(null, 0);

    private final Node root;
    private final int size;

    private DistinctLongs(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    public static DistinctLongs empty() {
        return EMPTY;
    }

    public static DistinctLongs of(long... values) {
        DistinctLongs s = EMPTY;
        for (long v : values) {
            s = s.with(v);
        }
        return s;
    }

    public int size() {
        return size;
    }

    public boolean contains(long value) {
        Node n = root;
        while (n != null) {
            if (value == n.value) {
                return true;
            }
            n = value < n.value ? n.left : n.right;
        }
        return false;
    }

    /** This set with {@code value} in it; this very set if it is there already. */
    public DistinctLongs with(long value) {
        Node r = insert(root, value, priority(value));
        return r == root ? this : new DistinctLongs(r, size + 1);
    }

    /** The union of the two sets, made by adding the smaller into the larger. */
    public DistinctLongs union(DistinctLongs other) {
        DistinctLongs big = size >= other.size ? this : other;
        DistinctLongs small = big == this ? other : this;
        long[] values = small.toSortedArray();
        DistinctLongs out = big;
        for (long v : values) {
            out = out.with(v);
        }
        return out;
    }

    /** The values in increasing order. */
    public long[] toSortedArray() {
        long[] out = new long[size];
        int i = 0;
        Deque<Node> stack = new ArrayDeque<>();
        Node n = root;
        while (n != null || !stack.isEmpty()) {
            while (n != null) {
                stack.push(n);
                n = n.left;
            }
            n = stack.pop();
            out[i++] = n.value;
            n = n.right;
        }
        return out;
    }

    private static Node insert(Node n, long value, long priority) {
        if (n == null) {
            return new Node(value, priority, null, null);
        }
        if (value == n.value) {
            return n;
        }
        if (value < n.value) {
            Node l = insert(n.left, value, priority);
            if (l == n.left) {
                return n;
            }
            if (l.priority > n.priority) {
                return new Node(l.value, l.priority, l.left, new Node(n.value, n.priority, l.right, n.right));
            }
            return new Node(n.value, n.priority, l, n.right);
        }
        Node r = insert(n.right, value, priority);
        if (r == n.right) {
            return n;
        }
        if (r.priority > n.priority) {
            return new Node(r.value, r.priority, new Node(n.value, n.priority, n.left, r.left), r.right);
        }
        return new Node(n.value, n.priority, n.left, r);
    }

    /** SplitMix64's finaliser: a bijection, so distinct values never share a priority. */
    private static long priority(long v) {
        return LongHash.splitMix64(v);
    }

    private record Node(long value, long priority, Node left, Node right) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistinctLongs d && size == d.size && Arrays.equals(toSortedArray(), d.toSortedArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toSortedArray());
    }

    @Override
    public String toString() {
        if (size <= 20) {
            return Arrays.toString(toSortedArray());
        }
        long[] v = toSortedArray();
        return "[" + v[0] + ", " + v[1] + ", … " + v[size - 1] + "] (" + size + " values)";
    }
}
