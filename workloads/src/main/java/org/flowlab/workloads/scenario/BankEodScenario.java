package org.flowlab.workloads.scenario;

import java.util.List;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
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
 * {@code bank-eod}: postings to bank accounts over a few days, the input of an end-of-day balance
 * job (sum of value per account and day). Postings follow the business day (diurnal); some are
 * posted hours late, after the day they belong to has closed, which is what makes end-of-day
 * batch jobs rerun.
 *
 * <p>Events, as a double-entry ledger posts them, so that summing {@code value} by account gives
 * each balance's change: kind {@code deposit} (value = +amount), {@code withdrawal}
 * (value = -amount), and {@code transfer}, posted as two events with the same event and arrival
 * time: the debit on the paying account (value = -amount, attr1 = the receiving account) and the
 * credit on the receiving one (value = +amount, attr1 = the paying account). attr1 is -1 for
 * deposits and withdrawals; attr2 pairs the two legs of a transfer (1, 2, 3 … in event-time
 * order; 0 for the others). Key = account; amounts in currency units, rounded to cents.
 */
public final class BankEodScenario {

    /** The columns of a bank-eod trace. */
    public static final TraceSchema SCHEMA = new TraceSchema(List.of("deposit", "withdrawal", "transfer"),
            "account", "amount", "counterparty", "transfer", null, List.of("none"));

    private static final List<String> KINDS = SCHEMA.kinds();
    private static final int DEPOSIT = 0;
    private static final int WITHDRAWAL = 1;
    private static final int TRANSFER = 2;
    /** Redraws of a counterparty equal to the payer before one is drawn uniformly from the other accounts. */
    private static final int MAX_REDRAWS = 100;

    private BankEodScenario() {
    }

    public static Trace generate(WorkloadSpec spec, long seed, RandomStreams streams) {
        SpecReader r = spec.reader();
        CommonFields common = CommonFields.read(r, "arrival", "accounts", "mix", "amounts", "disorder");
        double[] mix = CommonFields.shares(r.object("mix"), KINDS);
        // A transfer is two events, so operations happen a little slower than events.
        double operationRate = common.ratePerSecond() / (1 + mix[TRANSFER]);
        ArrivalProcess arrival = ArrivalProcess.fromJson(r.object("arrival"), operationRate);
        KeyDistribution accounts = KeyDistribution.fromJson(r.object("accounts"));
        if (accounts.keyCount() < 2 && mix[TRANSFER] > 0) {
            throw r.error("accounts.n", "must be at least 2 when there are transfers (got " + accounts.keyCount() + ")");
        }
        SpecReader amountsJson = r.object("amounts");
        amountsJson.rejectUnknown(KINDS);
        ValueDistribution[] amount = new ValueDistribution[KINDS.size()];
        for (int k = 0; k < amount.length; k++) {
            amount[k] = ValueDistribution.fromJson(amountsJson.object(KINDS.get(k)));
        }
        Disorder disorder = Disorder.fromJson(r.object("disorder"));

        long[] times = ArrivalBound.duration(0, common.durationNanos()).times(arrival.clock(streams.stream("arrivals"), 0));
        EnumeratedIntegerDistribution kinds = CommonFields.choice(streams.stream("kinds"), mix);
        KeySampler account = accounts.sampler(streams.stream("accounts"));
        KeySampler counterparty = accounts.sampler(streams.stream("counterparties"));
        RandomGenerator fallback = streams.stream("counterparty-fallback");
        ValueSampler[] amounts = new ValueSampler[amount.length];
        for (int k = 0; k < amounts.length; k++) {
            amounts[k] = amount[k].sampler(streams.stream("amounts-" + KINDS.get(k)));
        }
        DelaySampler delay = disorder.sampler(streams.stream("disorder"));

        TraceBuilder trace = new TraceBuilder(spec, seed, SCHEMA, (int) (times.length * (1 + mix[TRANSFER])) + 16);
        long transfers = 0;
        for (long t : times) {
            int kind = kinds.sample();
            long from = account.next();
            double a = Math.max(0.01, CommonFields.cents(amounts[kind].next()));
            long arrives = t + delay.nextDelay();
            switch (kind) {
                case DEPOSIT -> trace.add(t, arrives, DEPOSIT, from, a, -1, 0, 0, 0);
                case WITHDRAWAL -> trace.add(t, arrives, WITHDRAWAL, from, -a, -1, 0, 0, 0);
                default -> {
                    long to = counterparty.next();
                    for (int redraws = 0; to == from; redraws++) {
                        if (redraws == MAX_REDRAWS) {
                            // A skew so steep that every draw is the payer (a huge Zipf exponent, one hot key taking
                            // every draw) would loop for ever: any other account, uniformly, ends it.
                            to = (from + 1 + fallback.nextInt(accounts.keyCount() - 1)) % accounts.keyCount();
                            break;
                        }
                        // Nobody transfers to themselves; redrawing keeps the counterparty's skew.
                        to = counterparty.next();
                    }
                    transfers++;
                    trace.add(t, arrives, TRANSFER, from, -a, to, transfers, 0, 0);
                    trace.add(t, arrives, TRANSFER, to, a, from, transfers, 0, 0);
                }
            }
        }
        return trace.build();
    }
}
