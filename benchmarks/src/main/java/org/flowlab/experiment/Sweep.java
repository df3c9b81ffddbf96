package org.flowlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;

/**
 * Runs a {@link SweepPlan}. At each point, each engine's run is looked up in the {@link PointStore}
 * by its key — the engine and the values of the varied parameters that concern it — and run only
 * if missing, then stored at once; so an engine a parameter does not concern runs once for all the
 * points that differ only in it, and rerunning an interrupted sweep computes only what is missing.
 *
 * <p>The runs are independent, so up to {@code threads} of them go at once on a fixed pool, each
 * engine run one task (a throughput search one task per engine and point: its probes depend on
 * each other's verdicts). What they find is gathered in the order a sequential sweep reaches it, so
 * the result, and every file written from it, is the same whatever the number of threads; only
 * wall-clock figures differ. Runs in a row with the same workload share one trace and one oracle
 * result, read-only, made by whichever run needs it first and dropped when the last of them is
 * done, so no more traces are held than runs go at once, and one more; everything else a run uses —
 * its job, its engine and the engine's random streams — is its own.
 */
public final class Sweep {

    private Sweep() {
    }

    /** The most engine runs a sweep runs at once. */
    public static final int MAX_THREADS = 256;

    /** Runs {@code plan} with as many runs at once as the machine has processors. */
    public static SweepResult run(SweepPlan plan, PointStore store, SweepProgress progress) {
        return run(plan, store, progress, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code plan}, at most {@code threads} engine runs at once (1: one after the other),
     * reading finished points from and saving new ones to {@code store} — from several threads at
     * once, never the same key twice.
     *
     * @throws InvalidInputException if {@code threads} is not 1 to {@link #MAX_THREADS}
     */
    public static SweepResult run(SweepPlan plan, PointStore store, SweepProgress progress, int threads) {
        checkThreads(threads);
        return new Sweep.Runner(plan, store, progress, threads).run();
    }

    /** Refuses a number of threads that is not 1 to {@link #MAX_THREADS}. */
    public static void checkThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new InvalidInputException("--threads must be 1 to " + MAX_THREADS + " (got " + threads + ")");
        }
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
        private final Tally tally;
        private final int threads;

        Runner(SweepPlan plan, PointStore store, SweepProgress progress, int threads) {
            this.plan = plan;
            this.store = store;
            this.tally = new Tally(progress);
            this.threads = threads;
        }

        SweepResult run() {
            long start = System.nanoTime();
            Comparison.check(plan.base());
            return plan.findSustainableThroughput() ? search(start) : runPoints(start);
        }

        /** Every point as it is: finds what is stored, then runs the rest. */
        private SweepResult runPoints(long start) {
            Map<String, SweepPoint> points = new LinkedHashMap<>(); // every key in the order reached, null until run
            List<EngineRunAt> missing = new ArrayList<>();
            // Every fault some point is given (a varied task-mtbf adds its own to each point's), each once.
            Set<Fault> faults = new LinkedHashSet<>();
            for (Map<SweepParameter, Double> values : plan.grid()) {
                ComparisonPlan at = plan.at(values);
                Comparison.check(at);
                faults.addAll(at.faults().faults());
                for (EngineType<?> p : at.engines()) {
                    Map<String, String> mine = relevant(values, p);
                    String key = key(p, mine);
                    if (!points.containsKey(key)) {
                        SweepPoint stored = store.find(key).orElse(null);
                        points.put(key, stored);
                        if (stored == null) {
                            missing.add(new EngineRunAt(key, mine, at.withEngines(p)));
                        }
                    }
                }
            }
            int reused = points.size() - missing.size();
            SharedInput input = missing.isEmpty() ? null : new SharedInput(missing.get(0).plan());
            if (input != null) {
                input.trace(); // made here, before anything is reported: a spec its generator refuses stops the sweep first
            }
            tally.started();
            tally.expect(points.size());
            points.values().stream().filter(Objects::nonNull).forEach(p -> tally.finished(p, true));
            List<Callable<SweepPoint>> tasks = new ArrayList<>();
            for (EngineRunAt run : missing) {
                if (input == null || !input.replays(run.plan())) {
                    input = new SharedInput(run.plan());
                }
                SharedInput shared = input.use();
                tasks.add(() -> {
                    try {
                        return run.compute(shared, store, tally);
                    } finally {
                        shared.done();
                    }
                });
            }
            for (SweepPoint p : TasksInOrder.run(tasks, threads, "flowlab-sweep")) {
                points.put(p.key(), p);
            }
            List<SweepPoint> all = new ArrayList<>(points.values());
            Recommendation recommendation = Recommendation.choose(all.stream()
                    .map(p -> p.candidate(plan.engine(p.engine()), plan.base().slaOn())).toList(), plan.base().sla(), plan.base().slaOn(),
                    plan.base().budget(), new FaultPlan(List.copyOf(faults)));
            return new SweepResult(plan, all, List.of(), Optional.of(recommendation), missing.size(), reused,
                    System.nanoTime() - start, threads);
        }

        /**
         * Each engine's sustainable throughput at each point. Two points that differ only in what does
         * not concern an engine make the same search, which runs once.
         */
        private SweepResult search(long start) {
            List<String> order = new ArrayList<>();
            Map<String, ThroughputSearch> searches = new LinkedHashMap<>();
            for (Map<SweepParameter, Double> values : plan.grid()) {
                ComparisonPlan at = plan.at(values);
                Comparison.check(at);
                for (EngineType<?> p : at.engines()) {
                    String key = key(p, relevant(values, p));
                    order.add(key);
                    searches.putIfAbsent(key, new ThroughputSearch(at, values, p));
                }
            }
            tally.started();
            tally.expect(0);
            List<ThroughputSearch.Found> found = TasksInOrder.run(searches.values().stream()
                    .map(s -> (Callable<ThroughputSearch.Found>) () -> s.run(store, tally)).toList(), threads, "flowlab-sweep");
            Map<String, ThroughputSearch.Found> byKey = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>(searches.keySet());
            List<SweepPoint> points = new ArrayList<>();
            int computed = 0;
            for (int i = 0; i < found.size(); i++) {
                byKey.put(keys.get(i), found.get(i));
                points.addAll(found.get(i).points());
                computed += found.get(i).computed();
            }
            List<SustainableThroughput.Result> sustainable = order.stream().map(k -> byKey.get(k).result()).toList();
            return new SweepResult(plan, points, sustainable, Optional.empty(), computed, points.size() - computed,
                    System.nanoTime() - start, threads);
        }
    }

