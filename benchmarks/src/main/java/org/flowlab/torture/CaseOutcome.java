package org.flowlab.torture;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowlab.sim.engine.EngineType;

/**
 * What one torture run found.
 *
 * @param run        the drawn run
 * @param fired      per engine id, the faults that fired in its run, by kind
 * @param failed     the ids of the engines whose jobs failed for good (legal only with crashes or task failures)
 * @param checked    how many times each invariant was checked in the run
 * @param violations the invariants it broke, in the order checked
 */
public record CaseOutcome(TortureCase run, Map<String, Map<FaultKind, Integer>> fired, List<String> failed,
                          Map<Invariant, Integer> checked, List<Violation> violations) {

    public CaseOutcome {
        Objects.requireNonNull(run, "run");
        fired = Map.copyOf(fired);
        failed = List.copyOf(failed);
        EnumMap<Invariant, Integer> inOrder = new EnumMap<>(Invariant.class);
        inOrder.putAll(checked);
        checked = Collections.unmodifiableMap(inOrder);
        violations = List.copyOf(violations);
    }

    /** A run whose comparison threw {@code e}: one violation of {@link Invariant#COMPLETES}. */
    static CaseOutcome threw(TortureCase run, Throwable e) {
        String where = e.getStackTrace().length == 0 ? "" : " at " + e.getStackTrace()[0];
        Violation v = new Violation(run.index(), Invariant.COMPLETES, "", e.getClass().getSimpleName() + ": "
                + oneLine(e.getMessage()) + where, run.command());
        return new CaseOutcome(run, Map.of(), List.of(), Map.of(Invariant.COMPLETES, 1), List.of(v));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** How many {@code kind} faults fired in {@code engine}'s run. */
    public int fired(EngineType<?> engine, FaultKind kind) {
        return fired.getOrDefault(engine.id(), Map.of()).getOrDefault(kind, 0);
    }
}
