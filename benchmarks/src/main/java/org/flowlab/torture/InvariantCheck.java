package org.flowlab.torture;

import org.flowlab.sim.stream.StreamEngineType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.experiment.Agreement;
import org.flowlab.experiment.ComparisonResult;
import org.flowlab.sim.stream.Delivery;
import org.flowlab.experiment.EngineRun;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.metrics.FaultTally;
import org.flowlab.sim.metrics.RecoveryFigures;
import org.flowlab.workloads.text.DurationText;

/**
 * Holds one torture run to the {@link Invariant}s: its comparison, run as {@code flowlab compare}
 * runs it, and the run.json text of that comparison and of a second run of the same case.
 */
final class InvariantCheck {
    private final TortureCase run;
    private final Map<Invariant, Integer> checked = new EnumMap<>(Invariant.class);
    private final List<Violation> violations = new ArrayList<>();

    private InvariantCheck(TortureCase run) {
        this.run = run;
    }

    /**
     * The invariants of {@code run} given its comparison {@code result}, whose run.json is
     * {@code json}, and the run.json {@code again} of the same case run a second time (both
     * without their unstable fields: {@link RunJson}).
     */
    static CaseOutcome check(TortureCase run, ComparisonResult result, String json, String again) {
        InvariantCheck c = new InvariantCheck(run);
        FaultPlan faults = result.plan().faults();
        boolean failures = hasFailures(faults);
        Map<String, Map<FaultKind, Integer>> fired = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        c.expect(Invariant.COMPLETES, "", true, "");
        for (EngineRun r : result.runs()) {
            RunOutcome o = r.outcome();
            String engine = r.paradigm().id();
            fired.put(engine, FiredFaults.of(faults, result.trace(), o));
            c.expect(Invariant.RECORDS_IN, engine, o.metrics().recordsIn() == result.trace().size(),
                    String.format(Locale.ROOT, "recordsIn %,d, the trace has %,d", o.metrics().recordsIn(), result.trace().size()));
            c.expect(Invariant.NO_FAILURE_WITHOUT_FAULT, engine, !o.failed() || failures,
                    "failed at " + DurationText.format(o.status().failedAt()) + " (" + o.status().reason() + ") with faults " + faults);
            if (o.failed()) {
                failed.add(engine);
                continue;
            }
            Agreement.Verdict v = result.agreement().of(r.paradigm());
            c.expect(Invariant.RESULTS, engine, v.differences() == 0, String.format(Locale.ROOT,
                    "%,d of the oracle's %,d outputs differ from it without the %,d records counted late; first: %s",
                    v.differences(), result.agreement().oracleOutputs(), v.lateRecords(), v.firstDifference()));
            c.expect(Invariant.NOTHING_LOST, engine, o.lostRecords() == 0,
                    String.format(Locale.ROOT, "%,d records neither visible nor counted late", o.lostRecords()));
            if (result.settings().of(StreamEngineType.STREAM).delivery() == Delivery.EXACTLY_ONCE) {
                long duplicates = Math.max(o.duplicateOutputs(), o.metrics().recovery().duplicates());
                c.expect(Invariant.NO_DUPLICATES, engine, duplicates == 0,
                        String.format(Locale.ROOT, "%,d duplicate outputs under exactly-once", duplicates));
            }
            if (!failures) {
                RecoveryFigures rec = o.metrics().recovery();
                FaultTally tally = o.metrics().faults();
                boolean quiet = rec.restarts() == 0 && rec.reprocessed() == 0 && rec.timeNanos() == 0 && rec.duplicates() == 0
                        && o.duplicateOutputs() == 0 && tally.equals(FaultTally.NONE);
                c.expect(Invariant.QUIET_WITHOUT_FAILURES, engine, quiet, String.format(Locale.ROOT,
                        "with faults %s: %d restarts, %,d reprocessed, %,d duplicates, recovery time %s, faults counted %s",
                        faults, rec.restarts(), rec.reprocessed(), Math.max(rec.duplicates(), o.duplicateOutputs()),
                        DurationText.format(rec.timeNanos()), tally));
            }
        }
        c.expect(Invariant.REPEATABLE, "", json.equals(again), "run.json differs the second time, " + RunJson.firstDifference(json, again));
        return new CaseOutcome(run, fired, failed, c.checked, c.violations);
    }

    /** Whether {@code faults} can make work fail: crashes or task failures. */
    static boolean hasFailures(FaultPlan faults) {
        return !faults.crashes().isEmpty() || faults.hasTaskFailures();
    }

    private void expect(Invariant invariant, String engine, boolean holds, String detail) {
        checked.merge(invariant, 1, Integer::sum);
        if (!holds) {
            violations.add(new Violation(run.index(), invariant, engine, detail, run.command()));
        }
    }
}
