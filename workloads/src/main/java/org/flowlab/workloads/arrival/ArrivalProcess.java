package org.flowlab.workloads.arrival;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.spec.SpecReader;

/**
 * When events happen: a closed family of arrival processes, each a value. A scenario's JSON names
 * the shape ({@code {"type":"poisson"}}) and the scenario's {@code rate} field sets the level, so
 * overriding the rate on the command line scales every shape:
 * <ul>
 *   <li>{@code {"type":"constant"}}: evenly spaced, see {@link ConstantRate};</li>
 *   <li>{@code {"type":"poisson"}}: exponential gaps, see {@link PoissonArrivals};</li>
 *   <li>{@code {"type":"bursty","highRate":"5000/s","lowRate":"100/s","meanHigh":"30s","meanLow":"2m"}}:
 *       on/off periods, see {@link BurstyOnOff};</li>
 *   <li>{@code {"type":"diurnal","peakHour":14,"troughFraction":0.2}}: a sinusoidal day, see
 *       {@link DiurnalArrivals}.</li>
 * </ul>
 */
public sealed interface ArrivalProcess permits ConstantRate, PoissonArrivals, BurstyOnOff, DiurnalArrivals {

    /** The JSON {@code type} names, in the order they are documented. */
    List<String> TYPES = List.of("constant", "poisson", "bursty", "diurnal");

    /**
     * Parses an arrival object; {@code meanRatePerSecond} is the scenario's rate, which every shape
     * honours as its long-run mean.
     */
    static ArrivalProcess fromJson(SpecReader r, double meanRatePerSecond) {
        String type = r.oneOf("type", TYPES);
        return switch (type) {
            case "constant" -> {
                r.rejectUnknown("type");
                yield new ConstantRate(meanRatePerSecond);
            }
            case "poisson" -> {
                r.rejectUnknown("type");
                yield new PoissonArrivals(meanRatePerSecond);
            }
            case "bursty" -> BurstyOnOff.fromJson(r, meanRatePerSecond);
            case "diurnal" -> DiurnalArrivals.fromJson(r, meanRatePerSecond);
            default -> throw new IllegalStateException(type);
        };
    }

    /** A clock of event times from {@code startNanos} on, drawing from {@code rng}. */
    ArrivalClock clock(RandomGenerator rng, long startNanos);

    /** The long-run mean number of events per second. */
    double meanRatePerSecond();

    /** The expected number of events with event time in {@code [fromNanos, toNanos)}. */
    double expectedCount(long fromNanos, long toNanos);
}
