package org.flowlab.torture;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.workloads.InvalidInputException;

/**
 * What a torture runs: how many runs, from which seed, how long their traces may be, from which
 * catalog scenarios.
 *
 * @param runs       how many runs, 1 to {@value #MAX_RUNS}
 * @param seed       the torture's seed: with the other settings it fixes every run
 * @param maxMinutes the longest trace, minutes of event time, 1 to {@value #MAX_MINUTES}
 * @param scenarios  the catalog scenarios to draw from, distinct, at least one
 */
public record TortureSettings(int runs, long seed, int maxMinutes, List<String> scenarios) {

    public static final int MAX_RUNS = 10_000_000;
    public static final int MAX_MINUTES = 60;
    /** The default bound on a trace: short enough that 200 runs take a few minutes on 2 cores. */
    public static final int DEFAULT_MINUTES = 5;

    public TortureSettings {
        Objects.requireNonNull(scenarios, "scenarios");
        if (runs < 1 || runs > MAX_RUNS) {
            throw new InvalidInputException("--runs: must be 1 to " + MAX_RUNS + " (got " + runs + ")");
        }
        if (maxMinutes < 1 || maxMinutes > MAX_MINUTES) {
            throw new InvalidInputException("--minutes: must be 1 to " + MAX_MINUTES + " (got " + maxMinutes + ")");
        }
        if (scenarios.isEmpty()) {
            throw new InvalidInputException("--scenario: name at least one of " + String.join(", ", JobCatalog.scenarios()));
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String s : scenarios) {
            if (!JobCatalog.scenarios().contains(s)) {
                throw new InvalidInputException("--scenario: '" + s + "' is not a catalog scenario; known: "
                        + String.join(", ", JobCatalog.scenarios()));
            }
            distinct.add(s);
        }
        scenarios = List.copyOf(distinct);
    }

    /** {@code runs} runs from {@code seed} over every catalog scenario, traces up to {@value #DEFAULT_MINUTES} minutes. */
    public static TortureSettings of(int runs, long seed) {
        return new TortureSettings(runs, seed, DEFAULT_MINUTES, JobCatalog.scenarios());
    }

    public TortureSettings withMaxMinutes(int minutes) {
        return new TortureSettings(runs, seed, minutes, scenarios);
    }

    public TortureSettings withScenarios(List<String> names) {
        return new TortureSettings(runs, seed, maxMinutes, names);
    }

    /** The generator of this torture's runs. */
    public CaseGenerator generator() {
        return new CaseGenerator(seed, maxMinutes, scenarios);
    }
}
