package org.flowlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Independent tasks run on a fixed number of threads, started in the order given, their results
 * handed back in that order whichever finished first. When one throws, no further task starts;
 * the ones already running are waited for (whatever they write, they finish), and the exception of
 * the earliest task in the order that threw is rethrown as it was. No thread of the pool outlives
 * the call.
 */
final class TasksInOrder {

    private TasksInOrder() {
    }

    /** The results of {@code tasks}, in their order, at most {@code threads} running at once; threads are named {@code role-N}. */
    static <T> List<T> run(List<? extends Callable<T>> tasks, int threads, String role) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()),
                Comparison.daemonThreads(role + "-"));
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) {
                        throw new NotStarted();
                    }
                    try {
                        return task.call();
                    } catch (Throwable e) {
                        stop.set(true);
                        throw e;
                    }
                }));
            }
            pool.shutdown();
            List<T> results = new ArrayList<>();
            NotStarted skipped = null;
            for (Future<T> f : futures) {
                try {
                    results.add(Comparison.await(f));
                } catch (NotStarted e) {
                    // A task before the one that threw may have been skipped, had its thread not yet looked.
                    skipped = e;
                }
            }
            if (skipped != null) {
                throw new IllegalStateException("a task was skipped but none threw", skipped);
            }
            return results;
        } finally {
            stop.set(true);
            pool.shutdown();
            awaitTermination(pool);
        }
    }

    /** Waits until the pool's running tasks have finished, even when interrupted (the interrupt is kept). */
    private static void awaitTermination(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task skipped because an earlier-started one threw; never seen by callers, since that one comes first in the order. */
    private static final class NotStarted extends RuntimeException {
        NotStarted() {
            super("not started: another task failed", null, false, false);
        }
    }
}
