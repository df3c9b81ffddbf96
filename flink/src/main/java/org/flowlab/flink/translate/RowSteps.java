package org.flowlab.flink.translate;

import java.util.List;
import org.flowlab.sim.job.Filter;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyBy;
import org.flowlab.sim.job.MapRow;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowPredicate;

/**
 * A run of row-by-row steps (filter, map, keyBy) applied to one row, with the oracle's checks: a map
 * must not return null, nor change the key of a row that a keyBy has keyed.
 */
final class RowSteps {
    private final Job job;
    private final Operator[] steps;
    private final RowPredicate source;

    /**
     * @param source the job's source filter bound to the trace's schema, or null when the rows come
     *               from an earlier step rather than from the trace
     */
    RowSteps(Job job, List<Operator> steps, RowPredicate source) {
        this.job = job;
        this.steps = steps.toArray(Operator[]::new);
        this.source = source;
        for (Operator op : this.steps) {
            if (op.stateful()) {
                throw new IllegalArgumentException(op + " is not a row-by-row step");
            }
        }
    }

    /** The row after the steps, or null if a filter dropped it. */
    Row apply(Row row) {
        if (source != null && !source.test(row)) {
            return null;
        }
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
                row = row.withKey(k.selector().key(row));
                keyed = true;
            }
        }
        return row;
    }
}
