package org.flowlab.sim.batch;

import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.job.aggregate.ExactSum;

/**
 * The volume-weighted average price per symbol and minute over {@code stock-ticks}, as the job
 * catalog defines it ({@code vwap-1m}); repeated here because the catalog is on another branch.
 */
final class Vwap {
    private Vwap() {
    }

    static Job perMinute() {
        return Job.named("vwap-1m", "volume-weighted average price per symbol per minute")
                .from(RowFilter.kind("trade"))
                .keyBy("symbol", Row::key)
                .window(Windows.tumbling("1m"))
                .aggregate(vwap())
                .build();
    }

    static AggregateFunction<Sums, Double> vwap() {
        return Aggregates.of("vwap", () -> Sums.EMPTY, Sums::plus, Sums::merge, Sums::vwap);
    }

    /** Σ price·volume and Σ volume, exactly. */
    record Sums(ExactSum priceVolume, ExactSum volume) {
        static final Sums EMPTY = new Sums(ExactSum.ZERO, ExactSum.ZERO);

        Sums plus(Row row) {
            double price = row.value();
            double shares = row.attr1();
            double product = price * shares;
            return new Sums(priceVolume.plus(product).plus(Math.fma(price, shares, -product)), volume.plus(shares));
        }

        Sums merge(Sums o) {
            return new Sums(priceVolume.plus(o.priceVolume), volume.plus(o.volume));
        }

        double vwap() {
            return priceVolume.dividedBy(volume);
        }
    }
}
