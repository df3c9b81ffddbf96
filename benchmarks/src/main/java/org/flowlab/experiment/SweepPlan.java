package org.flowlab.experiment;

import org.flowlab.sim.registry.EngineRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.workloads.text.DurationText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * A sweep: a base comparison, the parameters to vary (every combination of their values is a
 * point, the first variation changing slowest), and whether to search each engine's sustainable
 * throughput at each point instead of running the point as it is.
 *
 * @param base                      the comparison every point starts from
 * @param variations                what to vary, at most one per parameter
 * @param findSustainableThroughput whether to bisect each engine's highest sustainable rate
 */
public record SweepPlan(ComparisonPlan base, List<Variation> variations, boolean findSustainableThroughput) {

    /** The most points one sweep may have. */
    public static final int MAX_POINTS = 1_000;

    public SweepPlan {
        Objects.requireNonNull(base, "base");
        variations = List.copyOf(variations);
        if (variations.isEmpty() && !findSustainableThroughput) {
            throw new InvalidInputException("sweep: give at least one --vary " + Variation.SYNTAX + ", or --find sustainable-throughput");
        }
        Set<SweepParameter> seen = new LinkedHashSet<>();
        Set<String> optionsSet = new LinkedHashSet<>();
        for (Variation v : variations) {
            if (!seen.add(v.parameter())) {
                throw new InvalidInputException("sweep: " + v.parameter().id() + " is varied twice");
            }
            for (String option : v.parameter().options()) {
                if (!optionsSet.add(option)) {
                    throw new InvalidInputException("sweep: " + SweepParameter.INTERVAL + " sets "
                            + String.join(" and ", intervalOptions(variations)) + "; vary it alone or them");
                }
            }
        }
        if (base.input() instanceof TraceSource.FromFile file) {
            checkKeepsTheTrace(file, variations, findSustainableThroughput, base.engines());
        }
        if (findSustainableThroughput && seen.contains(SweepParameter.RATE)) {
            throw new InvalidInputException("sweep: --find sustainable-throughput searches the rate itself; do not vary rate with it");
        }
        if (findSustainableThroughput) {
            long span = base.workload().duration();
            for (EngineType<?> p : base.engines()) {
                long required = SustainableThroughput.requiredSpan(base.settings().triggerInterval(p));
                if (span < required) {
                    throw new InvalidInputException("sweep: --find sustainable-throughput needs a trace of at least "
                            + DurationText.exact(required) + " for " + p.label() + " (" + (SustainableThroughput.SPAN_IN_INTERVALS + 1)
                            + " of its intervals, and 10s) to judge its backlog; pass a longer --duration or a shorter interval,"
                            + " or leave " + p.id() + " out with --engines");
                }
            }
        }
        if (seen.contains(SweepParameter.KEY_SKEW)) {
            SweepParameter.checkKeySkew(base.workload());
        }
        long points = 1;
        for (Variation v : variations) {
            points *= v.values().size();
            if (points > MAX_POINTS) {
                throw new InvalidInputException("sweep: the variations make more than " + MAX_POINTS + " points; use fewer steps");
            }
        }
    }

    /** Rejects, with a trace file, a search or a variation that would generate the trace again, listing what may vary. */
    private static void checkKeepsTheTrace(TraceSource.FromFile file, List<Variation> variations, boolean search,
                                           List<EngineType<?>> engines) {
        String allowed = "; with --trace vary only " + String.join(", ", SweepParameter.idsKeepingTheTrace(engines));
        if (search) {
            throw new InvalidInputException(file.fixes("--find sustainable-throughput").getMessage() + allowed);
        }
        for (Variation v : variations) {
            if (v.parameter().regeneratesTrace()) {
                throw new InvalidInputException(file.fixes("--vary " + v.parameter().id()).getMessage() + allowed);
            }
        }
    }

