package org.flowlab.sim.catalog;

import java.util.List;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.text.DurationText;

/**
 * The detector of {@code card-fraud} (key = card, value = amount, attr1 = country, attr2 =
 * merchant). Per card it keeps, in keyed state, the count and sum of all its earlier amounts (the
 * running mean) and its latest purchase's country and time; an event-time timer
 * {@code countryWindow} after the latest purchase forgets the country, so that state holds only
 * what the rule can still use. A purchase raises a {@link FraudAlert} when
 * <ul>
 *   <li>{@code amount}: the card has at least {@code minHistory} earlier purchases and the amount
 *       is more than {@code k} times their mean; or</li>
 *   <li>{@code country}: its country differs from that of the card's previous purchase, made at
 *       most {@code countryWindow} earlier (nobody travels between countries that fast).</li>
 * </ul>
 * Purchases are seen per card in event-time order, so the mean — a plain double sum, added in that
 * fixed order — is the same in every engine.
 */
final class CardFraudJobs {

    static final List<JobParameter> PARAMETERS = List.of(
            new JobParameter("k", "10", "an amount above k times the card's running mean is suspicious; a number from 1 to 1000"),
            new JobParameter("minHistory", "10", "earlier purchases a card needs before the amount rule applies; 1 to 1000"),
            new JobParameter("countryWindow", "10m", "two countries within this long are suspicious; 1s to 1d"));

    private CardFraudJobs() {
    }

    static Job fraudAlerts(TraceSchema schema, JobParameters p) {
        double k = p.number("k", 1, 1000);
        int minHistory = p.integer("minHistory", 1, 1000);
        long window = p.duration("countryWindow", DurationText.NANOS_PER_SECOND, DurationText.NANOS_PER_DAY);
        return Job.named("fraud-alerts", "alerts on purchases above k times the card's mean, or two countries within "
                        + p.text("countryWindow").trim())
                .from(RowFilter.kind("purchase"))
                .keyBy("card", Row::key)
                .process("fraud-detector", () -> new FraudDetector(k, minHistory, window))
                .build();
    }

    /** The per-card rules; its fields are configuration only, all state is in the context. */
    static final class FraudDetector implements KeyedProcessFunction {
        private static final String PROFILE = "profile";
        private static final String RECENT = "recent";

        private final double k;
        private final int minHistory;
        private final long window;

        FraudDetector(double k, int minHistory, long window) {
            this.k = k;
            this.minHistory = minHistory;
            this.window = window;
        }

        /** How many amounts the card has had and their sum. */
        record Profile(long count, double sum) {
        }

        /** The card's latest purchase, while it is younger than the window. */
        record Recent(long country, long time) {
        }

        @Override
        public void processElement(Row row, ProcessContext ctx) {
            long t = row.eventTime();
            double amount = row.value();
            long country = row.attr1();
            Profile profile = ctx.state(PROFILE);
            Recent recent = ctx.state(RECENT);
            long count = profile == null ? 0 : profile.count();
            double sum = profile == null ? 0 : profile.sum();
            double mean = count == 0 ? 0 : sum / count;

            boolean amountRule = count >= minHistory && amount > k * mean;
            boolean countryRule = recent != null && recent.country() != country;
            if (amountRule || countryRule) {
                String reason = amountRule && countryRule ? "amount+country" : amountRule ? "amount" : "country";
                ctx.emit(new FraudAlert(reason, t, amount, country, row.attr2(), mean, count,
                        recent == null ? -1 : recent.country()));
            }

            ctx.setState(PROFILE, new Profile(count + 1, sum + amount));
            if (recent != null) {
                ctx.deleteTimer(recent.time() + window);
            }
            ctx.setState(RECENT, new Recent(country, t));
            ctx.registerTimer(t + window);
        }

        @Override
        public void onTimer(long timestamp, ProcessContext ctx) {
            // The latest purchase is now older than the window: no later purchase can pair with it.
            ctx.clearState(RECENT);
        }
    }
}
