package org.flowlab.sim.job.aggregate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.flowlab.sim.job.Row;

/**
 * The accumulator of a windowed join: the left rows and the right rows seen so far. Immutable and
 * persistent: adding a row and merging two buffers take constant time and share the old buffers,
 * which stay valid for checkpoints; the rows are only sorted and paired when the window fires.
 */
public final class JoinBuffer {
    private static final JoinBuffer EMPTY = new JoinBuffer(Bag.EMPTY, Bag.EMPTY);

    private final Bag left;
    private final Bag right;

    private JoinBuffer(Bag left, Bag right) {
        this.left = left;
        this.right = right;
    }

    public static JoinBuffer empty() {
        return EMPTY;
    }

    public JoinBuffer withLeft(Row row) {
        return new JoinBuffer(left.with(row), right);
    }

    public JoinBuffer withRight(Row row) {
        return new JoinBuffer(left, right.with(row));
    }

    public JoinBuffer merge(JoinBuffer other) {
        return new JoinBuffer(left.concat(other.left), right.concat(other.right));
    }

    public int leftCount() {
        return left.size;
    }

    public int rightCount() {
        return right.size;
    }

    /** The left rows in {@link Row#ORDER}. */
    public List<Row> left() {
        return left.sorted();
    }

    /** The right rows in {@link Row#ORDER}. */
    public List<Row> right() {
        return right.sorted();
    }

    /** Every left row paired with every right row, in {@link JoinedPair#ORDER}. */
    public List<JoinedPair> pairs() {
        List<Row> l = left();
        List<Row> r = right();
        List<JoinedPair> out = new ArrayList<>(l.size() * r.size());
        for (Row a : l) {
            for (Row b : r) {
                out.add(new JoinedPair(a, b));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "JoinBuffer(" + left.size + " left, " + right.size + " right)";
    }

    /** A persistent bag of rows: a row in front of a bag, or two bags side by side. */
    private static final class Bag {
        static final Bag EMPTY = new Bag(null, null, null, 0);

        final Row row;
        final Bag first;
        final Bag second;
        final int size;

        private Bag(Row row, Bag first, Bag second, int size) {
            this.row = row;
            this.first = first;
            this.second = second;
            this.size = size;
        }

        Bag with(Row r) {
            return new Bag(r, this, null, size + 1);
        }

        Bag concat(Bag other) {
            if (other.size == 0) {
                return this;
            }
            return size == 0 ? other : new Bag(null, this, other, size + other.size);
        }

        List<Row> sorted() {
            List<Row> out = new ArrayList<>(size);
            Deque<Bag> todo = new ArrayDeque<>();
            todo.push(this);
            while (!todo.isEmpty()) {
                Bag b = todo.pop();
                if (b.row != null) {
                    out.add(b.row);
                }
                if (b.first != null) {
                    todo.push(b.first);
                }
                if (b.second != null) {
                    todo.push(b.second);
                }
            }
            out.sort(Row.ORDER);
            return out;
        }
    }
}