    /** This sweep with its base plan's engines as {@code registry} registers them ({@link ComparisonPlan#withEnginesOf}). */
    public SweepPlan withEnginesOf(EngineRegistry registry) {
        return new SweepPlan(base.withEnginesOf(registry), variations, findSustainableThroughput);
    }

    /** The base plan's engine {@code id}. */
    public EngineType<?> engine(String id) {
        for (EngineType<?> t : base.engines()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("the sweep runs no engine " + id);
    }

    private static List<String> intervalOptions(List<Variation> variations) {
        for (Variation v : variations) {
            if (v.parameter().id().equals(SweepParameter.INTERVAL)) {
                return v.parameter().options();
            }
        }
        return List.of();
    }

    /** Every point: the values of the varied parameters, the first variation changing slowest. */
    public List<Map<SweepParameter, Double>> grid() {
        List<Map<SweepParameter, Double>> grid = new ArrayList<>();
        grid.add(new LinkedHashMap<>());
        for (Variation v : variations) {
            List<Map<SweepParameter, Double>> next = new ArrayList<>();
            for (Map<SweepParameter, Double> partial : grid) {
                for (double value : v.values()) {
                    Map<SweepParameter, Double> m = new LinkedHashMap<>(partial);
                    m.put(v.parameter(), value);
                    next.add(m);
                }
            }
            grid = next;
        }
        return grid;
    }

    /** The base plan with a point's values applied. */
    public ComparisonPlan at(Map<SweepParameter, Double> values) {
        ComparisonPlan plan = base;
        for (Map.Entry<SweepParameter, Double> e : values.entrySet()) {
            plan = e.getKey().apply(plan, e.getValue());
        }
        return plan;
    }

    /**
     * Everything that changes what the sweep runs, one item a line: the workload (or a trace file's SHA-256), the seed, the job,
     * the engines and their own settings (in each engine's JSON form), the common settings (the cost model
     * when it is not the default), the faults, the
     * variations and the search, and the {@linkplain CodeRevision code revision}, so that no build
     * reads back the points another build computed. The SLA and the
     * budget are left out: they change the recommendation, not the runs, so a sweep rerun with
     * another SLA reuses every point.
     */
    public String canonical() {
        EngineSettings s = base.settings();
        String job = base.job() instanceof JobChoice.FromCatalog c
                ? "catalog " + c.name(base.scenario()) + " " + new java.util.TreeMap<>(c.parameters())
                : "given " + base.job().name(base.scenario());
        String lines = String.join("\n",
                base.input() instanceof TraceSource.FromFile f ? "trace sha256:" + f.sha256() : "workload " + base.workload().toJson(),
                "seed " + base.seed(),
                "job " + job,
                "engines " + String.join(",", base.engineIds()),
                "cluster " + s.cluster().workers() + "x" + s.cluster().slotsPerWorker() + "@" + s.cluster().pricePerWorkerHour(),
                "watermark-delay " + s.eventTime().watermarkDelay(),
                "allowed-lateness " + s.eventTime().allowedLateness(),
                "output " + s.output().id(),
                "faults " + base.faults(),
                "vary " + variations,
                "find " + (findSustainableThroughput ? "sustainable-throughput" : "none"),
                "code " + CodeRevision.current());
        for (EngineType<?> engine : base.engines()) {
            lines += "\nengine " + engine.id() + " " + engine.json(s.of(engine));
        }
        return s.costs().equals(org.flowlab.sim.cluster.CostModel.defaults()) ? lines : lines + "\ncosts " + s.costs().asMap();
    }

    /**
     * The sweep's folder name, {@code <scenario>-<8 hex digits>}: the digits are the start of the
     * SHA-256 of {@link #canonical()}, so the same sweep always finds its folder again.
     */
    public String folderName() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                hex.append(String.format("%02x", hash[i]));
            }
            return base.scenario().replaceAll("[^a-z0-9-]+", "-") + "-" + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
