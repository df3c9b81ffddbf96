package org.flowlab.torture;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.RandomTaskFailures;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.fault.TaskFailure;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.workloads.text.DurationText;

/**
 * What a torture found, run by run and in total: the faults planned and those that fired, the
 * engines that failed for good, each invariant's checks and violations, and for each violated
 * invariant the command that replays its first violation. A pure function of the torture's
 * settings and the engines: no wall-clock figure is part of it.
 *
 * @param settings the torture
 * @param runs     every run's outcome, in index order
 */
public record TortureSummary(TortureSettings settings, List<CaseOutcome> runs) {

    public TortureSummary {
        runs = List.copyOf(runs);
    }

    static TortureSummary of(TortureSettings settings, List<CaseOutcome> outcomes) {
        return new TortureSummary(settings, outcomes);
    }

    /** Whether every invariant held in every run. */
    public boolean ok() {
        return violations().isEmpty();
    }

    /** Every violation, by run. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        runs.forEach(r -> out.addAll(r.violations()));
        return out;
    }

    /** The violations of each violated invariant, in the invariants' order. */
    public Map<Invariant, List<Violation>> violationsByInvariant() {
        Map<Invariant, List<Violation>> out = new EnumMap<>(Invariant.class);
        for (Violation v : violations()) {
            out.computeIfAbsent(v.invariant(), k -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** How many {@code kind} faults fired in {@code engine}'s runs, summed over the runs. */
    public int fired(EngineType<?> engine, FaultKind kind) {
        int n = 0;
        for (CaseOutcome r : runs) {
            n += r.fired(engine, kind);
        }
        return n;
    }

    /** In how many runs a {@code kind} fault fired in at least one engine. */
    public int runsWhereFired(FaultKind kind) {
        int n = 0;
        for (CaseOutcome r : runs) {
            for (EngineType<?> p : TortureCase.ENGINES) {
                if (r.fired(p, kind) > 0) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** How many of {@code engine}'s runs failed for good. */
    public int failed(EngineType<?> engine) {
        return (int) runs.stream().filter(r -> r.failed().contains(engine.id())).count();
    }

    /** How many times {@code invariant} was checked. */
    public int checked(Invariant invariant) {
        return runs.stream().mapToInt(r -> r.checked().getOrDefault(invariant, 0)).sum();
    }

    /** The summary as the command prints it. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%,d runs from seed %d: traces of %s to %d min of event time at %d to %d events/s; scenarios %s%n",
                runs.size(), settings.seed(), DurationText.format(CaseGenerator.MIN_DURATION), settings.maxMinutes(),
                CaseGenerator.MIN_RATE, CaseGenerator.MAX_RATE, String.join(", ", settings.scenarios())));
        s.append(planned()).append("\n\n");

        s.append(String.format(Locale.ROOT, "%-42s", "faults that fired"));
        for (EngineType<?> p : TortureCase.ENGINES) {
            s.append(String.format(Locale.ROOT, "%12s", p.id()));
        }
        s.append(String.format(Locale.ROOT, "%8s%n", "runs"));
        for (FaultKind k : FaultKind.values()) {
            s.append(String.format(Locale.ROOT, "  %-40s", k.text()));
            for (EngineType<?> p : TortureCase.ENGINES) {
                s.append(String.format(Locale.ROOT, "%,12d", fired(p, k)));
            }
            s.append(String.format(Locale.ROOT, "%,8d%n", runsWhereFired(k)));
        }
        s.append("  (an engine's column: the faults that fired in its runs, summed; runs: those in which one fired in any engine)\n\n");

        int failedTotal = 0;
        List<String> perEngine = new ArrayList<>();
        for (EngineType<?> p : TortureCase.ENGINES) {
            failedTotal += failed(p);
            perEngine.add(p.id() + " " + failed(p));
        }
        s.append(String.format(Locale.ROOT, "engines failed by their restart strategy or retries: %s (%,d of %,d engine runs)%n%n",
                String.join(", ", perEngine), failedTotal, runs.size() * TortureCase.ENGINES.size()));

        s.append(String.format(Locale.ROOT, "%-60s%9s%10s%n", "invariant", "checked", "violated"));
        Map<Invariant, List<Violation>> violated = violationsByInvariant();
        for (Invariant i : Invariant.values()) {
            s.append(String.format(Locale.ROOT, "  %-58s%,9d%,10d%n", i.text(), checked(i), violated.getOrDefault(i, List.of()).size()));
        }
        s.append('\n');
        if (violated.isEmpty()) {
            s.append(String.format(Locale.ROOT, "every invariant held in %,d runs%n", runs.size()));
            return s.toString();
        }
        s.append(String.format(Locale.ROOT, "VIOLATED: %d of %d invariants, in %,d of %,d runs%n", violated.size(),
                Invariant.values().length, runs.stream().filter(r -> !r.violations().isEmpty()).count(), runs.size()));
        for (Map.Entry<Invariant, List<Violation>> e : violated.entrySet()) {
            List<Violation> vs = e.getValue();
            Violation first = vs.get(0);
            s.append(String.format(Locale.ROOT, "%n%s — %s%n", e.getKey().text(), runList(vs)));
            s.append("  first: ").append(first.describe()).append('\n');
            s.append("  replay: ").append(first.command()).append('\n');
        }
        return s.toString();
    }

    /** {@code 3 violations in runs 12, 57, 130}, at most ten runs named. */
    private static String runList(List<Violation> vs) {
        LinkedHashMap<Integer, Boolean> runs = new LinkedHashMap<>();
        vs.forEach(v -> runs.put(v.run(), true));
        List<String> named = new ArrayList<>();
        for (Integer r : runs.keySet()) {
            if (named.size() == 10) {
                named.add("...");
                break;
            }
            named.add(Integer.toString(r));
        }
        return String.format(Locale.ROOT, "%,d %s in %s %s", vs.size(), vs.size() == 1 ? "violation" : "violations",
                runs.size() == 1 ? "run" : runs.size() + " runs:", String.join(", ", named));
    }

    /** {@code faults planned: 342 in 171 runs (86 crashes, ...); 29 runs without faults}. */
    private String planned() {
        int crashes = 0;
        int taskAt = 0;
        int taskMtbf = 0;
        int slow = 0;
        int stalls = 0;
        int without = 0;
        for (CaseOutcome r : runs) {
            List<Fault> faults = r.run().faults().faults();
            if (faults.isEmpty()) {
                without++;
            }
            for (Fault f : faults) {
                if (f instanceof WorkerCrash) {
                    crashes++;
                } else if (f instanceof TaskFailure) {
                    taskAt++;
                } else if (f instanceof RandomTaskFailures) {
                    taskMtbf++;
                } else if (f instanceof SlowWorker) {
                    slow++;
                } else if (f instanceof SourceStall) {
                    stalls++;
                }
            }
        }
        int total = crashes + taskAt + taskMtbf + slow + stalls;
        return String.format(Locale.ROOT, "faults planned: %,d in %,d runs (%,d crashes, %,d task failures at an instant, "
                        + "%,d with a mean time between failures, %,d slow periods, %,d stalls); %,d runs without faults",
                total, runs.size() - without, crashes, taskAt, taskMtbf, slow, stalls, without);
    }
}
