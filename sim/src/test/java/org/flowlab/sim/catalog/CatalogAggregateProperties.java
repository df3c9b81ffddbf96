package org.flowlab.sim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Fold;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.nexmark.NexmarkScenario;
import org.flowlab.workloads.random.RandomStreams;
import org.flowlab.workloads.scenario.BankEodScenario;
import org.flowlab.workloads.scenario.CardFraudScenario;
import org.flowlab.workloads.scenario.CrmWarehouseScenario;
import org.flowlab.workloads.scenario.InfraMonitoringScenario;
import org.flowlab.workloads.scenario.RetailEtlScenario;
import org.flowlab.workloads.scenario.StockTicksScenario;

/**
 * The catalog's own aggregates obey the job model's laws, as batch engines rely on: every window
 * aggregate of every catalog job gives the same result, bit for bit, whatever the order and
 * grouping of its adds and merges; the percentile is the nearest-rank one; VWAP sums are exact;
 * store-product keys read back.
 */
class CatalogAggregateProperties {

    private static final Map<String, TraceSchema> SCHEMAS = Map.of(
            "retail-etl", RetailEtlScenario.SCHEMA, "bank-eod", BankEodScenario.SCHEMA,
            "crm-warehouse", CrmWarehouseScenario.SCHEMA, "card-fraud", CardFraudScenario.SCHEMA,
            "stock-ticks", StockTicksScenario.SCHEMA, "infra-monitoring", InfraMonitoringScenario.SCHEMA,
            "nexmark", NexmarkScenario.SCHEMA);

    /** A window aggregate of a catalog job, named for messages. */
    record NamedAggregate(String name, AggregateFunction<Object, Object> function) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<NamedAggregate> catalogAggregates() {
        List<NamedAggregate> all = new ArrayList<>();
        for (CatalogJob c : JobCatalog.all()) {
            for (Operator op : c.build(SCHEMAS.get(c.scenario())).operators()) {
                if (op instanceof WindowAggregate w) {
                    all.add(new NamedAggregate(c.qualifiedName() + " " + w.name(), w.untypedAggregate()));
                }
            }
        }
        return Arbitraries.of(all);
    }

