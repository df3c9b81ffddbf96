package org.flowlab.experiment;

import java.util.Locale;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.text.RateText;

/**
 * The highest input rate an engine keeps up with, found by bisection.
 *
 * <p><b>Bounded backlog.</b> An engine keeps up with a rate when its backlog (records arrived, not
 * yet read) stays bounded: split the trace's arrival span into halves; the largest backlog in the
 * second half may be at most {@value #GROWTH} times the largest in the first half plus one second of
 * input. A backlog that grows without bound keeps rising, so its second-half peak is about twice
 * its first-half peak; one that is bounded — a stream keeping up, or batch runs finishing within
 * their interval — repeats the same peaks. The trace must span a few of the engine's intervals
 * (at least four) for the halves to be comparable. With a steady input over T seconds, an overload
 * (input above capacity) of more than about {@code 1 / (0.375 T)} of the rate is caught — 4.4 % for
 * a minute, 0.7 % for six — and bursty input needs a longer trace, so that both halves see bursts.
 *
 * <p><b>Search.</b> Start at the plan's rate; double while bounded (or halve while not) to bracket
 * the limit, then bisect on a log scale until the highest bounded and the lowest unbounded rate are
 * within {@value #PRECISION_PERCENT} % of each other. Rates are rounded to three significant digits,
 * so every probe is a sweep point with a stable key. A probe generates at most
 * {@value #MAX_PROBE_EVENTS} events: at higher rates its trace is shortened, down to
 * {@link #requiredSpan}; a rate that would need a shorter trace cannot be judged, which ends the
 * search with the highest bounded rate as a lower bound, and the result says so.
 */
public final class SustainableThroughput {

    /** The shortest trace a probe has, whatever the engine. */
    public static final long MIN_PROBE_SPAN = 10_000_000_000L;
    /** How many of an engine's intervals the trace must span for its backlog to be judged. */
    public static final int SPAN_IN_INTERVALS = 4;
    /** How much the second half's backlog peak may exceed the first half's. */
    public static final double GROWTH = 1.25;
    /** The precision of the result: the bracket's width, percent of its lower end. */
    public static final double PRECISION_PERCENT = 5;
    /** The most events one probe generates. */
    public static final long MAX_PROBE_EVENTS = 2_000_000;
    /** How many times the bracket may double or halve before the search gives up. */
    static final int MAX_BRACKET_STEPS = 24;

    private SustainableThroughput() {
    }

    /**
     * One engine's result.
     *
     * @param paradigm       which engine
     * @param rate           the highest rate found bounded, per second (0 if none was)
     * @param firstUnbounded the lowest rate found unbounded, per second, or null if none was
     * @param probes         how many rates were tried
     * @param limitedByCap   whether the search stopped because the next rate could not be judged within
 *                       {@link #MAX_PROBE_EVENTS} events: {@code rate} is then a lower bound
     * @param firstUnboundedFailure how the run at {@code firstUnbounded} failed, when it did (its backlog
     *                       grows because the job stopped, not because it fell behind), or null
     */
    public record Result(EngineType<?> paradigm, double rate, Double firstUnbounded, int probes, boolean limitedByCap,
                         EngineFailure firstUnboundedFailure) {

        /** A result whose first unbounded rate, if any, did not fail. */
        public Result(EngineType<?> paradigm, double rate, Double firstUnbounded, int probes, boolean limitedByCap) {
            this(paradigm, rate, firstUnbounded, probes, limitedByCap, null);
        }

        /** This result, the run at its first unbounded rate having failed as {@code failure} (null: it did not). */
        Result withFirstUnboundedFailure(EngineFailure failure) {
            return new Result(paradigm, rate, firstUnbounded, probes, limitedByCap, failure);
        }

        /** For people: {@code 2,000/s}, {@code at least 2,000/s} (limited by the cap), or {@code below the lowest rate tried}. */
        public String rateText() {
            return rate > 0 ? (limitedByCap ? "at least " : "") + RateText.format(rate) : "below the lowest rate tried";
        }

        /** After {@link #rateText()}, when the cap limited the search: why; else empty. */
        public String capNote() {
            return limitedByCap ? String.format(Locale.ROOT, " (higher rates need more than %,d events per probe)", MAX_PROBE_EVENTS) : "";
        }

        /**
         * For people, after the rate: why the search ended where it did ({@code  (backlog grows at 2,000/s)},
         * {@code  (its run at 2,000/s failed at 5 s after 0 restarts: ...)}).
         */
        public String boundText() {
            if (limitedByCap) {
                return capNote();
            }
            if (firstUnbounded == null) {
                return " (no rate tried was too high)";
            }
            return firstUnboundedFailure != null ? " (its run at " + RateText.format(firstUnbounded) + " " + firstUnboundedFailure.clause() + ")"
                    : " (backlog grows at " + RateText.format(firstUnbounded) + ")";
        }
    }

