package org.flowlab.workloads.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowlab.workloads.nexmark.NexmarkTraceChecks.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NexmarkSpecErrorsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"rate": "-5/s"}                                   | rate: must be a rate such as
            {"rate": -5}                                       | rate: must be > 0
            {"rate": "2e9/s"}                                  | rate: must be a rate such as
            {"rate": 2e9}                                      | rate: must keep every step
            {"rate": "1/d"}                                    | rate: 1.16e-05/s is too low for the sine rate shape of period 1 m 00 s: each of its 10 steps starts with an event, and the slowest would hold 3.47e-05; it keeps rates from 0.334/s
            {"firstEventRate": "0/s"}                          | firstEventRate: must be a rate such as
            {"proportions": {"bid": 0}}                        | proportions.bid: must be a whole number between 1 and 1000
            {"proportions": {"person": -1}}                    | proportions.person: must be a whole number between 1 and 1000
            {"proportions": {"auction": 1.5}}                  | proportions.auction: must be a whole number
            {"proportions": {"bids": 46}}                      | proportions.bids: unknown field
            {"probDelayedEvent": 1.5}                          | probDelayedEvent: must be a probability between 0 and 1
            {"probDelayedEvent": -0.1}                         | probDelayedEvent: must be a probability between 0 and 1
            {"hotAuctionRatio": 0}                             | hotAuctionRatio: must be a whole number between 1 and
            {"numInFlightAuctions": 0}                         | numInFlightAuctions: must be a whole number between 1 and
            {"outOfOrderGroupSize": 0}                         | outOfOrderGroupSize: must be a whole number between 1 and
            {"auctionIdLead": -1}                              | auctionIdLead: must be a whole number between 0 and
            {"duration": "0s"}                                 | duration: must be a positive duration
            {"duration": "10000d"}                             | duration: at this rate gives
            {"occasionalDelay": "soon"}                        | occasionalDelay: must be a duration such as
            {"avgAuctionLength": "long"}                       | avgAuctionLength: must be "auto" or a positive duration
            {"avgAuctionLength": "0s"}                         | avgAuctionLength: must be "auto" or a positive duration
            {"baseTime": "yesterday"}                          | baseTime: must be an ISO-8601 instant
            {"rateShape": "triangle"}                          | rateShape: must be one of square, sine
            {"ratePeriod": "5ns"}                              | ratePeriod: must be at least 10ns
            {"maxEvents": -1}                                  | maxEvents: must be a whole number between 0 and
            {"hotAuctionRatoi": 3}                             | hotAuctionRatoi: unknown field; allowed here:
            """)
    void aBadKnobNamesTheDefaultsFileAndTheField(String overrides, String problem) {
        WorkloadSpec spec = spec(overrides);
        assertThatThrownBy(() -> WorkloadGenerator.generate(spec, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("scenarios/nexmark.json: " + problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aBadKnobInASpecFileNamesThatFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("auctions.json");
        Files.writeString(file, "// a spec file\n{\"scenario\": \"nexmark\", \"probDelayedEvent\": 2}\n");
        WorkloadSpec spec = WorkloadSpec.fromFile(file);
        assertThatThrownBy(() -> WorkloadGenerator.generate(spec, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": probDelayedEvent: must be a probability between 0 and 1 (got 2.0)");
    }

    @Test
    void theDefaultsAreValidAndSayWhatVirtualTimeZeroIs() {
        NexmarkSettings s = NexmarkSettings.from(WorkloadSpec.defaults("nexmark"));
        assertThat(s.numbering()).isEqualTo(EventNumbering.BEAM);
        assertThat(s.hotAuctionRatio()).isEqualTo(2);
        assertThat(s.hotSellersRatio()).isEqualTo(4);
        assertThat(s.hotBiddersRatio()).isEqualTo(4);
        assertThat(s.numInFlightAuctions()).isEqualTo(100);
        assertThat(s.numActivePeople()).isEqualTo(1000);
        assertThat(s.baseTime()).hasToString("2015-07-15T00:00:00Z");
        assertThat(s.autoAuctionLength()).isTrue();
    }
}
