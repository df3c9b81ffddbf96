package org.flowlab.sim.engine;

import java.util.List;
import org.flowlab.sim.job.Filter;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyBy;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.MapRow;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowPredicate;
import org.flowlab.sim.job.SessionWindows;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.workloads.Trace;

/**
 * The event-time contract's lateness rules worked out from a job and a trace alone, for the
 * contract properties: where a record meets the job's first stateful step (after the source
 * filter and the stateless steps before it), and whether it is late against a given watermark.
 * Written from the rules in {@link EventTimeContract}'s documentation, not from an engine.
 */
final class ContractLateness {
    private final Job job;
    private final Trace trace;
    private final RowPredicate source;
    private final EventTimeContract contract;
    /** The largest event time among records 0..i (the trace is in arrival order). */
    private final long[] maxEventTimeUpTo;

    ContractLateness(Job job, Trace trace, EventTimeContract contract) {
        this.job = job;
        this.trace = trace;
        this.source = job.source().bind(trace.schema());
        this.contract = contract;
        this.maxEventTimeUpTo = new long[trace.size()];
        long max = Long.MIN_VALUE;
        for (int i = 0; i < trace.size(); i++) {
            max = Math.max(max, trace.eventTime(i));
            maxEventTimeUpTo[i] = max;
        }
    }

    /** Whether record {@code i} reaches a stateful step: only those are judged. */
    boolean reachesStatefulStep(int i) {
        return rowAtFirstStatefulStep(i) != null;
    }

    /** Whether record {@code i} is late against {@code watermark}; false if it reaches no stateful step. */
    boolean isLate(int i, long watermark) {
        Row row = rowAtFirstStatefulStep(i);
        if (row == null) {
            return false;
        }
        int index = firstStatefulIndex();
        Operator op = job.operators().get(index);
        if (op instanceof KeyedProcess || (op instanceof WindowAggregate w && w.window() instanceof SessionWindows)) {
            return contract.rowIsLate(row.eventTime(), watermark);
        }
        WindowAggregate w = (WindowAggregate) op;
        List<TimeWindow> windows = w.window().windowsOf(row.eventTime());
        long firstEnd = Long.MAX_VALUE;
        for (TimeWindow t : windows) {
            firstEnd = Math.min(firstEnd, t.end());
        }
        return !windows.isEmpty() && contract.windowRowIsLate(firstEnd, job.isLast(index), watermark);
    }

    /**
     * The watermark no engine may have judged record {@code i} against more than: the contract's
     * watermark after every event time that had arrived by {@code by} (the record's first-visible
     * time: it was judged before it became visible).
     */
    long watermarkBound(long by) {
        int arrived = 0;
        while (arrived < trace.size() && trace.arrivalTime(arrived) <= by) {
            arrived++;
        }
        return arrived == 0 ? Long.MIN_VALUE : contract.watermarkAfter(maxEventTimeUpTo[arrived - 1]);
    }

    private int firstStatefulIndex() {
        for (int k = 0; k < job.operators().size(); k++) {
            if (job.operators().get(k).stateful()) {
                return k;
            }
        }
        return -1;
    }

    private Row rowAtFirstStatefulStep(int i) {
        Row row = Row.of(trace, i);
        if (!source.test(row)) {
            return null;
        }
        for (Operator op : job.operators()) {
            if (op.stateful()) {
                return row;
            }
            if (op instanceof Filter f) {
                if (!f.predicate().test(row)) {
                    return null;
                }
            } else if (op instanceof MapRow m) {
                row = m.function().apply(row);
            } else if (op instanceof KeyBy k) {
                row = row.withKey(k.selector().key(row));
            }
        }
        return null;
    }
}
