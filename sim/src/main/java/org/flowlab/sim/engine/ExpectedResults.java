package org.flowlab.sim.engine;

import java.util.BitSet;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;

/**
 * The results an engine's run must agree with (DESIGN.md, "Results must agree"): the reference
 * oracle's, on the trace without the records the run counted as late — so that an engine whose
 * allowed lateness does not cover the trace's disorder differs from the oracle by exactly its
 * counted late records, and by nothing else.
 */
public final class ExpectedResults {

    private ExpectedResults() {
    }

    /** The oracle's result of {@code job} on {@code trace} without the records in {@code excluded}. */
    public static ResultTable excluding(Job job, Trace trace, BitSet excluded) {
        if (excluded.isEmpty()) {
            return ReferenceOracle.run(job, trace);
        }
        BitSet dropped = (BitSet) excluded.clone();
        // A source row's id is its trace position, so the source filter can leave the records out
        // without renumbering the trace (ids identify outputs).
        RowFilter kept = job.source().and(RowFilter.where("not late", row -> !dropped.get((int) row.id())));
        return ReferenceOracle.run(new Job(job.name(), job.description(), kept, job.operators()), trace);
    }

    /** What {@code outcome}'s results must equal: the oracle's without the outcome's late records. */
    public static ResultTable of(Job job, Trace trace, RunOutcome outcome) {
        return excluding(job, trace, outcome.lateRecordIds());
    }

    /** An empty string if the outcome agrees, else the difference, expected (oracle) against actual. */
    public static String disagreement(Job job, Trace trace, RunOutcome outcome, int maxLines) {
        return of(job, trace, outcome).diffReport(outcome.results(), maxLines);
    }
}
