package org.flowlab.workloads.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.GroundTruth;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.arrival.ArrivalClock;
import org.flowlab.workloads.arrival.PoissonArrivals;
import org.flowlab.workloads.disorder.DelaySampler;
import org.flowlab.workloads.disorder.Disorder;
import org.flowlab.workloads.random.RandomStreams;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.values.ValueDistribution;
import org.flowlab.workloads.values.ValueSampler;

/**
 * {@code infra-monitoring}: a fleet of hosts reporting CPU and request latency every few seconds,
 * with injected incidents, the alerting use case. Each host reports every {@code period}, at a
 * phase of its own, each report early or late by a uniform jitter; one report is two events (cpu
 * and latency) with the same event time and arrival time. During an incident the host's CPU is
 * pinned high and its latency multiplied.
 *
 * <p>Arrivals are periodic rather than drawn from an arrival process, so {@code rate} decides the
 * size of the fleet: {@code hosts = round(rate * period / 2)} (at least 1), and the events per
 * second are {@code hosts * 2 / period}. Overriding the rate adds hosts; the period stays.
 *
 * <p>Events: kind {@code cpu} (value = CPU busy, percent, 0 to 100, one decimal) or
 * {@code latency} (value = request latency, milliseconds); key = host; attr1 = datacenter
 * ({@code host mod datacenters}). Events inside an incident carry the label {@code incident}; the
 * ground truth has one {@code incident} episode per incident on its host, from its start to its
 * end. Incidents on one host never overlap.
 */
public final class InfraMonitoringScenario {

    /** The columns of an infra-monitoring trace. */
    public static final TraceSchema SCHEMA = new TraceSchema(List.of("cpu", "latency"), "host", "cpu % or latency ms",
            "datacenter", null, null, List.of("none", "incident"));

    /** The ground-truth kind of an incident. */
    public static final String INCIDENT = "incident";

    private static final int CPU = 0;
    private static final int LATENCY = 1;
    private static final int INCIDENT_LABEL = 1;
    private static final int METRICS = 2;

    private InfraMonitoringScenario() {
    }

    /** The most incidents per hour a spec may ask for: one every 3.6 ms over the whole fleet. */
    static final double MAX_INCIDENTS_PER_HOUR = 1_000_000;

    /** The knobs of the injected incidents. */
    private record Incidents(double perHour, long minLength, long maxLength, ValueDistribution cpu, double latencyFactor) {

        static Incidents fromJson(SpecReader r) {
            r.rejectUnknown("perHour", "minLength", "maxLength", "cpu", "latencyFactor");
            // Bounded: the incidents are drawn one by one, so a rate like 1e308 would never reach the end of the span.
            double perHour = r.between("perHour", 0, MAX_INCIDENTS_PER_HOUR);
            long min = r.duration("minLength");
            long max = r.duration("maxLength");
            if (max < min) {
                throw r.error("maxLength", "must be at least minLength (got \"" + r.string("maxLength")
                        + "\" < \"" + r.string("minLength") + "\")");
            }
            return new Incidents(perHour, min, max, ValueDistribution.fromJson(r.object("cpu")),
                    r.between("latencyFactor", 1, 1e6));
        }
    }

