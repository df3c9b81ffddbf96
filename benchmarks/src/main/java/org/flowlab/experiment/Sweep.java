package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.Trace;

/**
 * Runs a {@link SweepPlan}. At each point, each engine's run is looked up in the {@link PointStore}
 * by its key — the engine and the values of the varied parameters that concern it — and run only
 * if missing, then stored at once; so an engine a parameter does not concern runs once for all the
 * points that differ only in it, and rerunning an interrupted sweep computes only what is missing.
 * Consecutive points with the same workload share one trace and one oracle result.
 */
public final class Sweep {

    private Sweep() {
    }

    public static SweepResult run(SweepPlan plan, PointStore store, SweepProgress progress) {
        return new Sweep.Runner(plan, store, progress).run();
    }

    /** The key of {@code paradigm}'s run with {@code parameters}: {@code stream@checkpoint-interval=10s}. */
    static String key(EngineType<?> paradigm, Map<String, String> parameters) {
        StringBuilder k = new StringBuilder(paradigm.id()).append('@');
        boolean first = true;
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            k.append(first ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        if (first) {
            k.append("base");
        }
        return k.toString();
    }

    /** The varied values that concern {@code paradigm}, as text by name. */
    static Map<String, String> relevant(Map<SweepParameter, Double> values, EngineType<?> paradigm) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((p, v) -> {
            if (p.affects(paradigm)) {
                out.put(p.id(), p.format(v));
            }
        });
        return out;
    }

    private static final class Runner {
        private final SweepPlan plan;
        private final PointStore store;
        private final SweepProgress progress;
        private final Map<String, SweepPoint> points = new LinkedHashMap<>();
        private int computed;
        private int reused;
        private String cachedWorkload;
        private Trace cachedTrace;
        private ResultTable cachedOracle;

        Runner(SweepPlan plan, PointStore store, SweepProgress progress) {
            this.plan = plan;
            this.store = store;
            this.progress = progress;
        }

        SweepResult run() {
            long start = System.nanoTime();
            Comparison.check(plan.base());
            List<SustainableThroughput.Result> sustainable = new ArrayList<>();
            for (Map<SweepParameter, Double> values : plan.grid()) {
                ComparisonPlan at = plan.at(values);
                Comparison.check(at);
                if (plan.findSustainableThroughput()) {
                    for (EngineType<?> p : at.engines()) {
                        sustainable.add(SustainableThroughput.search(p, at.workload().rate(), rate -> probe(at, values, p, rate)));
                    }
                } else {
                    runPoint(at, values);
                }
            }
            Optional<Recommendation> recommendation = plan.findSustainableThroughput() ? Optional.empty()
                    : Optional.of(Recommendation.choose(points.values().stream()
                    .map(p -> p.candidate(plan.engine(p.engine()), plan.base().slaOn())).toList(), plan.base().sla(), plan.base().slaOn(),
                    plan.base().budget()));
            return new SweepResult(plan, new ArrayList<>(points.values()), sustainable, recommendation, computed, reused,
                    System.nanoTime() - start);
        }

        private void runPoint(ComparisonPlan at, Map<SweepParameter, Double> values) {
            Map<EngineType<?>, Map<String, String>> parameters = new LinkedHashMap<>();
            List<EngineType<?>> missing = new ArrayList<>();
            for (EngineType<?> p : at.engines()) {
                Map<String, String> mine = relevant(values, p);
                parameters.put(p, mine);
                if (!lookUp(key(p, mine))) {
                    missing.add(p);
                }
            }
            if (!missing.isEmpty()) {
                compute(at.withEngines(missing), parameters);
            }
        }

        private SustainableThroughput.Verdict probe(ComparisonPlan at, Map<SweepParameter, Double> values, EngineType<?> p,
                                                    double rate) {
            long duration = SustainableThroughput.probeDuration(at.workload().duration(), rate);
            if (duration < SustainableThroughput.requiredSpan(at.settings().triggerInterval(p))) {
                return SustainableThroughput.Verdict.UNTESTABLE;
            }
            Map<String, String> mine = relevant(values, p);
            mine.put(SweepParameter.RATE.id(), SweepParameter.RATE.format(rate));
            String key = key(p, mine);
            if (!lookUp(key)) {
                compute(at.withRate(rate).withDuration(duration).withEngines(p), Map.of(p, mine));
            }
            Boolean bounded = points.get(key).backlogBounded();
            return bounded == null ? SustainableThroughput.Verdict.UNTESTABLE
                    : bounded ? SustainableThroughput.Verdict.BOUNDED : SustainableThroughput.Verdict.GROWS;
        }

        /** Whether {@code key} is done: seen in this run, or stored by an earlier one. */
        private boolean lookUp(String key) {
            if (points.containsKey(key)) {
                return true;
            }
            Optional<SweepPoint> stored = store.find(key);
            if (stored.isEmpty()) {
                return false;
            }
            points.put(key, stored.get());
            reused++;
            progress.finished(stored.get(), true);
            return true;
        }

        private void compute(ComparisonPlan plan, Map<EngineType<?>, Map<String, String>> parameters) {
            String workload = plan.input().key(plan.seed());
            if (!workload.equals(cachedWorkload)) {
                plan.job().name(plan.scenario());
                cachedTrace = plan.input().trace(plan.seed());
                cachedOracle = null;
                cachedWorkload = workload;
            }
            ComparisonResult result = Comparison.replay(plan, cachedTrace, cachedOracle, ComparisonProgress.NONE);
            cachedOracle = result.oracle();
            for (EngineRun run : result.runs()) {
                Map<String, String> mine = parameters.get(run.paradigm());
                SweepPoint point = SweepPoint.of(key(run.paradigm(), mine), mine, run,
                        result.agreement().of(run.paradigm()), result.trace(), result.settings().triggerInterval(run.paradigm()));
                store.save(point);
                points.put(point.key(), point);
                computed++;
                progress.finished(point, false);
            }
        }
    }
}
