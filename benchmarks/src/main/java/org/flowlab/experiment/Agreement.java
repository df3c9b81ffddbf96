package org.flowlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.Trace;

/**
 * Whether the engines' final results agree (DESIGN.md, "Results must agree"): every engine's table
 * equals the reference oracle's, computed directly from the trace — and therefore the engines'
 * tables equal each other. An engine that dropped late records or lost some cannot agree; its
 * verdict says whether the late records explain the whole difference.
 *
 * @param resultsAgree  whether every engine equals the oracle
 * @param oracleOutputs how many outputs the oracle's table holds
 * @param verdicts      one per engine, in the comparison's order
 */
public record Agreement(boolean resultsAgree, int oracleOutputs, List<Verdict> verdicts) {

    /** How many differences a verdict lists. */
    public static final int LISTED_DIFFERENCES = 3;

    public Agreement {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * One engine against the oracle.
     *
     * @param paradigm        which engine
     * @param agrees          whether its table equals the oracle's
     * @param differences     how many result keys differ from the oracle's
     * @param firstDifference the first difference ({@code key 7 [10 s, 20 s): expected 3, actual 4}), or empty
     * @param lateRecords     input records it dropped as late
     * @param lostRecords     input records it neither reflected nor counted late (must be 0)
     * @param lateExplainAll  with late records: whether the oracle without them equals its table exactly
     */
    public record Verdict(Paradigm paradigm, boolean agrees, int differences, String firstDifference, long lateRecords,
                          long lostRecords, boolean lateExplainAll) {
        public Verdict {
            Objects.requireNonNull(paradigm, "paradigm");
            Objects.requireNonNull(firstDifference, "firstDifference");
        }

        /** One line: {@code ✓}, or {@code ✗} with why and the first difference. */
        public String summary() {
            if (agrees) {
                return "✓";
            }
            StringBuilder s = new StringBuilder("✗ ");
            if (lostRecords > 0) {
                s.append(lostRecords).append(" records lost; ");
            }
            if (lateRecords > 0) {
                s.append(lateRecords).append(" records dropped as late")
                        .append(lateExplainAll ? " (they explain every difference); " : "; ");
            }
            s.append(differences).append(differences == 1 ? " output differs" : " outputs differ");
            if (!firstDifference.isEmpty()) {
                s.append(", first: ").append(firstDifference);
            }
            return s.toString();
        }
    }

    /** The verdicts of {@code runs} against {@code oracle}, the oracle's table of {@code job} on {@code trace}. */
    public static Agreement check(Job job, Trace trace, ResultTable oracle, List<EngineRun> runs) {
        List<Verdict> verdicts = new ArrayList<>();
        boolean all = true;
        for (EngineRun run : runs) {
            ResultTable actual = run.outcome().results();
            int differences = oracle.countDifferences(actual);
            String first = differences == 0 ? "" : oracle.diff(actual, 1).get(0).toString();
            long late = run.outcome().lateRecords();
            boolean explained = late > 0 && ExpectedResults.of(job, trace, run.outcome()).equals(actual);
            long lost = run.outcome().lostRecords();
            boolean agrees = differences == 0 && lost == 0;
            all &= agrees;
            verdicts.add(new Verdict(run.paradigm(), agrees, differences, first, late, lost, explained));
        }
        return new Agreement(all, oracle.size(), verdicts);
    }

    /** The verdict of {@code paradigm}. */
    public Verdict of(Paradigm paradigm) {
        for (Verdict v : verdicts) {
            if (v.paradigm() == paradigm) {
                return v;
            }
        }
        throw new IllegalArgumentException("no verdict for " + paradigm.id());
    }

    /** The lines of run.json's {@code differences}: one per engine that does not agree. */
    public List<String> differences() {
        List<String> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (!v.agrees()) {
                out.add(v.paradigm().id() + ": " + v.summary().substring(2));
            }
        }
        return out;
    }
}