    /** The number of hosts that gives {@code ratePerSecond} events with one report per host per period. */
    public static int hostCount(double ratePerSecond, long periodNanos) {
        double hosts = ratePerSecond * periodNanos / DurationText.NANOS_PER_SECOND / METRICS;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(hosts)));
    }

    public static Trace generate(WorkloadSpec spec, long seed, RandomStreams streams) {
        SpecReader r = spec.reader();
        CommonFields common = CommonFields.read(r, "period", "jitter", "datacenters", "cpuBaseline", "cpuNoise",
                "latency", "incidents", "disorder");
        long period = r.duration("period");
        long jitter = r.durationOrZero("jitter");
        if (2 * jitter >= period) {
            throw r.error("jitter", "must be less than half the period, so a host's reports stay in order (got \""
                    + r.string("jitter") + "\" with period \"" + r.string("period") + "\")");
        }
        int datacenters = (int) r.integer("datacenters", 1, 1000);
        ValueDistribution cpuBaseline = ValueDistribution.fromJson(r.object("cpuBaseline"));
        double cpuNoise = r.nonNegative("cpuNoise");
        ValueDistribution latency = ValueDistribution.fromJson(r.object("latency"));
        Incidents incidents = Incidents.fromJson(r.object("incidents"));
        Disorder disorder = Disorder.fromJson(r.object("disorder"));

        long end = common.durationNanos();
        int hosts = hostCount(common.ratePerSecond(), period);
        if (hosts > CommonFields.MAX_KEYS_WITH_STATE) {
            throw r.error(List.of("rate", "period"), String.format(Locale.ROOT, "gives %,d hosts (rate x period / 2), more than the %,d allowed",
                    hosts, CommonFields.MAX_KEYS_WITH_STATE));
        }
        // At least one host reports every period, whatever the rate: the events the fleet makes, not rate x duration.
        double events = (double) hosts * METRICS * end / period;
        if (events > CommonFields.MAX_EVENTS) {
            throw r.error(List.of("duration", "rate"), String.format(Locale.ROOT, "gives about %.3g events (%,d hosts reporting %d metrics every "
                            + "%s), more than the %,d a trace may hold; shorten the duration or lengthen the period",
                    events, hosts, METRICS, r.string("period"), CommonFields.MAX_EVENTS));
        }
        // Looked up by host only, never iterated, so the map's order decides nothing.
        Map<Integer, List<GroundTruth.Episode>> byHost = new HashMap<>();
        List<GroundTruth.Episode> episodes = injectIncidents(incidents, hosts, end, streams, byHost);

        RandomGenerator phases = streams.stream("phases");
        RandomGenerator jitters = streams.stream("jitter");
        ValueSampler baseline = cpuBaseline.sampler(streams.stream("cpu-baselines"));
        NormalDistribution noise = new NormalDistribution(streams.stream("cpu"), 0, 1,
                NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        ValueSampler incidentCpu = incidents.cpu().sampler(streams.stream("incident-cpu"));
        ValueSampler latencies = latency.sampler(streams.stream("latency"));
        DelaySampler delay = disorder.sampler(streams.stream("disorder"));

        TraceBuilder trace = new TraceBuilder(spec, seed, SCHEMA, common.expectedEvents() + 2 * hosts);
        for (int h = 0; h < hosts; h++) {
            long phase = (long) (phases.nextDouble() * period);
            double base = baseline.next();
            List<GroundTruth.Episode> mine = byHost.getOrDefault(h, List.of());
            int next = 0;
            for (long tick = phase; tick < end; tick += period) {
                long offset = jitter == 0 ? 0 : Math.round((2 * jitters.nextDouble() - 1) * jitter);
                long t = Math.min(end - 1, Math.max(0, tick + offset));
                while (next < mine.size() && mine.get(next).end() <= t) {
                    next++;
                }
                boolean inIncident = next < mine.size() && mine.get(next).start() <= t;
                double cpu = inIncident ? incidentCpu.next() : base + cpuNoise * noise.sample();
                cpu = Math.round(Math.min(100, Math.max(0, cpu)) * 10) / 10.0;
                double ms = Math.max(0, latencies.next()) * (inIncident ? incidents.latencyFactor() : 1);
                ms = Math.round(ms * 100) / 100.0;
                long arrives = t + delay.nextDelay();
                int label = inIncident ? INCIDENT_LABEL : 0;
                trace.add(t, arrives, CPU, h, cpu, h % datacenters, 0, 0, label);
                trace.add(t, arrives, LATENCY, h, ms, h % datacenters, 0, 0, label);
            }
        }
        return trace.groundTruth(new GroundTruth(episodes)).build();
    }

    /** Draws the incidents, in start order; one that would overlap an earlier one on its host is dropped. */
    private static List<GroundTruth.Episode> injectIncidents(Incidents incidents, int hosts, long end,
                                                             RandomStreams streams,
                                                             Map<Integer, List<GroundTruth.Episode>> byHost) {
        List<GroundTruth.Episode> episodes = new ArrayList<>();
        if (incidents.perHour() == 0) {
            return episodes;
        }
        RandomGenerator rng = streams.stream("incidents");
        double perSecond = incidents.perHour() / (DurationText.NANOS_PER_HOUR / (double) DurationText.NANOS_PER_SECOND);
        ArrivalClock starts = new PoissonArrivals(perSecond).clock(streams.stream("incident-starts"), 0);
        for (long start = starts.next(); start < end; start = starts.next()) {
            int host = rng.nextInt(hosts);
            long length = incidents.minLength()
                    + (long) (rng.nextDouble() * (incidents.maxLength() - incidents.minLength()));
            List<GroundTruth.Episode> mine = byHost.computeIfAbsent(host, h -> new ArrayList<>());
            if (!mine.isEmpty() && mine.get(mine.size() - 1).end() > start) {
                continue;
            }
            GroundTruth.Episode e = new GroundTruth.Episode(INCIDENT, host, start, Math.min(end, start + length));
            mine.add(e);
            episodes.add(e);
        }
        return episodes;
    }
}
