package org.flowlab.torture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowlab.experiment.Comparison;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.experiment.ComparisonProgress;
import org.flowlab.experiment.ComparisonResult;
import org.flowlab.sim.registry.EngineRegistry;

/**
 * Runs a torture: draws each run ({@link CaseGenerator}), runs its comparison through {@link
 * Comparison#run} — {@code flowlab compare}'s own path, with the engines of the given factory — once
 * with the engines one after the other and once with them all at once, and checks the invariants
 * ({@link InvariantCheck}). Runs are independent, so several go at once, one per core; the summary
 * lists them in index order, so it does not depend on which finished first.
 */
public final class Torture {

    /** The second run of a case runs every engine and the oracle at once, the first one at a time. */
    static final int REPEAT_THREADS = TortureCase.ENGINES.size() + 1;

    private Torture() {
    }

    /**
     * Runs {@code settings}' torture with the engines {@code engines} builds, as Flowlab
     * {@code version} (which run.json names), telling {@code progress} as runs finish.
     */
    public static TortureSummary run(TortureSettings settings, EngineRegistry engines, String version, TortureProgress progress) {
        return run(settings, engines, version, progress, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #run(TortureSettings, EngineRegistry, String, TortureProgress)}, at most {@code threads} runs at once. */
    public static TortureSummary run(TortureSettings settings, EngineRegistry engines, String version, TortureProgress progress,
                                     int threads) {
        CaseGenerator generator = settings.generator();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, settings.runs())), r -> {
            Thread t = new Thread(r, "flowlab-torture");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<CaseOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < settings.runs(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    CaseOutcome outcome = runCase(generator.draw(index), engines, version);
                    progress.finished(done.incrementAndGet(), settings.runs());
                    return outcome;
                }));
            }
            List<CaseOutcome> outcomes = new ArrayList<>();
            for (Future<CaseOutcome> f : futures) {
                outcomes.add(await(f));
            }
            return TortureSummary.of(settings, outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run: its comparison twice, and the invariants; an exception anywhere is a violation, not the end of the torture. */
    public static CaseOutcome runCase(TortureCase run, EngineRegistry engines, String version) {
        try {
            ComparisonResult result = compare(run, engines, 1);
            String json = RunJson.of(result, version);
            String again = RunJson.of(compare(run, engines, REPEAT_THREADS), version);
            return InvariantCheck.check(run, result, json, again);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            return CaseOutcome.threw(run, e);
        }
    }

    /**
     * The run.json that {@code flowlab compare} writes for {@code run} — the command {@link
     * TortureCase#command()} prints — as Flowlab {@code version}, without its unstable fields
     * ({@link RunJson}): what a torture compares, and what replaying a run must give again.
     */
    public static String runJson(TortureCase run, EngineRegistry engines, String version) {
        return RunJson.of(compare(run, engines, 1), version);
    }

    /** {@code run}'s comparison as {@code flowlab compare} runs it, at most {@code threads} engines at once. */
    private static ComparisonResult compare(TortureCase run, EngineRegistry engines, int threads) {
        ComparisonPlan plan = run.plan().withEngines(engines.all());
        Comparison.check(plan);
        return Comparison.run(plan, ComparisonProgress.NONE, threads);
    }

    private static CaseOutcome await(Future<CaseOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a torture run", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a torture run failed outside its comparison", e.getCause());
        }
    }
}