    /** Whether the backlog of {@code timeline} stayed bounded over {@code trace}'s arrivals (see the class comment). */
    public static boolean bounded(ThroughputTimeline timeline, Trace trace) {
        if (trace.size() < 2 || timeline.size() == 0) {
            return true;
        }
        long first = trace.firstArrival();
        long last = trace.lastArrival();
        long middle = first + (last - first) / 2;
        long[] backlog = timeline.backlog();
        long peak1 = 0;
        long peak2 = 0;
        for (int i = 0; i < backlog.length; i++) {
            long end = (i + 1) * timeline.bucket();
            if (end <= first || end > last + timeline.bucket()) {
                continue;
            }
            if (end <= middle) {
                peak1 = Math.max(peak1, backlog[i]);
            } else {
                peak2 = Math.max(peak2, backlog[i]);
            }
        }
        double oneSecond = (trace.size() - 1) * 1e9 / Math.max(1, last - first);
        return peak2 <= GROWTH * peak1 + oneSecond;
    }

    /** What a probe at one rate found. */
    public enum Verdict {
        /** The backlog stayed bounded. */
        BOUNDED,
        /** The backlog grew without bound. */
        GROWS,
        /** The rate cannot be judged: a long enough trace would exceed {@link #MAX_PROBE_EVENTS} events. */
        UNTESTABLE,
        /** The scenario cannot generate the rate: it is below the least rate its workload keeps. */
        NOT_GENERATED
    }

    /** Runs (or reads back) the probe at a rate. */
    @FunctionalInterface
    interface Probe {
        Verdict at(double rate);
    }

    /**
     * Bisects {@code paradigm}'s sustainable rate from {@code start}. An untestable rate ends the
     * search: the highest bounded rate found is then a lower bound, and the result says so. A rate
     * the scenario cannot generate (only ever below one it did) ends it too: no lower rate is tried.
     */
    static Result search(EngineType<?> paradigm, double start, Probe probe) {
        int probes = 0;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        boolean limited = false;
        double r = round(start);
        for (int step = 0; step < MAX_BRACKET_STEPS; step++) {
            Verdict v = probe.at(r);
            probes++;
            if (v == Verdict.UNTESTABLE) {
                limited = true;
                break;
            }
            if (v == Verdict.NOT_GENERATED) {
                break;
            }
            if (v == Verdict.BOUNDED) {
                lo = r;
                if (hi < Double.POSITIVE_INFINITY) {
                    break;
                }
                r = round(r * 2);
            } else {
                hi = r;
                if (lo > 0) {
                    break;
                }
                r = round(r / 2);
            }
        }
        while (!limited && lo > 0 && hi < Double.POSITIVE_INFINITY && hi > lo * (1 + PRECISION_PERCENT / 100)) {
            double mid = round(Math.sqrt(lo * hi));
            if (mid <= lo || mid >= hi) {
                break;
            }
            Verdict v = probe.at(mid);
            probes++;
            if (v == Verdict.UNTESTABLE) {
                limited = true;
            } else if (v == Verdict.NOT_GENERATED) {
                break;
            } else if (v == Verdict.BOUNDED) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Result(paradigm, lo, Double.isInfinite(hi) ? null : hi, probes, limited);
    }

    /** A rate rounded to three significant digits. */
    static double round(double rate) {
        return new java.math.BigDecimal(rate).round(new java.math.MathContext(3)).doubleValue();
    }

    /** The probe's duration: the plan's, shortened to whole seconds so that no more than {@link #MAX_PROBE_EVENTS} events are generated. */
    static long probeDuration(long duration, double rate) {
        double capped = MAX_PROBE_EVENTS / rate * 1e9;
        return capped < duration ? (long) capped / 1_000_000_000L * 1_000_000_000L : duration;
    }

    /** The shortest trace a probe may have: one more than {@link #SPAN_IN_INTERVALS} of the engine's intervals, and ten seconds. */
    public static long requiredSpan(long interval) {
        return Math.max(MIN_PROBE_SPAN, (SPAN_IN_INTERVALS + 1) * interval);
    }
}
