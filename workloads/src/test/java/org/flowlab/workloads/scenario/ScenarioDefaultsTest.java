package org.flowlab.workloads.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each scenario's default trace: well formed, of modest size, honest to its rate, with its ground truth. */
class ScenarioDefaultsTest {
    /** Default traces for seed 7, generated once per test class: several tests read the same one. */
    private static final Map<String, Trace> DEFAULTS = new ConcurrentHashMap<>();

    private static Trace defaultTrace(String name) {
        return DEFAULTS.computeIfAbsent(name, n -> WorkloadGenerator.generate(n, 7));
    }

    private static final List<String> MINE = List.of("retail-etl", "bank-eod", "crm-warehouse", "card-fraud",
            "stock-ticks", "infra-monitoring");

    @Test
    void theCatalogListsTheSixScenariosInReadingOrder() {
        assertThat(ScenarioCatalog.names()).containsSubsequence(MINE);
        for (String name : MINE) {
            Scenario s = ScenarioCatalog.get(name);
            assertThat(s.summary()).isNotBlank().doesNotContain("\n");
            assertThat(s.defaults().reader().string("scenario")).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"retail-etl", "bank-eod", "crm-warehouse", "card-fraud", "stock-ticks", "infra-monitoring"})
    void theDefaultTraceIsWellFormedModestAndHonestToItsRate(String name) {
        Trace t = defaultTrace(name);
        assertThat(t.size()).isBetween(100_000, 1_000_000);
        TraceChecks.wellFormed(t);
        TraceChecks.scenarioRules(t);
        ExpectedCount expected = ExpectedCount.of(t.spec());
        assertThat(expected.admits(t.size())).as("%d events, expected %s", t.size(), expected).isTrue();
        assertThat(t.schema().kinds()).allMatch(k -> !k.isBlank());
        assertThat(t.schema().labels().get(0)).isEqualTo("none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"retail-etl", "bank-eod", "crm-warehouse", "card-fraud", "stock-ticks", "infra-monitoring"})
    void everyFieldOfTheDefaultsIsCommented(String name) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/scenarios/" + name + ".json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            // A field that opens a line has a comment above it, or follows a sibling on a line of its own inside a commented group.
            if (line.startsWith("\"")) {
                String above = lines[i - 1].trim();
                boolean commented = above.startsWith("//") || above.startsWith("\"") && above.endsWith(",") && !above.endsWith("{");
                assertThat(commented).as("%s line %d has no comment: %s", name, i + 1, line).isTrue();
            }
        }
        WorkloadSpec spec = WorkloadSpec.defaults(name);
        for (String field : List.of("scenario", "description", "duration", "rate")) {
            assertThat(spec.reader().has(field)).as("%s has %s", name, field).isTrue();
        }
    }

    @Test
    void cardFraudHasLabelledFraudBursts() {
        Trace t = defaultTrace("card-fraud");
        long bursts = t.groundTruth().count(CardFraudScenario.FRAUD_BURST);
        // 5 bursts an hour for 4 hours: 20 expected, Poisson.
        assertThat(bursts).isBetween(5L, 40L);
        int fraud = t.schema().labelIndex("fraud");
        long labelled = IntStream.range(0, t.size()).filter(i -> t.label(i) == fraud).count();
        assertThat(labelled).isBetween(3 * bursts, 8 * bursts);
        double meanFraud = IntStream.range(0, t.size()).filter(i -> t.label(i) == fraud).mapToDouble(t::value).average().orElseThrow();
        double meanOther = IntStream.range(0, t.size()).filter(i -> t.label(i) == 0).mapToDouble(t::value).average().orElseThrow();
        assertThat(meanFraud).as("fraud is large purchases").isGreaterThan(4 * meanOther);
    }

