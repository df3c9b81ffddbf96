package org.flowlab.sim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.TimeWindow;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.nexmark.NexmarkScenario;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.Test;

/**
 * Catalog jobs against answers computed straight from the trace's columns with plain loops, maps
 * and BigDecimal — no job, window or aggregate code — compared with the oracle's table exactly.
 */
class CatalogJobsByHandTest {
    private static final long S = DurationText.NANOS_PER_SECOND;
    private static final long DAY = DurationText.NANOS_PER_DAY;
    private static final MathContext QUOTIENT = new MathContext(60);

    private static ResultTable oracle(String scenario, String job, Trace trace) {
        return ReferenceOracle.run(JobCatalog.get(scenario, job).build(trace), trace);
    }

    private static void assertSame(ResultTable actual, Map<ResultKey, ?> expected) {
        ResultTable want = ResultTable.of(expected);
        if (!actual.equals(want)) {
            fail(want.diffReport(actual, 10));
        }
        assertThat(actual.size()).isGreaterThan(0);
    }

    private static long floorTo(long t, long size) {
        return Math.floorDiv(t, size) * size;
    }

    private static Row row(Trace t, int i) {
        return new Row(i, t.eventTime(i), t.kind(i), t.key(i), t.value(i), t.attr1(i), t.attr2(i), t.attr3(i));
    }

    /** Sums of exact decimal values per key, rounded once at the end. */
    private static Map<ResultKey, Double> rounded(Map<ResultKey, BigDecimal> sums) {
        Map<ResultKey, Double> out = new HashMap<>();
        sums.forEach((k, v) -> out.put(k, v.doubleValue()));
        return out;
    }

    // ---- retail-etl ----

