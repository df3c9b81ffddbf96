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
        register("retail-etl", "store sales over a day, uploaded in batches, for a nightly ETL of revenue per store and product",
                RetailEtlScenario::generate);
        register("bank-eod", "deposits, withdrawals and transfers on accounts, for end-of-day balances; some postings hours late",
                BankEodScenario::generate);
        register("crm-warehouse", "a quarter of customer emails, calls, visits and purchases at a low rate, for a data warehouse",
                CrmWarehouseScenario::generate);
        register("card-fraud", "card purchases with country and merchant, and labelled fraud bursts abroad",
                CardFraudScenario::generate);
        register("stock-ticks", "bursty trade ticks with random-walk prices and a few hot symbols",
                StockTicksScenario::generate);
        register("infra-monitoring", "CPU and latency of a fleet of hosts every 10 s, with labelled incidents",
                InfraMonitoringScenario::generate);
        register("nexmark", "the Nexmark auction benchmark: persons, auctions and bids (1 : 3 : 46)",
                NexmarkScenario::generate);
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
