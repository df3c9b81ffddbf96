package org.flowlab.sim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog job on a few thousand events of its scenario: the oracle runs, gives outputs, the
 * same ones twice, and every value is of the job's kind and plausible.
 */
class CatalogJobsOnSmallTracesTest {

    static Stream<CatalogJob> jobs() {
        return JobCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void theOracleGivesAPlausibleNonEmptyResult(CatalogJob catalogJob) {
        Trace trace = SmallTraces.of(catalogJob.scenario(), 11);
        assertThat(trace.size()).isBetween(1_000, 10_000);
        Job job = catalogJob.build(trace);
        ResultTable result = ReferenceOracle.run(job, trace);
        assertThat(result.size()).as("outputs of %s", catalogJob).isGreaterThan(0);
        assertThat(ReferenceOracle.run(catalogJob.build(trace), trace)).isEqualTo(result);
        for (Map.Entry<ResultKey, Object> out : result.asMap().entrySet()) {
            assertPlausible(catalogJob, out.getKey(), out.getValue());
        }
    }

    private static void assertPlausible(CatalogJob job, ResultKey at, Object value) {
        String where = job.qualifiedName() + " at " + at + " = " + value;
        if (job.detector()) {
            assertThat(value).as(where).isInstanceOf(Alert.class);
            assertThat(((Alert) value).triggerTime()).as(where).isLessThanOrEqualTo(at.windowStart());
        }
        switch (job.qualifiedName()) {
            case "retail-etl/revenue-per-store-product-day", "retail-etl/revenue-per-store-day",
                 "bank-eod/net-per-account-day", "bank-eod/eod-balance" -> {
                assertThat((Double) value).as(where).isFinite();
                // Money is in cents, so every total is within rounding of a whole number of cents.
                double cents = (Double) value * 100;
                assertThat(Math.abs(cents - Math.rint(cents))).as(where).isLessThan(1e-6 * Math.max(1, Math.abs(cents)));
            }
            case "bank-eod/reconciliation" -> {
                DailyReconciliation r = (DailyReconciliation) value;
                assertThat(r.transfersBalance()).as(where).isTrue();
                assertThat(r.depositTotal()).isPositive();
                assertThat(r.withdrawalTotal()).isNegative();
            }
            case "crm-warehouse/interactions-per-segment-week" -> assertThat((Long) value).as(where).isPositive();
            case "crm-warehouse/revenue-per-segment-week" -> assertThat((Double) value).as(where).isPositive();
            case "stock-ticks/vwap-1s", "stock-ticks/vwap-1m" -> assertThat((Double) value).as(where).isPositive().isFinite();
            case "card-fraud/fraud-alerts" -> assertThat(((FraudAlert) value).reason()).isIn("amount", "country", "amount+country");
            case "infra-monitoring/cpu-alerts" -> assertThat(((CpuAlert) value).percentile()).as(where).isGreaterThan(90);
            case "nexmark/q0" -> assertThat(((Row) value).id()).isEqualTo(at.key());
            case "nexmark/q1" -> assertThat(((Row) value).value()).as(where).isPositive();
            case "nexmark/q2" -> assertThat(((Row) value).key() % 123).as(where).isZero();
            case "nexmark/q3" -> {
                LocalItem item = (LocalItem) value;
                assertThat(item.state()).isIn("OR", "ID", "CA");
                assertThat(item.personId()).isEqualTo(at.key());
            }
            case "nexmark/q4" -> assertThat((Double) value).as(where).isBetween(100.0, 100_000_000.0 * 2);
            case "nexmark/q5" -> {
                HotAuctions hot = (HotAuctions) value;
                assertThat(hot.bids()).isPositive();
                assertThat(hot.auctions()).isNotEmpty().isSorted();
            }
            case "nexmark/q7" -> {
                HighestBids h = (HighestBids) value;
                assertThat(h.bids()).isNotEmpty().allSatisfy(b -> assertThat(b.priceCents()).isEqualTo(h.priceCents()));
            }
            case "nexmark/q8" -> assertThat((List<?>) value).allSatisfy(u -> assertThat(((NewUser) u).personId()).isEqualTo(at.key()));
            case "nexmark/q11" -> assertThat((Long) value).as(where).isPositive();
            default -> throw new AssertionError("no plausibility check for " + job.qualifiedName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void jobsThatOutputListsOrRecordsKeepThemImmutable(CatalogJob catalogJob) {
        Trace trace = SmallTraces.of(catalogJob.scenario(), 12);
        for (Object value : ReferenceOracle.run(catalogJob.build(trace), trace).asMap().values()) {
            if (value instanceof Collection<?> c) {
                assertThat(isUnmodifiable(c)).as("%s outputs an unmodifiable list", catalogJob).isTrue();
            }
        }
    }

    private static boolean isUnmodifiable(Collection<?> c) {
        try {
            c.clear();
            return false;
        } catch (UnsupportedOperationException e) {
            return true;
        }
    }
}