    @Test
    void retailRevenuePerStoreAndProductAndPerStoreIsTheDaysExactNetOfSalesAndReturns() {
        Trace t = SmallTraces.of("retail-etl", 3);
        Map<ResultKey, BigDecimal> perProduct = new HashMap<>();
        Map<ResultKey, BigDecimal> perStore = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            long day = floorTo(t.eventTime(i), DAY);
            BigDecimal v = new BigDecimal(t.value(i));
            long pair = t.key(i) << 32 | t.attr1(i);
            perProduct.merge(ResultKey.window(pair, day, day + DAY), v, BigDecimal::add);
            perStore.merge(ResultKey.window(t.key(i), day, day + DAY), v, BigDecimal::add);
        }
        ResultTable byProduct = oracle("retail-etl", "revenue-per-store-product-day", t);
        assertSame(byProduct, rounded(perProduct));
        assertSame(oracle("retail-etl", "revenue-per-store-day", t), rounded(perStore));
        assertThat(byProduct.asMap().keySet()).extracting(k -> StoreProduct.of(k.key()).store())
                .allSatisfy(store -> assertThat(store).isBetween(0L, 199L));
    }

    // ---- bank-eod ----

    @Test
    void bankNetChangePerDayAndClosingBalancesAreExactSumsOfThePostings() {
        Trace t = SmallTraces.of("bank-eod", 4);
        Map<ResultKey, BigDecimal> net = new HashMap<>();
        // account -> day start -> that day's postings, to accumulate balances day by day
        Map<Long, TreeMap<Long, BigDecimal>> days = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            long day = floorTo(t.eventTime(i), DAY);
            BigDecimal v = new BigDecimal(t.value(i));
            net.merge(ResultKey.window(t.key(i), day, day + DAY), v, BigDecimal::add);
            days.computeIfAbsent(t.key(i), a -> new TreeMap<>()).merge(day, v, BigDecimal::add);
        }
        Map<ResultKey, Double> closing = new HashMap<>();
        days.forEach((account, byDay) -> {
            BigDecimal balance = BigDecimal.ZERO;
            for (Map.Entry<Long, BigDecimal> d : byDay.entrySet()) {
                balance = balance.add(d.getValue());
                closing.put(ResultKey.at(account, d.getKey() + DAY - 1, 0), balance.doubleValue());
            }
        });
        assertSame(oracle("bank-eod", "net-per-account-day", t), rounded(net));
        assertSame(oracle("bank-eod", "eod-balance", t), closing);
        assertThat(days.values()).anySatisfy(byDay -> assertThat(byDay).hasSizeGreaterThan(1));
    }

    @Test
    void reconciliationTotalsEachKindAndTransfersNetToZero() {
        Trace t = SmallTraces.of("bank-eod", 5);
        int deposit = t.schema().kindIndex("deposit");
        int withdrawal = t.schema().kindIndex("withdrawal");
        Map<Long, long[]> counts = new TreeMap<>();
        Map<Long, BigDecimal[]> sums = new TreeMap<>();
        Map<Long, BigDecimal> legsByTransfer = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            long day = floorTo(t.eventTime(i), DAY);
            int slot = t.kind(i) == deposit ? 0 : t.kind(i) == withdrawal ? 1 : t.value(i) < 0 ? 2 : 3;
            counts.computeIfAbsent(day, d -> new long[4])[slot]++;
            BigDecimal[] s = sums.computeIfAbsent(day, d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO});
            s[slot] = s[slot].add(new BigDecimal(t.value(i)));
            if (slot >= 2) {
                legsByTransfer.merge(t.attr2(i), new BigDecimal(t.value(i)), BigDecimal::add);
            }
        }
        // The scenario posts both legs of a transfer at once: each transfer nets to zero by itself.
        assertThat(legsByTransfer).isNotEmpty();
        assertThat(legsByTransfer.values()).allSatisfy(v -> assertThat(v.signum()).isZero());
        Map<ResultKey, DailyReconciliation> expected = new HashMap<>();
        counts.forEach((day, c) -> {
            BigDecimal[] s = sums.get(day);
            BigDecimal transfers = s[2].add(s[3]);
            expected.put(ResultKey.window(0, day, day + DAY), new DailyReconciliation(c[0], s[0].doubleValue(),
                    c[1], s[1].doubleValue(), c[2], s[2].doubleValue(), c[3], s[3].doubleValue(),
                    transfers.doubleValue(), s[0].add(s[1]).add(transfers).doubleValue()));
        });
        ResultTable actual = oracle("bank-eod", "reconciliation", t);
        assertSame(actual, expected);
        assertThat(actual.asMap().values()).hasSize(2).allSatisfy(v -> {
            DailyReconciliation r = (DailyReconciliation) v;
            assertThat(r.transferNet()).isEqualTo(0.0);
            assertThat(r.transferDebits()).isEqualTo(r.transferCredits()).isPositive();
            assertThat(r.transfersBalance()).isTrue();
        });
    }

    // ---- crm-warehouse ----

    @Test
    void crmCountsInteractionsAndSumsPurchasesPerSegmentAndWeek() {
        Trace t = SmallTraces.of("crm-warehouse", 6);
        long week = 7 * DAY;
        int purchase = t.schema().kindIndex("purchase");
        Map<ResultKey, Long> counts = new HashMap<>();
        Map<ResultKey, BigDecimal> revenue = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            long start = floorTo(t.eventTime(i), week);
            ResultKey at = ResultKey.window(t.attr1(i), start, start + week);
            counts.merge(at, 1L, Long::sum);
            if (t.kind(i) == purchase) {
                revenue.merge(at, new BigDecimal(t.value(i)), BigDecimal::add);
            }
        }
        assertSame(oracle("crm-warehouse", "interactions-per-segment-week", t), counts);
        assertSame(oracle("crm-warehouse", "revenue-per-segment-week", t), rounded(revenue));
    }

    // ---- stock-ticks ----

    @Test
    void vwapPerSecondAndPerMinuteIsTheExactRatioOfSumsRoundedOnce() {
        Trace t = SmallTraces.of("stock-ticks", 7);
        for (long size : new long[] {S, 60 * S}) {
            Map<ResultKey, BigDecimal[]> sums = new HashMap<>();
            for (int i = 0; i < t.size(); i++) {
                long start = floorTo(t.eventTime(i), size);
                BigDecimal[] s = sums.computeIfAbsent(ResultKey.window(t.key(i), start, start + size),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal volume = BigDecimal.valueOf(t.attr1(i));
                s[0] = s[0].add(new BigDecimal(t.value(i)).multiply(volume));
                s[1] = s[1].add(volume);
            }
            Map<ResultKey, Double> vwap = new HashMap<>();
            sums.forEach((k, s) -> vwap.put(k, s[0].divide(s[1], QUOTIENT).doubleValue()));
            assertSame(oracle("stock-ticks", size == S ? "vwap-1s" : "vwap-1m", t), vwap);
        }
    }

    // ---- nexmark ----

    private static final int BID = NexmarkScenario.BID;
    private static final int AUCTION = NexmarkScenario.AUCTION;
    private static final int PERSON = NexmarkScenario.PERSON;

    @Test
    void q1ConvertsEveryBidToEuroCentsAndQ2KeepsBidsOnEvery123rdAuction() {
        Trace t = SmallTraces.of("nexmark", 8);
        Map<ResultKey, Row> q1 = new HashMap<>();
        Map<ResultKey, Row> q2 = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) != BID) {
                continue;
            }
            ResultKey at = ResultKey.at(i, t.eventTime(i), 0);
            double euros = new BigDecimal(t.value(i)).multiply(new BigDecimal("0.908")).doubleValue();
            q1.put(at, row(t, i).withValue(euros));
            if (t.key(i) % 123 == 0) {
                q2.put(at, row(t, i));
            }
        }
        assertSame(oracle("nexmark", "q1", t), q1);
        assertSame(oracle("nexmark", "q2", t), q2);
    }

    @Test
    void q7ListsEveryBidAtTheHighestPriceOfEachTenSecondWindow() {
        Trace t = SmallTraces.of("nexmark", 9);
        long size = 10 * S;
        Map<Long, List<Integer>> bidsByWindow = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == BID) {
                bidsByWindow.computeIfAbsent(floorTo(t.eventTime(i), size), w -> new ArrayList<>()).add(i);
            }
        }
        Map<ResultKey, HighestBids> expected = new HashMap<>();
        bidsByWindow.forEach((start, ids) -> {
            double max = Double.NEGATIVE_INFINITY;
            for (int i : ids) {
                max = Math.max(max, t.value(i));
            }
            List<NexmarkBid> top = new ArrayList<>();
            for (int i : ids) {
                if (t.value(i) == max) {
                    top.add(new NexmarkBid(t.key(i), t.attr1(i), t.value(i), t.eventTime(i)));
                }
            }
            top.sort(Comparator.comparingLong(NexmarkBid::eventTime).thenComparingLong(NexmarkBid::auction)
                    .thenComparingLong(NexmarkBid::bidder));
            expected.put(ResultKey.window(0, start, start + size), new HighestBids(max, top));
        });
        assertSame(oracle("nexmark", "q7", t), expected);
    }

    @Test
    void q5FindsTheAuctionsWithTheMostBidsInEachSlidingWindow() {
        Trace t = SmallTraces.of("nexmark", 10);
        long size = 10 * S;
        long slide = 2 * S;
        Map<Long, Map<Long, Long>> countsByWindowEnd = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) != BID) {
                continue;
            }
            long et = t.eventTime(i);
            for (long start = floorTo(et, slide); start > et - size; start -= slide) {
                countsByWindowEnd.computeIfAbsent(start + size, e -> new TreeMap<>()).merge(t.key(i), 1L, Long::sum);
            }
        }
        Map<ResultKey, HotAuctions> expected = new HashMap<>();
        countsByWindowEnd.forEach((end, counts) -> {
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            List<Long> hottest = counts.entrySet().stream().filter(e -> e.getValue() == max).map(Map.Entry::getKey).toList();
            expected.put(ResultKey.window(end, end - slide, end), new HotAuctions(max, hottest));
        });
        assertSame(oracle("nexmark", "q5", t), expected);
    }

    @Test
    void q11CountsEachBiddersBidsPerSessionCutAtTenSecondGaps() {
        Trace t = SmallTraces.of("nexmark", 11);
        long gap = 10 * S;
        Map<Long, List<Long>> timesByBidder = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == BID) {
                timesByBidder.computeIfAbsent(t.attr1(i), b -> new ArrayList<>()).add(t.eventTime(i));
            }
        }
        Map<ResultKey, Long> expected = new HashMap<>();
        timesByBidder.forEach((bidder, times) -> {
            times.sort(null);
            int first = 0;
            for (int i = 1; i <= times.size(); i++) {
                if (i == times.size() || times.get(i) - times.get(i - 1) >= gap) {
                    expected.put(ResultKey.window(bidder, times.get(first), times.get(i - 1) + gap), (long) (i - first));
                    first = i;
                }
            }
        });
        assertSame(oracle("nexmark", "q11", t), expected);
    }

    @Test
    void q8PairsEachNewPersonWithTheAuctionsTheyOpenedInTheSameWindow() {
        Trace t = SmallTraces.of("nexmark", 12);
        long size = 10 * S;
        Map<ResultKey, Integer> personAt = new HashMap<>();
        Map<ResultKey, List<Integer>> auctionsAt = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            long start = floorTo(t.eventTime(i), size);
            if (t.kind(i) == PERSON) {
                personAt.put(ResultKey.window(t.key(i), start, start + size), i);
            } else if (t.kind(i) == AUCTION) {
                auctionsAt.computeIfAbsent(ResultKey.window(t.attr1(i), start, start + size), k -> new ArrayList<>()).add(i);
            }
        }
        Map<ResultKey, List<NewUser>> expected = new HashMap<>();
        personAt.keySet().forEach(k -> expected.put(k, List.of()));
        auctionsAt.forEach((k, auctions) -> {
            List<NewUser> pairs = new ArrayList<>();
            if (personAt.containsKey(k)) {
                auctions.sort(Comparator.comparingLong((Integer i) -> t.eventTime(i)).thenComparingInt(i -> i));
                for (int a : auctions) {
                    pairs.add(new NewUser(k.key(), t.key(a), (long) t.value(a)));
                }
            }
            expected.put(k, pairs);
        });
        ResultTable actual = oracle("nexmark", "q8", t);
        assertSame(actual, expected);
        assertThat(actual.asMap().values()).anySatisfy(v -> assertThat((List<?>) v).hasSizeGreaterThan(1));
    }

    @Test
    void q4AveragesEachCategorysClosingPricesOverTheWholeInput() {
        long ms = 1_000_000L;
        Trace t = SmallTraces.of("nexmark", 13);
        Map<Long, List<Integer>> bidsByAuction = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == BID) {
                bidsByAuction.computeIfAbsent(t.key(i), a -> new ArrayList<>()).add(i);
            }
        }
        Map<ResultKey, List<BigDecimal>> prices = new HashMap<>();
        int closed = 0;
        for (int a = 0; a < t.size(); a++) {
            if (t.kind(a) != AUCTION) {
                continue;
            }
            Double highest = null;
            for (int b : bidsByAuction.getOrDefault(t.key(a), List.of())) {
                // Nexmark's times are compared in milliseconds, as its SQL's TIMESTAMP(3) columns are.
                long bidAt = Math.floorDiv(t.eventTime(b), ms);
                if (bidAt >= Math.floorDiv(t.eventTime(a), ms) && bidAt <= Math.floorDiv(t.attr3(a), ms)
                        && (highest == null || t.value(b) > highest)) {
                    highest = t.value(b);
                }
            }
            if (highest != null) {
                closed++;
                prices.computeIfAbsent(ResultKey.window(t.attr2(a), TimeWindow.ALL_TIME), k -> new ArrayList<>()).add(new BigDecimal(highest));
            }
        }
        Map<ResultKey, Double> expected = new HashMap<>();
        prices.forEach((k, ps) -> expected.put(k, ps.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(ps.size()), QUOTIENT).doubleValue()));
        assertThat(closed).isGreaterThan(50);
        assertSame(oracle("nexmark", "q4", t), expected);
    }

    @Test
    void q3JoinsLocalSellersWithTheirCategoryTenAuctionsWhenTheSecondOfThemAppears() {
        Trace t = SmallTraces.of("nexmark", 14);
        List<String> local = List.of("OR", "ID", "CA");
        Map<Long, Integer> localPerson = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == PERSON && local.contains(NexmarkScenario.US_STATES.get((int) t.attr1(i)))) {
                localPerson.put(t.key(i), i);
            }
        }
        Map<ResultKey, LocalItem> expected = new HashMap<>();
        for (int a = 0; a < t.size(); a++) {
            Integer p = localPerson.get(t.attr1(a));
            if (t.kind(a) == AUCTION && t.attr2(a) == 10 && p != null) {
                // This trace is 20 s long, far below Q3's 600 s expiry, and sellers exist before their
                // auctions, so every match is output when its auction appears.
                assertThat(t.eventTime(p)).isLessThan(t.eventTime(a));
                expected.put(ResultKey.at(t.key(p), t.eventTime(a), 0), new LocalItem(t.key(p),
                        NexmarkScenario.US_CITIES.get((int) t.attr2(p)), NexmarkScenario.US_STATES.get((int) t.attr1(p)), t.key(a)));
            }
        }
        assertSame(oracle("nexmark", "q3", t), expected);
    }
}
