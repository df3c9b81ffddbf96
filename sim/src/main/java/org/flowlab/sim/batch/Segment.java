package org.flowlab.sim.batch;

import java.util.List;
import org.flowlab.sim.job.Filter;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyBy;
import org.flowlab.sim.job.MapRow;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.Row;

/**
 * A run of stateless steps between two stateful ones (or before the first, or after the last),
 * applied row by row with the oracle's checks: a map may not return null, nor change the key of
 * a keyed row.
 */
final class Segment {
    private final Job job;
    private final Operator[] steps;

    Segment(Job job, List<Operator> steps) {
        this.job = job;
        this.steps = steps.toArray(new Operator[0]);
        for (Operator op : this.steps) {
            if (op.stateful()) {
                throw new IllegalArgumentException(op + " is stateful");
            }
        }
    }

    boolean isEmpty() {
        return steps.length == 0;
    }

    /** The row after every step, or null if a filter drops it. */
    Row apply(Row row) {
        boolean keyed = false;
        for (Operator op : steps) {
            if (op instanceof Filter f) {
                if (!f.predicate().test(row)) {
                    return null;
                }
            } else if (op instanceof MapRow m) {
                Row mapped = m.function().apply(row);
                if (mapped == null) {
                    throw new IllegalStateException("job " + job.name() + ": " + m + " returned null for " + row);
                }
                if (keyed && mapped.key() != row.key()) {
                    throw new IllegalStateException("job " + job.name() + ": " + m + " changed the key of a keyed row ("
                            + row.key() + " to " + mapped.key() + "); put a keyBy after it instead");
                }
                row = mapped;
            } else if (op instanceof KeyBy k) {
                long key = k.selector().key(row);
                // Rows are values: keying by the key a row already has leaves it as it is.
                row = key == row.key() ? row : row.withKey(key);
                keyed = true;
            }
        }
        return row;
    }
}
