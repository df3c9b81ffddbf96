package org.flowlab.workloads.scenario;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
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
import org.flowlab.workloads.values.ValueDistribution;
import org.flowlab.workloads.values.ValueSampler;

/**
 * {@code retail-etl}: till receipts from a chain of stores over a day, the classic input of a
 * nightly ETL job (revenue per store and product). Sales follow the shoppers' day (a diurnal
 * arrival process); big stores sell more (skewed store keys); a few products sell most. Stores
 * do not stream: each buffers its sales and uploads them every {@code uploadEvery}, at a phase
 * of its own, and some uploads fail and come hours later ({@code disorder}).
 *
 * <p>Events: kind {@code sale} (value = +amount) or {@code return} (value = -amount, the refund),
 * key = store, attr1 = product; amounts in currency units, rounded to cents.
 */
public final class RetailEtlScenario {

    /** The columns of a retail-etl trace. */
    public static final TraceSchema SCHEMA = new TraceSchema(List.of("sale", "return"), "store", "amount",
            "product", null, null, List.of("none"));

    private RetailEtlScenario() {
    }

    public static Trace generate(WorkloadSpec spec, long seed, RandomStreams streams) {
        SpecReader r = spec.reader();
        CommonFields common = CommonFields.read(r, "arrival", "stores", "products", "amount", "returnFraction",
                "uploadEvery", "disorder");
        ArrivalProcess arrival = ArrivalProcess.fromJson(r.object("arrival"), common.ratePerSecond());
        KeyDistribution stores = CommonFields.keysWithState(r, "stores");
        KeyDistribution products = KeyDistribution.fromJson(r.object("products"));
        ValueDistribution amount = ValueDistribution.fromJson(r.object("amount"));
        double returnFraction = r.probability("returnFraction");
        long uploadEvery = r.durationOrZero("uploadEvery");
        Disorder disorder = Disorder.fromJson(r.object("disorder"));

        long[] times = ArrivalBound.duration(0, common.durationNanos()).times(arrival.clock(streams.stream("arrivals"), 0));
        // Each store uploads at its own phase, so uploads do not all land on the same instant.
        RandomGenerator phases = streams.stream("upload-phases");
        long[] phase = new long[stores.keyCount()];
        for (int s = 0; s < phase.length; s++) {
            phase[s] = uploadEvery == 0 ? 0 : (long) (phases.nextDouble() * uploadEvery);
        }
        KeySampler store = stores.sampler(streams.stream("stores"));
        KeySampler product = products.sampler(streams.stream("products"));
        ValueSampler amounts = amount.sampler(streams.stream("amounts"));
        RandomGenerator kinds = streams.stream("kinds");
        DelaySampler delay = disorder.sampler(streams.stream("disorder"));

        TraceBuilder trace = new TraceBuilder(spec, seed, SCHEMA, times.length);
        for (long t : times) {
            int s = (int) store.next();
            boolean isReturn = kinds.nextDouble() < returnFraction;
            // A till never rings up less than a cent, whatever distribution the spec names.
            double a = Math.max(0.01, CommonFields.cents(amounts.next()));
            long uploaded = uploadEvery == 0 ? t : nextUpload(t, phase[s], uploadEvery);
            trace.add(t, uploaded + delay.nextDelay(), isReturn ? 1 : 0, s, isReturn ? -a : a,
                    product.next(), 0, 0, 0);
        }
        return trace.build();
    }

    /** The first upload time at or after {@code t} of a store uploading at {@code phase + k * every}. */
    static long nextUpload(long t, long phase, long every) {
        long k = Math.floorDiv(t - phase + every - 1, every);
        return phase + k * every;
    }
}