    /** Money, prices, CPU percents, counts, and a few values that trouble floating point. */
    static Arbitrary<Double> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-100_000, 100_000).map(i -> i / 100.0)),
                Tuple.of(3, Arbitraries.integers().between(0, 50).map(i -> (double) i)),
                Tuple.of(1, Arbitraries.of(1e16, -1e16, 0.1, 0.2, 0.3, -0.0, 0.0, 1e-300, 0x1p53)));
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Row> row = Combinators.combine(
                Arbitraries.longs().between(0, 20),
                Arbitraries.integers().between(0, 2),
                values(),
                Arbitraries.longs().between(0, 6),
                Arbitraries.longs().between(0, 6),
                Arbitraries.longs().between(0, 30)
        ).as((time, kind, value, attr1, attr2, attr3) -> new Row(0, time, kind, 5, value, attr1, attr2, attr3));
        return row.list().ofMaxSize(40).map(list -> {
            List<Row> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Row r = list.get(i);
                out.add(new Row(i, r.eventTime(), r.kind(), r.key(), r.value(), r.attr1(), r.attr2(), r.attr3()));
            }
            return out;
        });
    }

    @Property(tries = 500)
    void everyCatalogAggregateIsIndependentOfOrderAndGrouping(@ForAll("catalogAggregates") NamedAggregate aggregate,
                                                              @ForAll("rows") List<Row> rows,
                                                              @ForAll @IntRange(min = 1, max = 6) int partitions,
                                                              @ForAll long seed) {
        AggregateFunction<Object, Object> f = aggregate.function();
        Object sequential = f.create();
        for (Row r : rows) {
            sequential = f.add(sequential, r);
        }
        Object expected = f.result(sequential);

        RandomGenerator random = new RandomStreams(seed).stream("grouping");
        List<List<Row>> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new ArrayList<>());
        }
        for (Row r : rows) {
            parts.get(random.nextInt(partitions)).add(r);
        }
        List<Object> partials = new ArrayList<>();
        for (List<Row> part : parts) {
            for (int i = part.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Row t = part.get(i);
                part.set(i, part.get(j));
                part.set(j, t);
            }
            Object acc = f.create();
            for (Row r : part) {
                acc = f.add(acc, r);
            }
            partials.add(acc);
        }
        partials.add(f.create());
        while (partials.size() > 1) {
            Object a = partials.remove(random.nextInt(partials.size()));
            Object b = partials.remove(random.nextInt(partials.size()));
            partials.add(random.nextInt(partials.size() + 1), f.merge(a, b));
        }
        Statistics.label("aggregate").collect(aggregate.name());
        assertThat(f.result(partials.get(0))).as("%s of %s rows", aggregate, rows.size()).isEqualTo(expected);
    }

    /**
     * A catalog aggregate's fold, which engines fill in place, ends in the accumulator its chain of
     * {@code add} gives, equal and with the same result; and that accumulator is no fold.
     */
    @Property(tries = 300)
    void everyCatalogFoldEndsWhereItsChainOfAddEnds(@ForAll("foldingAggregates") NamedAggregate aggregate,
                                                    @ForAll("rows") List<Row> rows) {
        AggregateFunction<Object, Object> f = aggregate.function();
        Fold<Object> fold = f.newFold();
        Object chain = f.create();
        for (Row r : rows) {
            fold.add(r);
            chain = f.add(chain, r);
        }
        Object folded = fold.accumulator();
        Statistics.label("aggregate").collect(aggregate.name());
        assertThat(folded).as("%s of %s rows", aggregate, rows.size()).isEqualTo(chain).isNotInstanceOf(Fold.class);
        assertThat(f.result(folded)).isEqualTo(f.result(chain));
    }

    @Provide
    Arbitrary<NamedAggregate> foldingAggregates() {
        return catalogAggregates().filter(a -> a.function().newFold() != null);
    }

    @Property(tries = 300)
    void theNearestRankPercentileIsTheValueOfRankCeilPTimesN(@ForAll @Size(max = 50) List<@DoubleRange(min = 0, max = 100) Double> values,
                                                            @ForAll @IntRange(min = 1, max = 100) int percent) {
        SortedDoubles added = SortedDoubles.empty();
        for (double v : values) {
            added = added.with(v);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertThat(added.toArray()).containsExactly(sorted);
        assertThat(added).isEqualTo(SortedDoubles.of(sorted));
        if (values.isEmpty()) {
            assertThat(added.nearestRank(percent)).isNaN();
            return;
        }
        // The smallest value with at least percent % of the values at or below it.
        double expected = Double.NaN;
        for (double candidate : sorted) {
            long atOrBelow = Arrays.stream(sorted).filter(v -> v <= candidate).count();
            if (atOrBelow * 100 >= (long) percent * sorted.length) {
                expected = candidate;
                break;
            }
        }
        assertThat(added.nearestRank(percent)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void vwapSumsArePriceTimesVolumeExactly(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 10_000_000) Integer> cents,
                                            @ForAll @LongRange(min = 1, max = 1L << 40) long volumeScale) {
        StockJobs.VwapSums sums = StockJobs.VwapSums.EMPTY;
        BigDecimal pv = BigDecimal.ZERO;
        BigDecimal v = BigDecimal.ZERO;
        for (int i = 0; i < cents.size(); i++) {
            double price = cents.get(i) / 100.0;
            long volume = 1 + (cents.get(i) * 7919L + i) % volumeScale;
            sums = sums.plus(new Row(i, 0, 0, 1, price, volume, 0, 0));
            pv = pv.add(new BigDecimal(price).multiply(BigDecimal.valueOf(volume)));
            v = v.add(BigDecimal.valueOf(volume));
        }
        assertThat(sums.priceVolume().exactValue()).isEqualByComparingTo(pv);
        assertThat(sums.vwap()).isEqualTo(pv.divide(v, new MathContext(60)).doubleValue());
    }

    /**
     * Q7 adds a bid as {@link HighestBids#plus} of its {@link NexmarkBid} would, though it makes the
     * bid only when its price is not below the highest: on prices with ties, zeros of both signs
     * and NaN, which {@code Double.compare} orders.
     */
    @Property(tries = 300)
    void q7AddsABidAsItsHighestBidsWould(@ForAll("rows") List<Row> before, @ForAll("rows") List<Row> next) {
        HighestBids highest = HighestBids.NONE;
        for (Row r : before) {
            highest = highest.plusBidIn(r);
        }
        for (Row r : next) {
            Row bid = r.withValue(r.value() == 1e-300 ? Double.NaN : r.value());
            HighestBids expected = highest.plus(new NexmarkBid(bid.attr2(), bid.attr1(), bid.value(), bid.eventTime()));
            highest = addedTheLongWay(highest, highest.plusBidIn(bid), expected);
        }
        bothWaysCovered();
    }

    /** Q5 adds an auction's count as merging it would, though it keeps the accumulator as it is below the most bids. */
    @Property(tries = 300)
    void q5AddsACountAsMergingItWould(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 6) Integer> before,
                                      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 6) Integer> next) {
        HotAuctions hottest = HotAuctions.NONE;
        for (int i = 0; i < before.size(); i++) {
            hottest = hottest.plus(i, before.get(i));
        }
        for (int i = 0; i < next.size(); i++) {
            long auction = 100 + i;
            long count = next.get(i);
            HotAuctions expected = hottest.merge(new HotAuctions(count, List.of(auction)));
            hottest = addedTheLongWay(hottest, hottest.plus(auction, count), expected);
        }
        bothWaysCovered();
    }

    /**
     * An accumulator's add that may return the accumulator as it is ({@code added}) equals its long
     * way ({@code expected}); labelled by which it did, for {@link #bothWaysCovered}.
     */
    private static <A> A addedTheLongWay(A accumulator, A added, A expected) {
        Statistics.label("add").collect(added == accumulator ? "left as it was" : "changes it");
        assertThat(added).isEqualTo(expected);
        return added;
    }

    /** Both ways of {@link #addedTheLongWay} came up. */
    private static void bothWaysCovered() {
        Statistics.label("add").coverage(c -> {
            c.check("left as it was").count(n -> n > 0);
            c.check("changes it").count(n -> n > 0);
        });
    }

    @Property
    void storeProductKeysReadBackAndSortByStoreThenProduct(@ForAll @LongRange(min = 0, max = Integer.MAX_VALUE) long store,
                                                           @ForAll @LongRange(min = 0, max = Integer.MAX_VALUE) long product,
                                                           @ForAll @LongRange(min = 0, max = Integer.MAX_VALUE) long otherStore,
                                                           @ForAll @LongRange(min = 0, max = Integer.MAX_VALUE) long otherProduct) {
        long key = StoreProduct.key(store, product);
        assertThat(StoreProduct.of(key)).isEqualTo(new StoreProduct(store, product));
        long other = StoreProduct.key(otherStore, otherProduct);
        int byPair = store != otherStore ? Long.compare(store, otherStore) : Long.compare(product, otherProduct);
        assertThat(Integer.signum(Long.compare(key, other))).isEqualTo(Integer.signum(byPair));
    }
}