    /**
     * One engine's run at one point, yet to be computed.
     *
     * @param key        the run's key
     * @param parameters the varied values that concern the engine
     * @param plan       the point's plan with only this engine
     */
    private record EngineRunAt(String key, Map<String, String> parameters, ComparisonPlan plan) {

        /** Runs the engine over {@code input}'s trace, saves the point to {@code store} and reports it. */
        SweepPoint compute(SharedInput input, PointStore store, Tally tally) {
            Trace trace = input.trace();
            ComparisonResult result = Comparison.replayOnThisThread(plan, trace, input::oracle);
            EngineRun run = result.runs().get(0);
            SweepPoint point = SweepPoint.of(key, parameters, run, result.agreement().of(run.paradigm()), trace,
                    result.settings().triggerInterval(run.paradigm()));
            store.save(point);
            tally.finished(point, false);
            return point;
        }
    }

    /**
     * A workload's trace and its oracle result, made once, by whichever run needs it first (the others
     * wait for it), shared read-only by the runs in a row that replay it, and let go when the last of
     * them is done.
     */
    private static final class SharedInput {
        private final String workload;
        private FutureTask<Trace> trace;
        private FutureTask<ResultTable> oracle;
        private int users;

        SharedInput(ComparisonPlan plan) {
            this.workload = plan.input().key(plan.seed());
            FutureTask<Trace> generated = new FutureTask<>(() -> plan.input().trace(plan.seed()));
            this.trace = generated;
            this.oracle = new FutureTask<>(() -> {
                generated.run();
                Trace t = Comparison.await(generated);
                return ReferenceOracle.run(plan.job().build(t), t);
            });
        }

        /** Whether {@code plan} replays this workload. */
        boolean replays(ComparisonPlan plan) {
            return workload.equals(plan.input().key(plan.seed()));
        }

        /** Counts one more run that will use this input; returns it. */
        synchronized SharedInput use() {
            users++;
            return this;
        }