    @Test
    void infraMonitoringHasIncidentsWithHighCpu() {
        Trace t = defaultTrace("infra-monitoring");
        long incidents = t.groundTruth().count(InfraMonitoringScenario.INCIDENT);
        // 3 an hour for 4 hours: 12 expected, Poisson, a few dropped for overlapping.
        assertThat(incidents).isBetween(3L, 30L);
        int label = t.schema().labelIndex("incident");
        double cpuInside = IntStream.range(0, t.size()).filter(i -> t.kind(i) == 0 && t.label(i) == label)
                .mapToDouble(t::value).average().orElseThrow();
        double cpuOutside = IntStream.range(0, t.size()).filter(i -> t.kind(i) == 0 && t.label(i) == 0)
                .mapToDouble(t::value).average().orElseThrow();
        assertThat(cpuInside).isGreaterThan(85);
        assertThat(cpuOutside).isLessThan(50);
        assertThat(InfraMonitoringScenario.hostCount(40, 10 * DurationText.NANOS_PER_SECOND)).isEqualTo(200);
        assertThat(IntStream.range(0, t.size()).mapToLong(t::key).distinct().count()).isEqualTo(200);
    }

    @Test
    void scenariosWithoutEpisodesHaveNoGroundTruth() {
        for (String name : List.of("retail-etl", "bank-eod", "crm-warehouse", "stock-ticks")) {
            Trace t = WorkloadGenerator.generate(WorkloadSpec.defaults(name).withDuration(DurationText.NANOS_PER_HOUR)
                    .withRate(10), 3);
            assertThat(t.groundTruth().episodes()).as(name).isEmpty();
        }
    }

    @Test
    void stockTicksConcentrateOnTheHotSymbols() {
        Trace t = defaultTrace("stock-ticks");
        long hot = IntStream.range(0, t.size()).filter(i -> t.key(i) < 5).count();
        assertThat(hot / (double) t.size()).isBetween(0.38, 0.42);
    }

    @Test
    void commandLineOverridesOfRateAndDurationAreHonoured() {
        WorkloadSpec base = WorkloadSpec.defaults("card-fraud").withDuration(DurationText.NANOS_PER_HOUR).withRate(20);
        Trace one = WorkloadGenerator.generate(base, 5);
        Trace doubled = WorkloadGenerator.generate(base.withRate(40), 5);
        assertThat(ExpectedCount.of(one.spec()).admits(one.size())).isTrue();
        assertThat(ExpectedCount.of(doubled.spec()).admits(doubled.size())).isTrue();
        assertThat(doubled.size()).isGreaterThan(one.size() * 19 / 10);
        // The fraud draws only from its own streams: the same bursts at any ordinary rate.
        assertThat(doubled.groundTruth()).isEqualTo(one.groundTruth());
    }

    @Test
    void retailSalesFollowTheShoppersDay() {
        Trace t = defaultTrace("retail-etl");
        long[] perHour = new long[24];
        for (int i = 0; i < t.size(); i++) {
            perHour[(int) (t.eventTime(i) / DurationText.NANOS_PER_HOUR)]++;
        }
        assertThat(perHour[13]).isGreaterThan(10 * perHour[1]);
        assertThat(IntStream.range(0, 24).boxed().max((a, b) -> Long.compare(perHour[a], perHour[b])).orElseThrow())
                .isBetween(12, 13);
    }

    @Test
    void retailStoresUploadInBatches() {
        // Without network delay or failures, a store's sales arrive only at its upload times.
        WorkloadSpec spec = WorkloadSpec.defaults("retail-etl").merge("test", WorkloadSpec.parseObject("test",
                "{\"disorder\":{\"delay\":{\"type\":\"none\"},\"lateFraction\":0,\"lateDelay\":{\"type\":\"none\"}}}"));
        Trace t = WorkloadGenerator.generate(spec, 7);
        long every = 15 * DurationText.NANOS_PER_MINUTE;
        Map<Long, Set<Long>> phases = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.arrivalTime(i) - t.eventTime(i)).isBetween(0L, every - 1);
            phases.computeIfAbsent(t.key(i), k -> new TreeSet<>()).add(t.arrivalTime(i) % every);
        }
        assertThat(phases.values()).allMatch(p -> p.size() == 1);
    }
}
