package org.flowlab.sim.catalog;

import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.job.aggregate.ExactSum;
import org.flowlab.sim.job.aggregate.Fold;
import org.flowlab.workloads.TraceSchema;

/**
 * The jobs of {@code stock-ticks} (key = symbol, value = price, attr1 = volume in shares): the
 * volume-weighted average price, {@code Σ price·volume / Σ volume}, per symbol and window. Both
 * sums are exact — each price·volume product is added as its rounded value plus the rounding error
 * ({@link Math#fma}), so nothing is lost — and the quotient is rounded once, so every engine gets
 * the same bits whatever order the trades come in.
 */
final class StockJobs {

    private StockJobs() {
    }

    static Job vwapPerSecond(TraceSchema schema, JobParameters p) {
        return vwap("vwap-1s", "volume-weighted average price per symbol per second", "1s");
    }

    static Job vwapPerMinute(TraceSchema schema, JobParameters p) {
        return vwap("vwap-1m", "volume-weighted average price per symbol per minute", "1m");
    }

    private static Job vwap(String name, String description, String window) {
        return Job.named(name, description)
                .from(RowFilter.kind("trade"))
                .keyBy("symbol", Row::key)
                .window(Windows.tumbling(window))
                .aggregate(vwap())
                .build();
    }

    /** The VWAP of the rows' value (price) weighted by attr1 (volume); a {@code Double}, NaN for no volume. */
    static AggregateFunction<VwapSums, Double> vwap() {
        return Aggregates.of("vwap", () -> VwapSums.EMPTY, VwapSums::plus, VwapSums::merge, VwapSums::vwap,
                VwapFold::new);
    }

    /** The two sums of {@link VwapSums#plus}, filled in place: the same steps, no new object per trade. */
    static final class VwapFold implements Fold<VwapSums> {
        private final ExactSum.Adder priceVolume = ExactSum.adder();
        private final ExactSum.Adder volume = ExactSum.adder();

        @Override
        public void add(Row row) {
            double price = row.value();
            double shares = row.attr1();
            double product = price * shares;
            priceVolume.add(product);
            priceVolume.add(Math.fma(price, shares, -product));
            volume.add(shares);
        }

        @Override
        public VwapSums accumulator() {
            return new VwapSums(priceVolume.accumulator(), volume.accumulator());
        }
    }

    /** Σ price·volume and Σ volume, exactly; immutable. */
    record VwapSums(ExactSum priceVolume, ExactSum volume) {
        static final VwapSums EMPTY = new VwapSums(ExactSum.ZERO, ExactSum.ZERO);

        VwapSums plus(Row row) {
            double price = row.value();
            double shares = row.attr1();
            double product = price * shares;
            // Volumes are whole numbers below 2^53, so the product's rounding error is exactly this.
            double error = Math.fma(price, shares, -product);
            return new VwapSums(priceVolume.plus(product, error), volume.plus(shares));
        }

        VwapSums merge(VwapSums o) {
            return new VwapSums(priceVolume.plus(o.priceVolume), volume.plus(o.volume));
        }

        double vwap() {
            return priceVolume.dividedBy(volume);
        }
    }
}