        /** One run is done with this input: the last lets go of the trace and the oracle's table. */
        synchronized void done() {
            if (--users == 0) {
                trace = null;
                oracle = null;
            }
        }

        Trace trace() {
            FutureTask<Trace> t;
            synchronized (this) {
                t = trace;
            }
            return made(t);
        }

        ResultTable oracle() {
            FutureTask<ResultTable> o;
            synchronized (this) {
                o = oracle;
            }
            return made(o);
        }

        private <T> T made(FutureTask<T> task) {
            task.run(); // returns at once if another run has begun it; await then waits for it
            return Comparison.await(task);
        }
    }

    /** One engine's search for its sustainable throughput at one point: a task, its probes one after another. */
    private static final class ThroughputSearch {
        private final ComparisonPlan at;
        private final Map<SweepParameter, Double> values;
        private final EngineType<?> paradigm;

        /** What the search found: its result, its probes' points in the order tried, and how many ran now. */
        record Found(SustainableThroughput.Result result, List<SweepPoint> points, int computed) {
        }

        ThroughputSearch(ComparisonPlan at, Map<SweepParameter, Double> values, EngineType<?> paradigm) {
            this.at = at;
            this.values = values;
            this.paradigm = paradigm;
        }

        Found run(PointStore store, Tally tally) {
            Map<String, SweepPoint> probed = new LinkedHashMap<>();
            int[] computed = {0};
            SustainableThroughput.Result result = SustainableThroughput.search(paradigm, at.workload().rate(), rate -> {
                long duration = SustainableThroughput.probeDuration(at.workload().duration(), rate);
                if (duration < SustainableThroughput.requiredSpan(at.settings().triggerInterval(paradigm))) {
                    return SustainableThroughput.Verdict.UNTESTABLE;
                }
                Map<String, String> mine = atRate(rate);
                String key = key(paradigm, mine);
                SweepPoint point = probed.get(key);
                if (point == null) {
                    point = store.find(key).orElse(null);
                    if (point != null) {
                        tally.finished(point, true);
                    } else {
                        ComparisonPlan probe = at.withRate(rate).withDuration(duration).withEngines(paradigm);
                        SharedInput input = new SharedInput(probe).use();
                        if (rate < at.workload().rate() && !generates(input)) {
                            return SustainableThroughput.Verdict.NOT_GENERATED;
                        }
                        point = new EngineRunAt(key, mine, probe).compute(input, store, tally);
                        computed[0]++;
                    }
                    probed.put(key, point);
                }
                Boolean bounded = point.backlogBounded();
                return bounded == null ? SustainableThroughput.Verdict.UNTESTABLE
                        : bounded ? SustainableThroughput.Verdict.BOUNDED : SustainableThroughput.Verdict.GROWS;
            });
            if (result.firstUnbounded() != null) {
                SweepPoint unbounded = probed.get(key(paradigm, atRate(result.firstUnbounded())));
                result = result.withFirstUnboundedFailure(unbounded.failure());
            }
            return new Found(result, new ArrayList<>(probed.values()), computed[0]);
        }

        /** The varied values that concern the engine, with the rate {@code rate}. */
        private Map<String, String> atRate(double rate) {
            Map<String, String> mine = relevant(values, paradigm);
            mine.put(SweepParameter.RATE.id(), SweepParameter.RATE.format(rate));
            return mine;
        }

        /**
         * Whether a probe's trace, below the point's rate, can be made. Only its rate differs from
         * the point's, whose trace can, so a refusal to make it is a rate below the least the
         * scenario keeps (a Nexmark rate shape's steps each start with an event).
         */
        private static boolean generates(SharedInput input) {
            try {
                input.trace();
                return true;
            } catch (InvalidInputException belowTheScenariosLeastRate) {
                return false;
            }
        }
    }

    /** Passes finished points on to a sweep's progress one at a time, counted. */
    private static final class Tally {
        private final SweepProgress progress;
        private int total;
        private int done;

        Tally(SweepProgress progress) {
            this.progress = progress;
        }

        synchronized void started() {
            progress.started();
        }

        synchronized void expect(int points) {
            total = points;
        }

        synchronized void finished(SweepPoint point, boolean reused) {
            progress.finished(point, reused, ++done, total);
        }
    }
}
