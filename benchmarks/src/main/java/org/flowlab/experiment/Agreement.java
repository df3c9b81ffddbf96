package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.table.SqlRow;

/**
 * Whether the engines' final results agree (DESIGN.md, "Results must agree"): every engine's table
 * equals the reference oracle's, computed directly from the trace without the records that engine
 * counted as late — so an engine that dropped records behind its watermark agrees when those
 * records, and nothing else, explain the difference, and says how many it dropped. An engine that
 * lost a record never agrees. An engine whose job failed for good is not judged: its table is what
 * was visible when it failed, so it neither agrees nor disagrees, and the verdict says "failed";
 * the results agree when every engine that finished does.
 *
 * @param resultsAgree  whether every engine that finished agrees (false if none finished)
 * @param oracleOutputs how many outputs the oracle's table holds (a SQL query's: its rows, {@link #outputs})
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
     * @param agrees          whether its table equals the oracle's without its late records, and it lost none
     * @param differences     how many result keys differ from what it must equal: the oracle's
     *                        without its late records
     * @param firstDifference the first such difference ({@code key 7 [10 s, 20 s): expected 3, actual 4}), or empty
     * @param lateRecords     input records it dropped as late
     * @param lostRecords     input records it neither reflected nor counted late (must be 0)
     * @param oracleDifferences how many result keys differ from the oracle's on the whole trace: the
     *                        outputs its late records changed (0 without late records)
     * @param failed          whether its job failed for good: then it is not judged, {@code agrees} is
     *                        false and the counts of differences and lost records are 0
     */
    public record Verdict(EngineType<?> paradigm, boolean agrees, int differences, String firstDifference, long lateRecords,
                          long lostRecords, int oracleDifferences, boolean failed) {
        public Verdict {
            Objects.requireNonNull(paradigm, "paradigm");
            Objects.requireNonNull(firstDifference, "firstDifference");
            if (failed && (agrees || differences != 0 || lostRecords != 0)) {
                throw new IllegalArgumentException("a failed engine is not judged");
            }
        }

        /** The verdict of an engine whose job failed for good. */
        static Verdict ofFailed(EngineType<?> paradigm, long lateRecords) {
            return new Verdict(paradigm, false, 0, "", lateRecords, 0, 0, true);
        }

        /**
         * One line: {@code ✓}, {@code ✓ 12 late} when the records it dropped as late explain every
         * difference from the oracle, {@code ✗} with why and the first difference, or {@code failed}
         * for an engine whose job failed (not judged).
         */
        public String summary() {
            if (failed) {
                return "failed";
            }
            if (agrees) {
                return lateRecords == 0 ? "✓" : "✓ " + lateRecords + " late";
            }
            StringBuilder s = new StringBuilder("✗ ");
            if (lostRecords > 0) {
                s.append(lostRecords).append(" records lost; ");
            }
            if (lateRecords > 0) {
                s.append(lateRecords).append(" records dropped as late do not explain every difference; ");
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
        int finished = 0;
        for (EngineRun run : runs) {
            if (run.outcome().failed()) {
                verdicts.add(Verdict.ofFailed(run.paradigm(), run.outcome().lateRecords()));
                continue;
            }
            finished++;
            ResultTable actual = run.outcome().results();
            long late = run.outcome().lateRecords();
            int fromOracle = oracle.countDifferences(actual);
            ResultTable expected = late == 0 ? oracle : ExpectedResults.of(job, trace, run.outcome());
            int differences = late == 0 ? fromOracle : expected.countDifferences(actual);
            String first = differences == 0 ? "" : expected.diff(actual, 1).get(0).toString();
            long lost = run.outcome().lostRecords();
            boolean agrees = differences == 0 && lost == 0;
            all &= agrees;
            verdicts.add(new Verdict(run.paradigm(), agrees, differences, first, late, lost, fromOracle, false));
        }
        return new Agreement(all && finished > 0, outputs(oracle), verdicts);
    }

    /**
     * How many outputs {@code table} holds, as a reader counts them: an output of a compiled SQL query
     * that holds several rows (a window's rows at one key) counts its rows, as Flink SQL emits them.
     */
    static int outputs(ResultTable table) {
        int n = 0;
        for (Output o : table.outputs()) {
            n += o.value() instanceof List<?> rows && !rows.isEmpty() && rows.get(0) instanceof SqlRow ? rows.size() : 1;
        }
        return n;
    }

    /** The verdict of {@code paradigm}. */
    public Verdict of(EngineType<?> paradigm) {
        for (Verdict v : verdicts) {
            if (v.paradigm().id().equals(paradigm.id())) {
                return v;
            }
        }
        throw new IllegalArgumentException("no verdict for " + paradigm.id());
    }

    /** The engines whose job failed for good, in order: not judged. */
    public List<EngineType<?>> failed() {
        return verdicts.stream().filter(Verdict::failed).map(Verdict::paradigm).toList();
    }

    /**
     * Why the results agree, for people: {@code every engine equals the reference oracle, 809
     * outputs}, or, when some dropped records as late, {@code every engine equals the reference
     * oracle without the records it dropped as late (microbatch 167, stream 167), 809 outputs};
     * when some failed, {@code every engine that finished ...; stream failed, not compared}.
     */
    public String explanation() {
        List<String> late = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (v.lateRecords() > 0 && !v.failed()) {
                late.add(String.format(Locale.ROOT, "%s %,d", v.paradigm().id(), v.lateRecords()));
            }
        }
        List<EngineType<?>> failed = failed();
        if (failed.size() == verdicts.size()) {
            return "every engine failed, so no results were compared";
        }
        String who = failed.isEmpty() ? "every engine" : "every engine that finished";
        String outputs = String.format(Locale.ROOT, "%,d outputs", oracleOutputs);
        String text = late.isEmpty() ? who + " equals the reference oracle, " + outputs
                : who + " equals the reference oracle without the records it dropped as late ("
                + String.join(", ", late) + "), " + outputs;
        return failed.isEmpty() ? text
                : text + "; " + String.join(" and ", failed.stream().map(EngineType::id).toList()) + " failed, not compared";
    }

    /** The lines of run.json's {@code differences}: one per engine that finished and does not agree. */
    public List<String> differences() {
        List<String> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (!v.agrees() && !v.failed()) {
                out.add(v.paradigm().id() + ": " + v.summary().substring(2));
            }
        }
        return out;
    }
}
