package org.flowlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.flowlab.report.SweepPointFiles;
import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.sim.stream.StreamEngineType;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps on several threads: the same points in the same order as on one, progress counted, and a thrown exception left nothing running. */
class SweepThreadsTest {

    @TempDir
    Path dir;

    /** Three intervals and two task failure rates: the real engines, their random task failures drawn from the seed. */
    static SweepPlan intervalsAndFailures() {
        return new SweepPlan(SweepTest.base(), List.of(Variation.parse("interval=1s..8s:3:log", EngineRegistry.STANDARD),
                Variation.parse("task-mtbf=5s..20s:2", EngineRegistry.STANDARD)), false);
    }

    SweepResult run(SweepPlan plan, String folder, int threads) throws IOException {
        return Sweep.run(plan, new SweepPointFiles(Files.createDirectories(dir.resolve(folder))), SweepProgress.NONE, threads);
    }

    @Test
    void threeThreadsFindWhatOneFindsInTheSameOrder() throws IOException {
        SweepResult one = run(intervalsAndFailures(), "one", 1);
        SweepResult three = run(intervalsAndFailures(), "three", 3);
        assertThat(one.points()).as("batch and micro-batch 6, the stream 2").hasSize(14);
        assertThat(three.points()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("wallClockSeconds")
                .containsExactlyElementsOf(one.points());
        assertThat(three.recommendation()).isEqualTo(one.recommendation());
        assertThat(three.computed()).isEqualTo(one.computed()).isEqualTo(14);
        assertThat(one.threads()).isEqualTo(1);
        assertThat(three.threads()).isEqualTo(3);
    }

    @Test
    void searchesOnThreadsFindWhatOneFindsAndASearchTwoPointsShareRunsOnce() throws IOException {
        // The checkpoint interval concerns the stream only: both points make the same batch search.
        ComparisonPlan base = ComparisonPlan.of(SustainableThroughputTest.steadyMinute().spec()).withRate(500)
                .withJob(JobChoice.named("vwap-1s")).withEngines(BatchEngineTypes.BATCH, StreamEngineType.STREAM)
                .withSettings(EngineSettings.defaults().withWorkers(1)
                        .with(BatchEngineTypes.BATCH, b -> b.withInterval(2_000_000_000L)));
        SweepPlan plan = new SweepPlan(base, List.of(Variation.parse("checkpoint-interval=1s..2s:2", EngineRegistry.STANDARD)),
                true);
        AtomicInteger runsOne = new AtomicInteger();
        AtomicInteger runsThree = new AtomicInteger();
        SweepResult one = run(plan.withEnginesOf(IntervalEngine.factory(runsOne)), "one", 1);
        SweepResult three = run(plan.withEnginesOf(IntervalEngine.factory(runsThree)), "three", 3);
        assertThat(one.sustainable()).hasSize(4);
        assertThat(one.sustainable().get(2)).isEqualTo(one.sustainable().get(0));
        assertThat(three.sustainable()).isEqualTo(one.sustainable());
        assertThat(three.points()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("wallClockSeconds")
                .containsExactlyElementsOf(one.points());
        assertThat(runsThree.get()).isEqualTo(runsOne.get()).isEqualTo(one.computed()).isEqualTo(one.points().size());
    }

    @Test
    void progressCountsEveryPointOnceOneCallAtATime() {
        List<String> calls = new ArrayList<>(); // not synchronised: the sweep promises one call at a time
        AtomicInteger inside = new AtomicInteger();
        SweepResult r = Sweep.run(intervalsAndFailures(), new SweepPointFiles(dir), (point, reused, done, total) -> {
            assertThat(inside.incrementAndGet()).isEqualTo(1);
            calls.add(done + "/" + total + " " + point.key());
            inside.decrementAndGet();
        }, 4);
        assertThat(calls).hasSize(14);
        assertThat(calls).extracting(c -> c.substring(0, c.indexOf(' ')))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 14).mapToObj(i -> i + "/14").toList());
        assertThat(calls).extracting(c -> c.substring(c.indexOf(' ') + 1))
                .containsExactlyInAnyOrderElementsOf(r.points().stream().map(SweepPoint::key).toList());
    }

    /** {@code type} whose engine throws in every run at {@code interval}. */
    static <S> EngineType<S> throwingAt(EngineType<S> type, long interval) {
        return type.withFactory((common, own, faults, seed) -> {
            Engine engine = type.create(common, own, faults, seed);
            return type.triggerIntervalOf(own) != interval ? engine : new Engine() {
                @Override
                public RunOutcome run(Job job, Trace trace) {
                    throw new IllegalStateException("a bug in batch at 8s");
                }

                @Override
                public String name() {
                    return engine.name();
                }
            };
        });
    }

    @Test
    void anExceptionInOneRunStopsTheSweepAndLeavesOnlyWholePointsAndNoThread() throws IOException, InterruptedException {
        SweepPointFiles store = new SweepPointFiles(dir);
        EngineRegistry engines = IntervalEngine.factory(new AtomicInteger())
                .map(t -> t.id().equals("batch") ? throwingAt(t, 8_000_000_000L) : t);
        assertThatThrownBy(() -> Sweep.run(SweepTest.intervals().withEnginesOf(engines), store, SweepProgress.NONE, 2))
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug in batch at 8s");
        // The pool has ended; its threads, with nothing left to run, may take a moment to die.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("flowlab-sweep-")) {
                assertThat(t.getState()).isIn(Thread.State.RUNNABLE, Thread.State.TERMINATED);
                t.join(5_000);
                assertThat(t.isAlive()).as(t.getName()).isFalse();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).isNotEmpty().allSatisfy(f -> {
                String name = f.getFileName().toString();
                assertThat(name).endsWith(".json").doesNotStartWith(".");
                assertThat(store.find(name.substring(0, name.length() - ".json".length()))).as(name).isPresent();
            });
        }
        assertThat(store.find("batch@interval=8s")).isEmpty();
    }

    @Test
    void threadsAreOneToTheMost() {
        assertThatThrownBy(() -> Sweep.run(SweepTest.intervals(), new SweepPointFiles(dir), SweepProgress.NONE, 0))
                .isInstanceOf(InvalidInputException.class).hasMessage("--threads must be 1 to 256 (got 0)");
        assertThatThrownBy(() -> Sweep.checkThreads(Sweep.MAX_THREADS + 1)).isInstanceOf(InvalidInputException.class);
        Sweep.checkThreads(Sweep.MAX_THREADS);
    }
}
