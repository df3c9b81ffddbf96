package org.flowlab.workloads.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.nexmark.NexmarkScenario;

/**
 * The scenario catalog: one registration line per use case, in the order people read them
 * (batch-shaped first, then stream-shaped, then the benchmark). No classpath scanning.
 */
public final class ScenarioCatalog {
    private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        // One line per scenario: register(name, summary, generator).
        register("nexmark", "the Nexmark auction benchmark: persons, auctions and bids (1 : 3 : 46)", NexmarkScenario::generate);
    }

    private ScenarioCatalog() {
    }

    private static void register(String name, String summary, ScenarioGenerator generator) {
        SCENARIOS.put(name, new Scenario(name, summary, generator));
    }

    /** Every scenario, in catalog order. */
    public static List<Scenario> all() {
        return List.copyOf(SCENARIOS.values());
    }

    /** Every scenario's name, in catalog order. */
    public static List<String> names() {
        return new ArrayList<>(SCENARIOS.keySet());
    }

    /** The named scenario; an unknown name is an {@link InvalidInputException} listing the known ones. */
    public static Scenario get(String name) {
        Scenario s = SCENARIOS.get(name);
        if (s == null) {
            throw new InvalidInputException("unknown scenario '" + name + "'; known: " + String.join(", ", SCENARIOS.keySet()));
        }
        return s;
    }
}
