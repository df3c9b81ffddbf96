package org.flowlab.sim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.util.Map;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.nexmark.NexmarkScenario;
import org.flowlab.workloads.scenario.BankEodScenario;
import org.flowlab.workloads.scenario.CardFraudScenario;
import org.flowlab.workloads.scenario.InfraMonitoringScenario;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.Test;

/**
 * The catalog's process functions — the fraud and CPU detectors, Nexmark's closing prices and Q3's
 * incremental join, the closing balance — on traces small enough to work out by hand, with the
 * boundaries of their timers.
 */
class DetectorAndJoinFunctionsTest {
    private static final long S = DurationText.NANOS_PER_SECOND;
    private static final long MIN = DurationText.NANOS_PER_MINUTE;
    private static final long DAY = DurationText.NANOS_PER_DAY;

    private static TraceBuilder builder(TraceSchema schema) {
        return new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, schema);
    }

    private static ResultTable run(String scenario, String job, Trace trace, Map<String, String> parameters) {
        return ReferenceOracle.run(JobCatalog.get(scenario, job).build(trace.schema(), parameters), trace);
    }

    private static void assertTable(ResultTable actual, Object... keysAndValues) {
        ResultTable.Builder b = ResultTable.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.put((ResultKey) keysAndValues[i], keysAndValues[i + 1]);
        }
        ResultTable expected = b.build();
        if (!actual.equals(expected)) {
            fail(expected.diffReport(actual, 20));
        }
    }

    @Test
    void theFraudDetectorFlagsAmountsAboveKTimesTheMeanOnceTheHistoryIsLongEnough() {
        Trace t = builder(CardFraudScenario.SCHEMA)
                .add(1 * MIN, 1 * MIN, 0, 5, 10.0, 0, 100, 0, 0)
                .add(30 * MIN, 30 * MIN, 0, 5, 30.0, 0, 100, 0, 0)
                .add(60 * MIN, 60 * MIN, 0, 5, 500.0, 0, 101, 0, 0)   // 2 earlier: too little history
                .add(90 * MIN, 90 * MIN, 0, 5, 1080.0, 0, 102, 0, 0)  // mean 180: 1080 is 6 x 180, not above
                .add(120 * MIN, 120 * MIN, 0, 5, 2500.0, 0, 103, 0, 0) // mean 405: above 6 x 405 = 2430
                .build();
        ResultTable alerts = run("card-fraud", "fraud-alerts", t, Map.of("k", "6", "minHistory", "3"));
        assertTable(alerts, ResultKey.at(5, 120 * MIN, 0),
                new FraudAlert("amount", 120 * MIN, 2500.0, 0, 103, 405.0, 4, -1));
        // With k = 3 and a history of 2 enough, the 500 (mean 20), 1080 and 2500 are all suspicious.
        assertThat(run("card-fraud", "fraud-alerts", t, Map.of("k", "3", "minHistory", "2")).asMap().keySet())
                .extracting(ResultKey::windowStart).containsExactly(60 * MIN, 90 * MIN, 120 * MIN);
    }

    @Test
    void theFraudDetectorFlagsTwoCountriesWithinTheWindowInclusiveAndForgetsAfterIt() {
        Trace t = builder(CardFraudScenario.SCHEMA)
                .add(0, 0, 0, 1, 20.0, 4, 7, 0, 0)
                .add(10 * MIN, 10 * MIN, 0, 1, 25.0, 9, 7, 0, 0)        // exactly 10 min later, abroad: alert
                .add(20 * MIN + 1, 20 * MIN + 1, 0, 1, 25.0, 4, 7, 0, 0) // 10 min + 1 ns after: forgotten
                .add(0, 5 * MIN, 0, 2, 20.0, 4, 7, 0, 0)
                .add(3 * MIN, 3 * MIN, 0, 2, 20.0, 4, 7, 0, 0)           // same country: the window restarts here
                .add(12 * MIN, 12 * MIN, 0, 2, 20.0, 6, 7, 0, 0)         // 9 min after the latest: alert
                .add(12 * MIN, 12 * MIN, 0, 2, 20.0, 8, 8, 0, 0)         // same instant, a third country: alert #1
                .build();
        ResultTable alerts = run("card-fraud", "fraud-alerts", t, Map.of());
        assertTable(alerts,
                ResultKey.at(1, 10 * MIN, 0), new FraudAlert("country", 10 * MIN, 25.0, 9, 7, 20.0, 1, 4),
                ResultKey.at(2, 12 * MIN, 0), new FraudAlert("country", 12 * MIN, 20.0, 6, 7, 20.0, 2, 4),
                ResultKey.at(2, 12 * MIN, 1), new FraudAlert("country", 12 * MIN, 20.0, 8, 8, 20.0, 3, 6));
    }

    /** Host 3's CPU every 10 s (at 5 s, 15 s, …) for 10 minutes: 40 % but for the given high samples. */
    private static Trace cpuTrace(long... highAtSeconds) {
        TraceBuilder b = builder(InfraMonitoringScenario.SCHEMA);
        for (long s = 5; s < 600; s += 10) {
            boolean high = false;
            for (long h : highAtSeconds) {
                high |= h == s;
            }
            b.add(s * S, s * S, 0, 3, high ? 95.0 : 40.0, 1, 0, 0, 0);
            b.add(s * S, s * S, 1, 3, 40.0, 1, 0, 0, 0);
        }
        return b.build();
    }

    @Test
    void theCpuDetectorAlertsOncePerEpisodeAtTheFirstWindowAboveTheThreshold() {
        Trace t = cpuTrace(305, 315, 325, 505);
        // [250 s, 310 s) is the first window holding the sample at 305 s; windows stay above until
        // [320 s, 380 s), the last holding 325 s. The sample at 505 s starts a second episode.
        assertTable(run("infra-monitoring", "cpu-alerts", t, Map.of()),
                ResultKey.at(3, 310 * S - 1, 0), new CpuAlert("cpu-p95", 305 * S, 95.0, 6, 250 * S, 310 * S, 1),
                ResultKey.at(3, 510 * S - 1, 0), new CpuAlert("cpu-p95", 505 * S, 95.0, 6, 450 * S, 510 * S, 1));
        // The nearest-rank median of six samples is the third smallest: three high ones are not
        // enough, four are, first in [280 s, 340 s).
        assertThat(run("infra-monitoring", "cpu-alerts", t, Map.of("percentile", "50")).size()).isZero();
        assertTable(run("infra-monitoring", "cpu-alerts", cpuTrace(305, 315, 325, 335), Map.of("percentile", "50")),
                ResultKey.at(3, 340 * S - 1, 0), new CpuAlert("cpu-p50", 335 * S, 95.0, 6, 280 * S, 340 * S, 1));
        assertThat(run("infra-monitoring", "cpu-alerts", cpuTrace(), Map.of()).size()).isZero();
        assertThat(run("infra-monitoring", "cpu-alerts", t, Map.of("threshold", "95")).size()).isZero();
    }

    private static final int PERSON = NexmarkScenario.PERSON;
    private static final int AUCTION = NexmarkScenario.AUCTION;
    private static final int BID = NexmarkScenario.BID;

    @Test
    void q4sClosingPriceIsTheHighestBidFromTheAuctionsStartToItsExpiryInclusive() {
        Trace t = builder(NexmarkScenario.SCHEMA)
                .add(1 * S, 1 * S, BID, 1, 950, 50, 0, 0, 0)          // before its auction opens: not counted
                .add(2 * S, 2 * S, AUCTION, 1, 100, 7, 12, 10 * S, 0)  // category 12, open from 2 s to 10 s
                .add(3 * S, 3 * S, BID, 1, 90, 51, 0, 0, 0)           // below the reserve: counts all the same
                .add(5 * S, 5 * S, BID, 1, 200, 52, 0, 0, 0)
                .add(10 * S, 10 * S, BID, 1, 500, 54, 0, 0, 0)        // at the expiry: the closing price
                .add(11 * S, 11 * S, BID, 1, 900, 55, 0, 0, 0)        // after the close: ignored
                .add(3 * S, 3 * S, AUCTION, 2, 100, 7, 12, 12 * S, 0)
                .add(4 * S, 4 * S, BID, 2, 301, 56, 0, 0, 0)
                .add(12 * S + 500_000, 12 * S + 500_000, BID, 2, 999, 57, 0, 0, 0) // in the expiry's millisecond: counted
                .add(12 * S + 1_000_000, 12 * S + 1_000_000, BID, 2, 5000, 58, 0, 0, 0) // the next millisecond: too late
                .add(4 * S, 4 * S, AUCTION, 3, 1000, 7, 12, 8 * S, 0) // no bid at all: not averaged
                .add(8 * S, 8 * S, AUCTION, 4, 10, 7, 11, 90 * S, 0)  // category 11, still open when the input ends
                .add(9 * S, 9 * S, BID, 4, 40, 59, 0, 0, 0)
                .build();
        ResultTable q4 = ReferenceOracle.run(JobCatalog.get("nexmark", "q4").build(t), t);
        assertTable(q4,
                ResultKey.window(12, TimeWindow.ALL_TIME), 749.5,
                ResultKey.window(11, TimeWindow.ALL_TIME), 40.0);
    }

    @Test
    void q3JoinsPendingAuctionsWhenTheirSellerAppearsAndForgetsAfterSixHundredSeconds() {
        int or = NexmarkScenario.US_STATES.indexOf("OR");
        int ca = NexmarkScenario.US_STATES.indexOf("CA");
        int az = NexmarkScenario.US_STATES.indexOf("AZ");
        int portland = NexmarkScenario.US_CITIES.indexOf("Portland");
        Trace t = builder(NexmarkScenario.SCHEMA)
                .add(1 * S, 1 * S, AUCTION, 100, 10, 7, 10, 99 * S, 0)      // before its seller: waits
                .add(1500 * 1_000_000L, 2 * S, AUCTION, 101, 10, 7, 10, 99 * S, 0)
                .add(2 * S, 2 * S, PERSON, 7, 0, or, portland, 0, 0)        // both waiting auctions come out, in order
                .add(3 * S, 3 * S, AUCTION, 102, 10, 7, 10, 99 * S, 0)
                .add(4 * S, 4 * S, AUCTION, 103, 10, 7, 11, 99 * S, 0)      // category 11
                .add(603 * S, 603 * S, AUCTION, 104, 10, 7, 10, 999 * S, 0) // 600 s after the last: still known
                .add(1204 * S, 1204 * S, AUCTION, 105, 10, 7, 10, 999 * S, 0) // 601 s after: forgotten
                .add(5 * S, 5 * S, PERSON, 8, 0, az, portland, 0, 0)        // not a local state
                .add(6 * S, 6 * S, AUCTION, 106, 10, 8, 10, 99 * S, 0)
                .add(0, 0, AUCTION, 107, 10, 9, 10, 99 * S, 0)              // waits, but too long
                .add(601 * S, 601 * S, PERSON, 9, 0, ca, portland, 0, 0)
                .add(602 * S, 602 * S, AUCTION, 108, 10, 9, 10, 999 * S, 0)
                .build();
        ResultTable q3 = ReferenceOracle.run(JobCatalog.get("nexmark", "q3").build(t), t);
        assertTable(q3,
                ResultKey.at(7, 2 * S, 0), new LocalItem(7, "Portland", "OR", 100),
                ResultKey.at(7, 2 * S, 1), new LocalItem(7, "Portland", "OR", 101),
                ResultKey.at(7, 3 * S, 0), new LocalItem(7, "Portland", "OR", 102),
                ResultKey.at(7, 603 * S, 0), new LocalItem(7, "Portland", "OR", 104),
                ResultKey.at(9, 602 * S, 0), new LocalItem(9, "Portland", "CA", 108));
    }

    @Test
    void closingBalancesAccumulateAcrossDaysAndAreOutputOnlyForDaysWithPostings() {
        Trace t = builder(BankEodScenario.SCHEMA)
                .add(10 * 3600 * S, 10 * 3600 * S, 0, 1, 100.25, -1, 0, 0, 0)
                .add(DAY - 1, DAY + 3600 * S, 1, 1, -30.5, -1, 0, 0, 0)   // the day's last instant, posted late
                .add(2 * DAY + 5, 2 * DAY + 5, 2, 1, 5.0, 2, 1, 0, 0)
                .add(2 * DAY + 5, 2 * DAY + 5, 2, 2, -5.0, 1, 1, 0, 0)
                .build();
        assertTable(ReferenceOracle.run(JobCatalog.get("bank-eod", "eod-balance").build(t), t),
                ResultKey.at(1, DAY - 1, 0), 69.75,
                ResultKey.at(1, 3 * DAY - 1, 0), 74.75,
                ResultKey.at(2, 3 * DAY - 1, 0), -5.0);
    }
}
