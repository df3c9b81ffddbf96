package org.flowlab.workloads.scenario;

import java.util.List;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
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
 * {@code crm-warehouse}: a quarter of customer interactions loaded into a data warehouse, the
 * low-rate, long-horizon end of the catalog (customer 360 views, segment revenue per week).
 * Every customer belongs to one segment for the whole trace; enterprise customers spend more per
 * purchase. Records from stores and call centres reach the warehouse late, some days late.
 *
 * <p>Events: kind {@code email} (a marketing email opened), {@code call} (a call to the contact
 * centre), {@code visit} (a visit to the web site, the app or a store) or {@code purchase};
 * key = customer; value = purchase amount in currency units (rounded to cents; 0 for the other
 * kinds); attr1 = segment (index into {@link #SEGMENTS}); attr2 = channel (index into
 * {@link #CHANNELS}: emails come by email, calls by phone, visits and purchases through the web,
 * the app or a store).
 */
public final class CrmWarehouseScenario {

    /** The customer segments, in the order of their attr1 index. */
    public static final List<String> SEGMENTS = List.of("consumer", "small-business", "enterprise");

    /** The channels, in the order of their attr2 index. */
    public static final List<String> CHANNELS = List.of("email", "phone", "web", "mobile", "store");

    /** The columns of a crm-warehouse trace. */
    public static final TraceSchema SCHEMA = new TraceSchema(List.of("email", "call", "visit", "purchase"),
            "customer", "amount", "segment", "channel", null, List.of("none"));

    private static final int EMAIL = 0;
    private static final int CALL = 1;
    private static final int PURCHASE = 3;
    /** Visits and purchases happen on the channels from index 2 on (web, mobile, store). */
    private static final int FIRST_SHOPPING_CHANNEL = 2;

    private CrmWarehouseScenario() {
    }

    public static Trace generate(WorkloadSpec spec, long seed, RandomStreams streams) {
        SpecReader r = spec.reader();
        CommonFields common = CommonFields.read(r, "arrival", "customers", "segments", "interactions", "channels",
                "purchaseAmount", "disorder");
        ArrivalProcess arrival = ArrivalProcess.fromJson(r.object("arrival"), common.ratePerSecond());
        KeyDistribution customers = CommonFields.keysWithState(r, "customers");
        SpecReader segmentsJson = r.object("segments");
        segmentsJson.rejectUnknown(SEGMENTS);
        double[] segmentWeight = new double[SEGMENTS.size()];
        double[] spendFactor = new double[SEGMENTS.size()];
        double weightSum = 0;
        for (int s = 0; s < SEGMENTS.size(); s++) {
            SpecReader one = segmentsJson.object(SEGMENTS.get(s));
            one.rejectUnknown("share", "spendFactor");
            segmentWeight[s] = one.nonNegative("share");
            spendFactor[s] = one.positive("spendFactor");
            weightSum += segmentWeight[s];
        }
        if (!(weightSum > 0)) {
            throw segmentsJson.error("consumer.share", "the shares of the segments must not all be 0");
        }
        for (int s = 0; s < segmentWeight.length; s++) {
            segmentWeight[s] /= weightSum;
        }
        double[] interactionShare = CommonFields.shares(r.object("interactions"), SCHEMA.kinds());
        double[] channelShare = CommonFields.shares(r.object("channels"),
                CHANNELS.subList(FIRST_SHOPPING_CHANNEL, CHANNELS.size()));
        ValueDistribution purchaseAmount = ValueDistribution.fromJson(r.object("purchaseAmount"));
        Disorder disorder = Disorder.fromJson(r.object("disorder"));

        long[] times = ArrivalBound.duration(0, common.durationNanos()).times(arrival.clock(streams.stream("arrivals"), 0));
        // Segments belong to customers, not to events: assign them once, in key order.
        EnumeratedIntegerDistribution segmentOf = CommonFields.choice(streams.stream("segments"), segmentWeight);
        byte[] segment = new byte[customers.keyCount()];
        for (int c = 0; c < segment.length; c++) {
            segment[c] = (byte) segmentOf.sample();
        }
        KeySampler customer = customers.sampler(streams.stream("customers"));
        EnumeratedIntegerDistribution kinds = CommonFields.choice(streams.stream("kinds"), interactionShare);
        EnumeratedIntegerDistribution channels = CommonFields.choice(streams.stream("channels"), channelShare);
        ValueSampler amounts = purchaseAmount.sampler(streams.stream("amounts"));
        DelaySampler delay = disorder.sampler(streams.stream("disorder"));

        TraceBuilder trace = new TraceBuilder(spec, seed, SCHEMA, times.length);
        for (long t : times) {
            int kind = kinds.sample();
            int c = (int) customer.next();
            int seg = segment[c];
            int channel = switch (kind) {
                case EMAIL -> 0;
                case CALL -> 1;
                default -> FIRST_SHOPPING_CHANNEL + channels.sample();
            };
            double value = kind == PURCHASE
                    ? Math.max(0.01, CommonFields.cents(amounts.next() * spendFactor[seg]))
                    : 0;
            trace.add(t, t + delay.nextDelay(), kind, c, value, seg, channel, 0, 0);
        }
        return trace.build();
    }
}
