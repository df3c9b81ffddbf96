package org.flowlab.workloads.scenario;

import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.arrival.ArrivalProcess;
import org.flowlab.workloads.arrival.BurstyOnOff;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * How many events a spec should give and how far chance may move the count: the mean is
 * {@code rate * duration} (for diurnal shapes only over whole days), the spread the standard
 * deviation of each scenario's counting process.
 *
 * @param mean the expected number of events
 * @param sd   its standard deviation (an upper bound where the exact one is awkward)
 */
record ExpectedCount(double mean, double sd) {

    static ExpectedCount of(WorkloadSpec spec) {
        SpecReader r = spec.reader();
        double seconds = spec.duration() / (double) DurationText.NANOS_PER_SECOND;
        double rate = spec.rate();
        double mean = rate * seconds;
        return switch (spec.scenario()) {
            // Poisson counts; bank-eod's second transfer legs at most double the variance.
            case "retail-etl", "crm-warehouse" -> new ExpectedCount(mean, Math.sqrt(mean));
            case "bank-eod" -> new ExpectedCount(mean, Math.sqrt(2 * mean));
            case "card-fraud" -> {
                // Bursts: a Poisson number of them, each of at most maxTransactions + 1 events.
                SpecReader f = r.object("fraud");
                double bursts = f.number("burstsPerHour") * seconds / 3600;
                double k = f.number("maxTransactions") + 1;
                yield new ExpectedCount(mean, Math.sqrt(mean + bursts * k * k));
            }
            case "stock-ticks" -> {
                ArrivalProcess p = ArrivalProcess.fromJson(r.object("arrival"), rate);
                if (!(p instanceof BurstyOnOff b)) {
                    yield new ExpectedCount(mean, Math.sqrt(mean));
                }
                yield new ExpectedCount(mean, Math.sqrt(b.countVariance(spec.duration())));
            }
            case "infra-monitoring" -> {
                // Periodic: hosts are a whole number, and each host reports once more or less at the ends.
                long period = r.duration("period");
                int hosts = InfraMonitoringScenario.hostCount(rate, period);
                double reports = hosts * spec.duration() / (double) period;
                double rounding = Math.abs(2 * reports - mean);
                yield new ExpectedCount(mean, (rounding + 2 * hosts) / 5 + 1);
            }
            default -> throw new IllegalArgumentException(spec.scenario());
        };
    }

    /** Whether {@code count} is within five standard deviations of the mean. */
    boolean admits(long count) {
        return Math.abs(count - mean) <= 5 * sd;
    }
}
