package org.flowlab.sim.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.InvalidInputException;

/**
 * The job catalog: for every scenario of the {@link org.flowlab.workloads.scenario.ScenarioCatalog},
 * its jobs, one registration line each, in order — the first is the scenario's default job. No
 * classpath scanning: the list below is the catalog.
 * <pre>{@code
 * Trace trace = WorkloadGenerator.generate("nexmark", 42);
 * ResultTable hot = ReferenceOracle.run(JobCatalog.get("nexmark", "q5").build(trace), trace);
 * }</pre>
 */
public final class JobCatalog {
    private static final Map<String, Map<String, CatalogJob>> JOBS = new LinkedHashMap<>();

    static {
        register("retail-etl", "revenue-per-store-product-day", "net revenue (sales minus returns) per store and product per day",
                RetailJobs::revenuePerStoreProductDay);
        register("retail-etl", "revenue-per-store-day", "net revenue per store per day",
                RetailJobs::revenuePerStoreDay);

        register("bank-eod", "eod-balance", "closing balance of each account at the end of every day it has postings",
                BankJobs::eodBalance);
        register("bank-eod", "net-per-account-day", "net change of each account per day",
                BankJobs::netPerAccountDay);
        register("bank-eod", "reconciliation", "daily totals of deposits, withdrawals and transfer legs; transfers net to zero",
                BankJobs::reconciliation);

        register("crm-warehouse", "interactions-per-segment-week", "interactions per customer segment per week",
                CrmJobs::interactionsPerSegmentWeek);
        register("crm-warehouse", "revenue-per-segment-week", "purchase revenue per customer segment per week",
                CrmJobs::revenuePerSegmentWeek);

        registerDetector("card-fraud", "fraud-alerts", "alert on a purchase above k times the card's running mean, or two countries within 10 minutes",
                CardFraudJobs.PARAMETERS, CardFraudJobs::fraudAlerts);

        register("stock-ticks", "vwap-1s", "volume-weighted average price per symbol per second",
                StockJobs::vwapPerSecond);
        register("stock-ticks", "vwap-1m", "volume-weighted average price per symbol per minute",
                StockJobs::vwapPerMinute);

        registerDetector("infra-monitoring", "cpu-alerts", "alert when a host's p95 CPU over a sliding one-minute window passes 90 %",
                InfraJobs.PARAMETERS, InfraJobs::cpuAlerts);

        register("nexmark", "q0", "pass-through: every event unchanged", NexmarkJobs::q0);
        register("nexmark", "q1", "currency conversion: each bid's price in euros", NexmarkJobs::q1);
        register("nexmark", "q2", "selection: bids on auctions whose id is a multiple of 123", NexmarkJobs::q2);
        register("nexmark", "q3", "local item suggestion: sellers in OR, ID, CA joined with their category-10 auctions", NexmarkJobs::q3);
        register("nexmark", "q4", "average closing price per category: each auction's highest bid while open, averaged", NexmarkJobs::q4);
        register("nexmark", "q5", "hot items: auctions with the most bids per 10 s sliding window, every 2 s", NexmarkJobs::q5);
        register("nexmark", "q7", "highest bid per 10 s tumbling window", NexmarkJobs::q7);
        register("nexmark", "q8", "new users: persons joined with the auctions they opened in the same 10 s window", NexmarkJobs::q8);
        register("nexmark", "q11", "user sessions: bids per bidder per session with a 10 s gap", NexmarkJobs::q11);
    }

    private JobCatalog() {
    }

    private static void register(String scenario, String name, String summary, JobFactory factory) {
        add(new CatalogJob(scenario, name, summary, false, List.of(), factory));
    }

    private static void registerDetector(String scenario, String name, String summary, List<JobParameter> parameters,
                                         JobFactory factory) {
        add(new CatalogJob(scenario, name, summary, true, parameters, factory));
    }

    private static void add(CatalogJob job) {
        Map<String, CatalogJob> jobs = JOBS.computeIfAbsent(job.scenario(), s -> new LinkedHashMap<>());
        if (jobs.putIfAbsent(job.name(), job) != null) {
            throw new IllegalStateException("two catalog jobs are named " + job.qualifiedName());
        }
    }

    /** Every job, scenario by scenario, in catalog order. */
    public static List<CatalogJob> all() {
        List<CatalogJob> out = new ArrayList<>();
        JOBS.values().forEach(jobs -> out.addAll(jobs.values()));
        return List.copyOf(out);
    }

    /** The scenarios that have jobs, in catalog order. */
    public static List<String> scenarios() {
        return List.copyOf(JOBS.keySet());
    }

    /** A scenario's jobs in order, its default first; an unknown scenario is an error listing the known ones. */
    public static List<CatalogJob> forScenario(String scenario) {
        return List.copyOf(jobsOf(scenario).values());
    }

    /** A scenario's default job: the first it lists. */
    public static CatalogJob defaultJob(String scenario) {
        return jobsOf(scenario).values().iterator().next();
    }

    /**
     * One job; an unknown scenario or job is an {@link InvalidInputException} naming it and listing
     * the known ones.
     */
    public static CatalogJob get(String scenario, String jobName) {
        CatalogJob job = jobsOf(scenario).get(jobName);
        if (job == null) {
            throw new InvalidInputException("unknown job '" + jobName + "' for scenario " + scenario
                    + "; known: " + String.join(", ", JOBS.get(scenario).keySet()));
        }
        return job;
    }

    private static Map<String, CatalogJob> jobsOf(String scenario) {
        Map<String, CatalogJob> jobs = JOBS.get(scenario);
        if (jobs == null) {
            throw new InvalidInputException("no jobs for scenario '" + scenario + "'; scenarios with jobs: "
                    + String.join(", ", JOBS.keySet()));
        }
        return jobs;
    }
}
