package org.flowlab.workloads.scenario;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.arrival.ArrivalBound;
import org.flowlab.workloads.arrival.ArrivalProcess;
import org.flowlab.workloads.disorder.DelaySampler;
import org.flowlab.workloads.disorder.Disorder;
import org.flowlab.workloads.keys.KeyDistribution;
import org.flowlab.workloads.keys.KeySampler;
import org.flowlab.workloads.random.RandomStreams;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.values.ValueDistribution;
import org.flowlab.workloads.values.ValueSampler;

/**
 * {@code stock-ticks}: trades on an exchange feed, the high-rate, bursty, skewed end of the
 * catalog (moving averages, VWAP per symbol and minute). Trading comes in bursts (on/off
 * arrivals) and concentrates on a few hot symbols. Each symbol's price is its own geometric
 * random walk: between two of its trades {@code dt} hours apart, {@code ln(price)} moves by a
 * normal step with mean {@code (drift - volatility^2 / 2) dt} and standard deviation
 * {@code volatility * sqrt(dt)}.
 *
 * <p>Events: kind {@code trade}; key = symbol; value = price in currency units, rounded to the
 * tick size; attr1 = volume, whole shares, at least 1.
 */
public final class StockTicksScenario {

    /** The columns of a stock-ticks trace. */
    public static final TraceSchema SCHEMA = new TraceSchema(List.of("trade"), "symbol", "price",
            "volume", null, null, List.of("none"));

    private StockTicksScenario() {
    }

    public static Trace generate(WorkloadSpec spec, long seed, RandomStreams streams) {
        SpecReader r = spec.reader();
        CommonFields common = CommonFields.read(r, "arrival", "symbols", "openingPrice", "hourlyVolatility",
                "hourlyDrift", "tickSize", "volume", "disorder");
        ArrivalProcess arrival = ArrivalProcess.fromJson(r.object("arrival"), common.ratePerSecond());
        KeyDistribution symbols = CommonFields.keysWithState(r, "symbols");
        ValueDistribution openingPrice = ValueDistribution.fromJson(r.object("openingPrice"));
        double volatility = r.between("hourlyVolatility", 0, 10);
        double drift = r.between("hourlyDrift", -1, 1);
        double tick = r.positive("tickSize");
        ValueDistribution volume = ValueDistribution.fromJson(r.object("volume"));
        Disorder disorder = Disorder.fromJson(r.object("disorder"));

        long[] times = ArrivalBound.duration(0, common.durationNanos()).times(arrival.clock(streams.stream("arrivals"), 0));
        // Every symbol opens at its own price, drawn once, in key order; the walk is kept in logs.
        ValueSampler opening = openingPrice.sampler(streams.stream("opening-prices"));
        double[] logPrice = new double[symbols.keyCount()];
        long[] lastTrade = new long[symbols.keyCount()];
        for (int s = 0; s < logPrice.length; s++) {
            logPrice[s] = Math.log(Math.max(tick, opening.next()));
        }
        KeySampler symbol = symbols.sampler(streams.stream("symbols"));
        NormalDistribution steps = new NormalDistribution(streams.stream("prices"), 0, 1,
                NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        ValueSampler volumes = volume.sampler(streams.stream("volumes"));
        DelaySampler delay = disorder.sampler(streams.stream("disorder"));

        TraceBuilder trace = new TraceBuilder(spec, seed, SCHEMA, times.length);
        for (long t : times) {
            int s = (int) symbol.next();
            double hours = (t - lastTrade[s]) / (double) DurationText.NANOS_PER_HOUR;
            logPrice[s] += (drift - volatility * volatility / 2) * hours + volatility * Math.sqrt(hours) * steps.sample();
            lastTrade[s] = t;
            // Exchanges quote prices in ticks; a price never rounds down to zero.
            double price = Math.max(1, Math.round(Math.exp(logPrice[s]) / tick)) * tick;
            long shares = Math.max(1, Math.round(volumes.next()));
            trace.add(t, t + delay.nextDelay(), 0, s, price, shares, 0, 0, 0);
        }
        return trace.build();
    }
}
