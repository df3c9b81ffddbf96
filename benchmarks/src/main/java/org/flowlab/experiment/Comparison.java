package org.flowlab.experiment;

import org.flowlab.sim.engine.EngineType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;

/**
 * Runs a {@link ComparisonPlan}: generates its trace once (or takes the one its trace file holds), replays it through every engine — each
 * in its own simulation, on its own thread when the machine has cores to spare — computes the
 * reference oracle's results beside them, checks agreement and recommends. Engines share nothing
 * mutable (the trace is read-only), so running them in parallel changes no simulated number.
 */
public final class Comparison {

    private Comparison() {
    }

    /**
     * Checks what can be checked before any work: the job exists for the scenario, the faults name
     * workers the cluster has, and every engine accepts the settings.
     *
     * @throws org.flowlab.workloads.InvalidInputException naming the first problem
     */
    public static void check(ComparisonPlan plan) {
        plan.job().name(plan.scenario());
        plan.faults().validateFor(plan.settings().cluster());
        for (EngineType<?> p : plan.engines()) {
            plan.settings().create(p, plan.faults(), plan.seed());
        }
    }

    /** Runs {@code plan} with its engines, reporting progress to {@code progress}. */
    public static ComparisonResult run(ComparisonPlan plan, ComparisonProgress progress) {
        return run(plan, progress, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #run(ComparisonPlan, ComparisonProgress)}, with at most
     * {@code maxThreads} engines (and the oracle) at once: 1 runs them one after the other, so each
     * engine's wall-clock time is its own and not shared with the others'. The simulated figures
     * are the same either way.
     */
    public static ComparisonResult run(ComparisonPlan plan, ComparisonProgress progress,
                                       int maxThreads) {
        long start = System.nanoTime();
        plan.job().name(plan.scenario()); // an unknown job fails before the trace is generated
        Trace trace = plan.input().trace(plan.seed());
        progress.traceReady();
        return replay(plan, trace, null, progress, System.nanoTime() - start, maxThreads);
    }

    /**
     * Replays {@code trace}, {@code plan}'s (generated from its workload and seed, or read from its file), through {@code plan}'s
     * engines; {@code oracle} is the reference oracle's table of the plan's job on that trace if
     * already known (a sweep reuses it across points), else null.
     */
    public static ComparisonResult replay(ComparisonPlan plan, Trace trace, ResultTable oracle,
                                          ComparisonProgress progress) {
        return replay(plan, trace, oracle, progress, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Replays {@code trace}, {@code plan}'s, made (generated or read) in {@code traceNanos} of
     * wall-clock time, through {@code plan}'s engines, at most {@code maxThreads} at once.
     */
    public static ComparisonResult replay(ComparisonPlan plan, Trace trace, long traceNanos,
                                          ComparisonProgress progress, int maxThreads) {
        return replay(plan, trace, null, progress, traceNanos, maxThreads);
    }

    /**
     * As {@link #replay(ComparisonPlan, Trace, ResultTable, ComparisonProgress)}, with at
     * most {@code maxThreads} engines at once (1: each engine's wall-clock time is its own).
     */
    public static ComparisonResult replay(ComparisonPlan plan, Trace trace, ResultTable oracle,
                                          ComparisonProgress progress, int maxThreads) {
        return replay(plan, trace, oracle == null ? null : () -> oracle, progress, 0, maxThreads);
    }

    /**
     * Replays {@code trace}, {@code plan}'s, through {@code plan}'s engines one at a time on this thread, asking
     * {@code oracle} for the reference oracle's table only once they have run: a sweep's runs share one table,
     * made by whichever run needs it first, while the others run their engines.
     */
    static ComparisonResult replayOnThisThread(ComparisonPlan plan, Trace trace, Supplier<ResultTable> oracle) {
        return replay(plan, trace, oracle, ComparisonProgress.NONE, 0, 1);
    }

    private static ComparisonResult replay(ComparisonPlan plan, Trace trace, Supplier<ResultTable> knownOracle,
                                           ComparisonProgress progress, long traceNanos, int maxThreads) {
        long start = System.nanoTime() - traceNanos;
        Job job = plan.job().build(trace);
        EngineSettings settings = plan.settings();
        plan.faults().validateFor(settings.cluster());
        List<Engine> built = new ArrayList<>();
        for (EngineType<?> p : plan.engines()) {
            built.add(settings.create(p, plan.faults(), plan.seed()));
        }

        int threads = Math.max(1, Math.min(built.size() + (knownOracle == null ? 1 : 0), maxThreads));
        // One thread: everything on the caller's, in the order submitted, rather than on a pool of one.
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemonThreads("flowlab-engine-"));
        try {
            List<Future<EngineRun>> runs = new ArrayList<>();
            for (int i = 0; i < built.size(); i++) {
                EngineType<?> p = plan.engines().get(i);
                Engine engine = built.get(i);
                String configuration = settings.describe(p);
                String givingUp = settings.givingUp(p);
                runs.add(submit(pool, () -> {
                    progress.update(p, 0);
                    long t0 = System.nanoTime();
                    RunOutcome outcome = engine.run(job, trace, fraction -> progress.update(p, fraction));
                    return new EngineRun(p, configuration, outcome, System.nanoTime() - t0, givingUp);
                }));
            }
            Future<TimedTable> oracle = knownOracle != null ? null : submit(pool, () -> {
                long t0 = System.nanoTime();
                ResultTable table = ReferenceOracle.run(job, trace);
                return new TimedTable(table, System.nanoTime() - t0);
            });
            List<EngineRun> done = new ArrayList<>();
            for (Future<EngineRun> f : runs) {
                done.add(await(f));
            }
            TimedTable expected = oracle == null ? new TimedTable(knownOracle.get(), 0) : await(oracle);
            Agreement agreement = Agreement.check(job, trace, expected.table(), done);
            double inputRate = ComparisonResult.inputRate(trace);
            List<Candidate> candidates = new ArrayList<>();
            for (EngineRun r : done) {
                candidates.add(Candidate.of(r, agreement.of(r.paradigm()).agrees(), inputRate, plan.slaOn()));
            }
            Recommendation recommendation = Recommendation.choose(candidates, plan.sla(), plan.slaOn(), plan.budget(), plan.faults());
            return new ComparisonResult(plan, settings, trace, job, expected.table(), done, agreement, recommendation,
                    new ComparisonResult.WallClock(traceNanos, expected.nanos(), System.nanoTime() - start, threads));
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** {@code task} submitted to {@code pool}, or without a pool run now on this thread, its failure kept for {@link #await}. */
    private static <T> Future<T> submit(ExecutorService pool, Callable<T> task) {
        if (pool != null) {
            return pool.submit(task);
        }
        FutureTask<T> now = new FutureTask<>(task);
        now.run();
        return now;
    }

    private record TimedTable(ResultTable table, long nanos) {
    }

    /** The task's value; its failure rethrown as it was (a user mistake stays an InvalidInputException). */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an engine", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Daemon threads named after their role ({@code flowlab-engine-}, then a number), so a stuck engine never keeps the JVM alive. */
    static java.util.concurrent.ThreadFactory daemonThreads(String role) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, role + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
