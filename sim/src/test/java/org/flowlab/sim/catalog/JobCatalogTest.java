package org.flowlab.sim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.nexmark.NexmarkScenario;
import org.flowlab.workloads.scenario.BankEodScenario;
import org.flowlab.workloads.scenario.CardFraudScenario;
import org.flowlab.workloads.scenario.InfraMonitoringScenario;
import org.flowlab.workloads.scenario.Scenario;
import org.flowlab.workloads.scenario.ScenarioCatalog;
import org.junit.jupiter.api.Test;

/** The catalog's registrations, lookups and the messages users get for mistakes. */
class JobCatalogTest {

    @Test
    void everyScenarioHasJobsAndADefaultAndNoJobNamesAMissingScenario() {
        for (Scenario s : ScenarioCatalog.all()) {
            List<CatalogJob> jobs = JobCatalog.forScenario(s.name());
            assertThat(jobs).as(s.name()).isNotEmpty();
            assertThat(JobCatalog.defaultJob(s.name())).isEqualTo(jobs.get(0));
        }
        assertThat(JobCatalog.scenarios()).containsExactlyElementsOf(ScenarioCatalog.names());
    }

    @Test
    void theListedJobsAreTheOnesTheIssueNamesInOrder() {
        assertThat(names("retail-etl")).containsExactly("revenue-per-store-product-day", "revenue-per-store-day");
        assertThat(names("bank-eod")).containsExactly("eod-balance", "net-per-account-day", "reconciliation");
        assertThat(names("crm-warehouse")).containsExactly("interactions-per-segment-week", "revenue-per-segment-week");
        assertThat(names("card-fraud")).containsExactly("fraud-alerts");
        assertThat(names("stock-ticks")).containsExactly("vwap-1s", "vwap-1m");
        assertThat(names("infra-monitoring")).containsExactly("cpu-alerts");
        assertThat(names("nexmark")).containsExactly("q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "q11");
        assertThat(JobCatalog.all()).filteredOn(CatalogJob::detector).extracting(CatalogJob::qualifiedName)
                .containsExactly("card-fraud/fraud-alerts", "infra-monitoring/cpu-alerts");
    }

    private static List<String> names(String scenario) {
        return JobCatalog.forScenario(scenario).stream().map(CatalogJob::name).toList();
    }

    @Test
    void everyJobBuildsForItsScenariosSchemaUnderItsOwnNameWithAOneLineExplanation() {
        Set<String> qualified = new HashSet<>();
        for (CatalogJob c : JobCatalog.all()) {
            assertThat(qualified.add(c.qualifiedName())).isTrue();
            assertThat(c.name()).matches("[a-z0-9-]{2,30}");
            assertThat(c.summary()).isNotBlank().doesNotContain("\n");
            assertThat(c.summary().length()).isLessThan(120);
            Job job = c.build(schemaOf(c.scenario()));
            assertThat(job.name()).isEqualTo(c.name());
            assertThat(job.description()).isNotBlank().doesNotContain("\n");
            assertThat(JobCatalog.get(c.scenario(), c.name())).isSameAs(c);
        }
    }

    static TraceSchema schemaOf(String scenario) {
        return SmallTraces.of(scenario, 1).schema();
    }

    @Test
    void anUnknownJobIsAnErrorListingTheScenariosJobs() {
        assertThatThrownBy(() -> JobCatalog.get("nexmark", "q6"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown job 'q6' for scenario nexmark; known: q0, q1, q2, q3, q4, q5, q7, q8, q11");
        assertThatThrownBy(() -> JobCatalog.get("bank-eod", "balance"))
                .hasMessage("unknown job 'balance' for scenario bank-eod; known: eod-balance, net-per-account-day, reconciliation");
        assertThatThrownBy(() -> JobCatalog.forScenario("taxi"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("no jobs for scenario 'taxi'; scenarios with jobs: retail-etl, bank-eod, crm-warehouse, "
                        + "card-fraud, stock-ticks, infra-monitoring, nexmark");
        assertThatThrownBy(() -> JobCatalog.defaultJob("taxi")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parametersHaveDefaultsAndBadOverridesAreOneLineErrors() {
        CatalogJob fraud = JobCatalog.get("card-fraud", "fraud-alerts");
        assertThat(fraud.defaults().asMap()).containsExactly(Map.entry("k", "10"), Map.entry("minHistory", "10"),
                Map.entry("countryWindow", "10m"));
        assertThat(fraud.build(CardFraudScenario.SCHEMA, Map.of("k", "4.5", "countryWindow", "30m")).description())
                .endsWith("two countries within 30m");
        assertThatThrownBy(() -> fraud.build(CardFraudScenario.SCHEMA, Map.of("kk", "3")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("job card-fraud/fraud-alerts: unknown parameter 'kk'; known: k, minHistory, countryWindow");
        assertThatThrownBy(() -> fraud.build(CardFraudScenario.SCHEMA, Map.of("k", "lots")))
                .hasMessage("job card-fraud/fraud-alerts: parameter k must be a number from 1 to 1000 (got \"lots\")");
        assertThatThrownBy(() -> fraud.build(CardFraudScenario.SCHEMA, Map.of("minHistory", "2.5")))
                .hasMessage("job card-fraud/fraud-alerts: parameter minHistory must be a whole number from 1 to 1000 (got \"2.5\")");
        assertThatThrownBy(() -> fraud.build(CardFraudScenario.SCHEMA, Map.of("countryWindow", "0s")))
                .hasMessageStartingWith("job card-fraud/fraud-alerts: parameter countryWindow must be a duration from 1 s to 1 d");
        assertThatThrownBy(() -> JobCatalog.get("nexmark", "q5").build(NexmarkScenario.SCHEMA, Map.of("k", "1")))
                .hasMessage("job nexmark/q5: unknown parameter 'k'; it has none");
    }

    @Test
    void aSlideLargerThanTheWindowIsRejectedWithTheJobModelsReason() {
        CatalogJob cpu = JobCatalog.get("infra-monitoring", "cpu-alerts");
        assertThatThrownBy(() -> cpu.build(InfraMonitoringScenario.SCHEMA, Map.of("window", "30s", "slide", "45s")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("job infra-monitoring/cpu-alerts: sliding window: slide 45 s is larger than the size 30 s");
    }

    @Test
    void aTraceOfAnotherScenarioIsRejectedNamingTheMissingKind() {
        assertThatThrownBy(() -> JobCatalog.get("bank-eod", "reconciliation").build(NexmarkScenario.SCHEMA))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("job bank-eod/reconciliation: the trace has no event kind 'deposit' (its kinds are "
                        + "[person, auction, bid]); generate it from the job's scenario");
        assertThatThrownBy(() -> JobCatalog.get("nexmark", "q8").build(BankEodScenario.SCHEMA))
                .hasMessageContaining("no event kind 'person'");
    }
}
