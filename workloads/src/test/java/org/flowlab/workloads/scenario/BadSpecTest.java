package org.flowlab.workloads.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.SpecText;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.arrival.ArrivalProcess;
import org.flowlab.workloads.disorder.Disorder;
import org.flowlab.workloads.keys.KeyDistribution;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.values.ValueDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user's mistake in a spec is an {@link InvalidInputException} with one line that names the
 * file, the field's path and what is allowed, raised before anything is generated.
 */
class BadSpecTest {
    private static final String FILE = "my-spec.json";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("card-fraud", "{\"rate\":\"-5/s\"}", "my-spec.json: rate: must be a rate such as"),
                Arguments.of("card-fraud", "{\"rate\":-5}", "my-spec.json: rate: must be > 0 (got -5.0)"),
                Arguments.of("stock-ticks", "{\"arrival\":{\"lowRate\":\"-1/s\"}}", "my-spec.json: arrival.lowRate: must be a rate"),
                Arguments.of("card-fraud", "{\"merchants\":{\"s\":0}}", "my-spec.json: merchants.s: must be > 0 (got 0.0)"),
                Arguments.of("retail-etl", "{\"products\":{\"s\":-1.1}}", "my-spec.json: products.s: must be > 0 (got -1.1)"),
                Arguments.of("card-fraud", "{\"abroadFraction\":1.5}",
                        "my-spec.json: abroadFraction: must be a probability between 0 and 1 (got 1.5)"),
                Arguments.of("bank-eod", "{\"disorder\":{\"lateFraction\":-0.1}}",
                        "my-spec.json: disorder.lateFraction: must be a probability between 0 and 1 (got -0.1)"),
                Arguments.of("stock-ticks", "{\"symbols\":{\"hotFraction\":2}}",
                        "my-spec.json: symbols.hotFraction: must be a probability between 0 and 1 (got 2.0)"),
                Arguments.of("retail-etl", "{\"arrival\":{\"troughFraction\":1.01}}",
                        "my-spec.json: arrival.troughFraction: must be a probability between 0 and 1 (got 1.01)"),
                Arguments.of("crm-warehouse", "{\"duration\":\"0s\"}", "my-spec.json: duration: must be a positive duration (got \"0s\")"),
                Arguments.of("infra-monitoring", "{\"period\":\"0ms\"}", "my-spec.json: period: must be a positive duration (got \"0ms\")"),
                Arguments.of("card-fraud", "{\"fraud\":{\"burstLength\":\"0s\"}}",
                        "my-spec.json: fraud.burstLength: must be a positive duration (got \"0s\")"),
                Arguments.of("card-fraud", "{\"zipfs\":1}", "my-spec.json: zipfs: unknown field; allowed here: abroadFraction, amount,"),
                Arguments.of("card-fraud", "{\"fraud\":{\"burstsPerHr\":3}}", "my-spec.json: fraud.burstsPerHr: unknown field; allowed here: amount,"),
                Arguments.of("bank-eod", "{\"amounts\":{\"deposit\":{\"medain\":3}}}", "my-spec.json: amounts.deposit.medain: unknown field"),
                Arguments.of("card-fraud", "{\"arrival\":{\"type\":\"gaussian\"}}",
                        "my-spec.json: arrival.type: must be one of constant, poisson, bursty, diurnal (got \"gaussian\")"),
                Arguments.of("retail-etl", "{\"stores\":{\"type\":\"pareto\",\"n\":5}}",
                        "my-spec.json: stores.type: must be one of uniform, zipf, hot (got \"pareto\")"),
                Arguments.of("stock-ticks", "{\"disorder\":{\"delay\":{\"type\":\"gamma\"}}}",
                        "my-spec.json: disorder.delay.type: must be one of none, fixed, exponential, uniform, lognormal (got \"gamma\")"),
                Arguments.of("crm-warehouse", "{\"purchaseAmount\":{\"type\":\"weibull\"}}",
                        "my-spec.json: purchaseAmount.type: must be one of fixed, uniform, normal, lognormal, exponential"),
                Arguments.of("infra-monitoring", "{\"jitter\":\"5s\"}", "my-spec.json: jitter: must be less than half the period"),
                Arguments.of("bank-eod", "{\"mix\":{\"deposit\":0,\"withdrawal\":0,\"transfer\":0}}",
                        "my-spec.json: mix.deposit: the weights of deposit, withdrawal, transfer must not all be 0"),
                Arguments.of("card-fraud", "{\"fraud\":{\"burstsPerHour\":100000}}", "my-spec.json: fraud.burstsPerHour: fraud bursts would make"),
                Arguments.of("card-fraud", "{\"fraud\":{\"maxTransactions\":2}}",
                        "my-spec.json: fraud.maxTransactions: must be a whole number between 3 and 1000 (got 2)"),
                // As written: cast to a long, 1e308 would read 9223372036854775807.
                Arguments.of("card-fraud", "{\"fraud\":{\"maxTransactions\":1e308}}",
                        "my-spec.json: fraud.maxTransactions: must be a whole number between 3 and 1000 (got 1e308)"),
                Arguments.of("card-fraud", "{\"countries\":{\"n\":1e308}}",
                        "my-spec.json: countries.n: must be a whole number between 1 and 2147483647 (got 1e308)"),
                Arguments.of("stock-ticks", "{\"rate\":\"10m/s\",\"duration\":\"1d\"}", "my-spec.json: rate: rate x duration is about"),
                Arguments.of("stock-ticks", "{\"arrival\":{\"highRate\":\"10/s\"}}", "my-spec.json: arrival.highRate: must be at least lowRate"),
                Arguments.of("card-fraud", "{\"cards\":{\"n\":20000000}}",
                        "my-spec.json: cards.n: must be at most 10,000,000 here (got 20,000,000)"),
                Arguments.of("infra-monitoring", "{\"rate\":\"3m/s\",\"period\":\"10s\",\"duration\":\"1s\"}",
                        "my-spec.json: rate: gives 15,000,000 hosts"),
                // One host is the least, so a tiny rate does not keep the events of a long span down.
                Arguments.of("infra-monitoring", "{\"rate\":\"1/d\",\"period\":\"2s\",\"jitter\":\"0s\",\"duration\":\"3000d\"}",
                        "my-spec.json: duration: gives about 2.59e+08 events (1 hosts reporting 2 metrics every 2s), more than "
                                + "the 100,000,000 a trace may hold"),
                // Drawn one by one, so an absurd rate would never end.
                Arguments.of("infra-monitoring", "{\"incidents\":{\"perHour\":1e308}}",
                        "my-spec.json: incidents.perHour: must be between 0 and"),
                Arguments.of("crm-warehouse", "{\"segments\":{\"vip\":{\"share\":1,\"spendFactor\":2}}}",
                        "my-spec.json: segments.vip: unknown field; allowed here: consumer, enterprise, small-business"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mistakes")
    void aMistakeNamesTheFileTheFieldAndWhatIsAllowed(String scenario, String overrides, String expected) {
        WorkloadSpec spec = WorkloadSpec.defaults(scenario).merge(FILE, WorkloadSpec.parseObject(FILE, overrides));
        assertThatThrownBy(() -> WorkloadGenerator.generate(spec, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(expected)
                .hasMessageNotContaining("\n");
    }

    /**
     * A transfer's counterparty is redrawn while it is the payer; a skew so steep that every draw is the same account
     * must still end (it once looped for ever), with a counterparty other than the payer.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"type\":\"zipf\",\"n\":50000,\"s\":1e308}",
            "{\"type\":\"hot\",\"n\":50000,\"hotKeys\":1,\"hotFraction\":1.0}"})
    @Timeout(60)
    void aBankWhoseEveryDrawIsOneAccountStillTransfersToAnother(String accounts) {
        WorkloadSpec spec = WorkloadSpec.defaults("bank-eod").merge(FILE, WorkloadSpec.parseObject(FILE,
                "{\"duration\":\"10s\",\"rate\":\"20/s\",\"accounts\":" + accounts + "}"));
        Trace trace = WorkloadGenerator.generate(spec, 1);
        assertThat(trace.size()).isPositive();
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == 2) {
                assertThat(trace.attr1(i)).as("counterparty of event " + i).isNotEqualTo(trace.key(i));
            }
        }
    }

    @Test
    void aFieldGivenTwiceIsRefusedNotResolvedSilentlyByTheLastOne() {
        assertThatThrownBy(() -> WorkloadSpec.parseObject(FILE, "{\"rate\": \"10/s\", \"duration\": \"1m\", \"rate\": \"1000/s\"}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(FILE + ": rate: is given twice in one object; give each field once");
        assertThatThrownBy(() -> WorkloadSpec.parseObject(FILE, "{\"delay\": {\"type\": \"uniform\", \"type\": \"none\"}}"))
                .hasMessage(FILE + ": type: is given twice in one object; give each field once");
        // The same name in two objects, or in objects of an array, is no repeat.
        assertThat(WorkloadSpec.parseObject(FILE, "{\"a\": {\"type\": 1}, \"b\": [{\"type\": 2}, {\"type\": 3}]}").size())
                .isEqualTo(2);
    }

    @Test
    void aSpecFileIsNamedByItsPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fraud-heavy.json");
        Files.writeString(file, "// too skewed\n{\"scenario\":\"card-fraud\",\"cards\":{\"type\":\"zipf\",\"n\":10,\"s\":-2}}",
                StandardCharsets.UTF_8);
        WorkloadSpec spec = WorkloadSpec.fromFile(file);
        assertThatThrownBy(() -> WorkloadGenerator.generate(spec, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": cards.s: must be > 0 (got -2.0)");
    }

    @Test
    void thePartsCheckTheirOwnFields() {
        assertThatThrownBy(() -> KeyDistribution.fromJson(SpecText.reader("{\"type\":\"hot\",\"n\":10,\"hotKeys\":10,\"hotFraction\":0.5}")))
                .hasMessage("test.json: hotKeys: must be a whole number between 1 and 9 (got 10)");
        assertThatThrownBy(() -> ArrivalProcess.fromJson(SpecText.reader("{\"type\":\"diurnal\",\"peakHour\":25,\"troughFraction\":0.5}"), 1))
                .hasMessage("test.json: peakHour: must be between 0 and 24 (got 25.0)");
        assertThatThrownBy(() -> ArrivalProcess.fromJson(SpecText.reader("{\"type\":\"poisson\",\"rate\":\"5/s\"}"), 1))
                .hasMessage("test.json: rate: unknown field; allowed here: type");
        assertThatThrownBy(() -> ValueDistribution.fromJson(SpecText.reader("{\"type\":\"uniform\",\"min\":3,\"max\":3}")))
                .hasMessage("test.json: max: must be greater than min = 3.0 (got 3.0)");
        assertThatThrownBy(() -> ValueDistribution.fromJson(SpecText.reader("{\"type\":\"normal\",\"mean\":3,\"sd\":0}")))
                .hasMessage("test.json: sd: must be > 0 (got 0.0)");
        assertThatThrownBy(() -> Disorder.fromJson(SpecText.reader("{\"delay\":{\"type\":\"none\"},\"lateFraction\":0.1}")))
                .hasMessage("test.json: lateDelay: is missing; lateFraction needs a lateDelay distribution");
        assertThatThrownBy(() -> Disorder.fromJson(SpecText.reader("{\"delay\":{\"type\":\"uniform\",\"min\":\"2s\",\"max\":\"1s\"}}")))
                .hasMessage("test.json: delay.max: must be longer than min (got \"1s\" <= \"2s\")");
        assertThatThrownBy(() -> Disorder.fromJson(SpecText.reader("{\"delay\":{\"type\":\"exponential\",\"mean\":\"soon\"}}")))
                .hasMessageStartingWith("test.json: delay.mean: must be a duration such as 500ms");
        assertThatThrownBy(() -> Disorder.fromJson(SpecText.reader("{\"delay\":{\"type\":\"exponential\",\"mean\":\"100000d\"}}")))
                .hasMessage("test.json: delay.mean: must be at most about 146 years (got \"100000d\")");
    }

    /**
     * A setting given elsewhere than the file (a command-line option) is named as it was given, with the file's
     * fields it clashes with; a mistake only in the file still names the file.
     */
    @Test
    void aSettingGivenOtherwiseIsNamedAsGivenNotAsTheFile() {
        WorkloadSpec nexmark = WorkloadSpec.defaults("nexmark").withRate(1e20, "--rate 1e20/s");
        assertThatThrownBy(() -> WorkloadGenerator.generate(nexmark, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--rate 1e20/s: must keep every step of the rate shape at most 1e9/s")
                .hasMessageEndingWith("with the sine shape the rate may be at most 666600000/s")
                .hasMessageNotContaining("nexmark.json");
        WorkloadSpec fraud = WorkloadSpec.defaults("card-fraud").withRate(1 / 86_400.0, "--rate 1/d");
        assertThatThrownBy(() -> WorkloadGenerator.generate(fraud, 1))
                .hasMessageStartingWith("--rate 1/d with fraud.burstsPerHour 5 of scenarios/card-fraud.json: fraud bursts would "
                        + "make 0.009028 of the 1.157e-05 events/s of the rate; at most half may be fraud, so the rate must be "
                        + "at least 0.01806/s");
        WorkloadSpec ticks = WorkloadSpec.defaults("stock-ticks").withRate(1e7, "--rate 10m/s")
                .withDuration(DurationText.NANOS_PER_DAY, "--duration 1d");
        assertThatThrownBy(() -> WorkloadGenerator.generate(ticks, 1))
                .hasMessageStartingWith("--rate 10m/s with --duration 1d: rate x duration is about 8.64e+11 events");
        // The file's own value again: the file is to blame.
        WorkloadSpec back = ticks.merge(FILE, WorkloadSpec.parseObject(FILE, "{\"rate\":\"10m/s\"}"));
        assertThatThrownBy(() -> WorkloadGenerator.generate(back, 1))
                .hasMessageStartingWith("--duration 1d with rate 10m/s of my-spec.json: rate x duration is about");
        WorkloadSpec fromFile = WorkloadSpec.defaults("stock-ticks").merge(FILE,
                WorkloadSpec.parseObject(FILE, "{\"rate\":\"10m/s\",\"duration\":\"1d\"}"));
        assertThatThrownBy(() -> WorkloadGenerator.generate(fromFile, 1))
                .hasMessageStartingWith("my-spec.json: rate: rate x duration is about");
    }

    @Test
    void overridesOfRateAndDurationAreCheckedToo() {
        assertThatThrownBy(() -> WorkloadSpec.defaults("bank-eod").withRate(-3))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rate: must be a positive rate");
        assertThatThrownBy(() -> WorkloadSpec.defaults("bank-eod").withDuration(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("duration: must be a positive duration");
        assertThat(WorkloadSpec.defaults("bank-eod").withRate(0.5).rate()).isEqualTo(0.5);
        // Rates that Double.toString would print with an exponent still round-trip.
        assertThat(WorkloadSpec.defaults("crm-warehouse").withRate(0.0005).rate()).isEqualTo(0.0005);
        assertThat(WorkloadSpec.defaults("stock-ticks").withRate(12_345_678.5).rate()).isEqualTo(12_345_678.5);
        assertThat(WorkloadSpec.defaults("stock-ticks").withRate(2e7).rate()).isEqualTo(2e7);
    }
}
