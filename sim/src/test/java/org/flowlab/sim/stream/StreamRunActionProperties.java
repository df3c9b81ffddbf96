package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;

/**
 * The stream as a state machine: random chains of ingesting records, letting time pass, crashing a
 * worker and waiting for the recovery, with invariants checked after every step — watermarks never
 * go back (and a restart resumes at most from where the last one did), nothing visible disappears,
 * every visible output already has its final value, and exactly-once never shows a duplicate. At
 * the end the run is finished: nothing lost, the oracle's results.
 */
class StreamRunActionProperties {
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;
    static final int WORKERS = 3;
    static final long HEARTBEAT = S;

    /** A run being stepped, and what the invariants remember between steps. */
    static final class Model {
        final Trace trace;
        final Job job;
        final Delivery delivery;
        final StreamRun run;
        final ResultTable oracle;
        final List<WatermarkEvent> restores = new ArrayList<>();
        final Map<Integer, Long> restoredFloor = new HashMap<>();
        int cursor;
        int crashes;
        long[] watermarks;
        int incarnation;
        BitSet visible = new BitSet();

        Model(Trace trace, Job job, Delivery delivery) {
            this.trace = trace;
            this.job = job;
            this.delivery = delivery;
            // The out-of-orderness covers every delay of the trace: no record is late, so every output is final.
            StreamConfig config = StreamConfig.defaults().withCluster(new ClusterSpec(WORKERS, 1, 0.2)).withTasks(WORKERS)
                    .withWatermarkDelay(20 * S).withCheckpointInterval(S).withHeartbeatTimeout(HEARTBEAT)
                    .withDelivery(delivery).withChannelCapacity(16);
            this.run = StreamRun.start(job, trace, config);
            this.oracle = ReferenceOracle.run(job, trace);
            run.onWatermark(e -> {
                if (e.restored()) {
                    restores.add(e);
                }
            });
            this.watermarks = run.watermarks();
        }

        void ingest(int records) {
            cursor = Math.min(trace.size() - 1, cursor + records);
            run.advanceTo(trace.arrivalTime(cursor));
        }

        void crash(int worker, long restartDelay) {
            if (!run.isFinished()) {
                crashes++;
                run.crashWorker(worker, restartDelay);
            }
        }

        void recover() {
            run.advanceBy(HEARTBEAT + 2 * S + 100 * MS);
        }

        void watermarksNeverGoBack() {
            long[] now = run.watermarks();
            if (run.incarnation() == incarnation) {
                for (int i = 0; i < now.length; i++) {
                    assertThat(now[i]).as("task %d's watermark", i).isGreaterThanOrEqualTo(watermarks[i]);
                }
            }
            for (WatermarkEvent e : restores) {
                int task = (e.stage() - 1) * WORKERS + e.task();
                long floor = restoredFloor.getOrDefault(task, Long.MIN_VALUE);
                assertThat(e.watermark()).as("task %d restored below an earlier restore", task).isGreaterThanOrEqualTo(floor);
                restoredFloor.put(task, e.watermark());
            }
            restores.clear();
            watermarks = now;
            incarnation = run.incarnation();
        }

        void nothingVisibleDisappears() {
            for (int i = visible.nextSetBit(0); i >= 0; i = visible.nextSetBit(i + 1)) {
                assertThat(run.isVisible(i)).as("record %d was visible", i).isTrue();
            }
            for (int i = 0; i < trace.size(); i++) {
                if (run.isVisible(i)) {
                    visible.set(i);
                }
            }
            assertThat(run.visibleRecords()).isEqualTo(visible.cardinality());
        }

        void visibleOutputsAreFinal() {
            for (Map.Entry<ResultKey, Object> e : run.visibleResults().asMap().entrySet()) {
                if (!e.getValue().equals(oracle.get(e.getKey()))) {
                    fail("visible at " + e.getKey() + ": " + e.getValue() + ", but the oracle has " + oracle.get(e.getKey()));
                }
            }
            assertThat(run.lateRecords()).isZero();
        }

        void noDuplicatesUnderExactlyOnce() {
            if (delivery == Delivery.EXACTLY_ONCE) {
                assertThat(run.duplicates()).isZero();
            }
        }

        /** Every invariant, for steps taken before a chain starts. */
        void invariantsHold() {
            watermarksNeverGoBack();
            nothingVisibleDisappears();
            visibleOutputsAreFinal();
            noDuplicatesUnderExactlyOnce();
        }

        /**
         * A run that has ingested {@code records} (fewer than the trace holds, so it cannot have
         * finished), lost {@code worker}, and been given the time to detect it and restart, with
         * every invariant checked after each step.
         */
        static Model crashedAndRecovered(Trace trace, Job job, Delivery delivery, int records, int worker, long restartDelay) {
            Model m = new Model(trace, job, delivery);
            m.ingest(records);
            m.invariantsHold();
            m.crash(worker, restartDelay);
            m.invariantsHold();
            m.recover();
            m.invariantsHold();
            return m;
        }

        @Override
        public String toString() {
            return job.name() + " on " + trace.size() + " events, " + delivery;
        }
    }

    /**
     * Chains of random steps; two thirds of them start from a run that has already crashed and
     * restarted ({@link Model#crashedAndRecovered}). No chain is an edge case, so every try draws
     * by weight, and with 40 tries the coverage checks below miss with probability 1.9e-12 (fewer
     * than 6 crashed starts: the binomial tail of 40 tries at 2/3) and (1/3)^40 = 8e-20 (none).
     */
    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        // Suppliers, not models: a chain starts afresh from its supplier each time jqwik shrinks it.
        Arbitrary<Supplier<Model>> crashedAndRecovered = Combinators.combine(ContractTraces.traces(250),
                        Arbitraries.of(ContractJobs.all()), Arbitraries.of(Delivery.class), Arbitraries.integers().between(1, 10),
                        Arbitraries.integers().between(0, WORKERS - 1), Arbitraries.longs().between(0, 2_000))
                .as((trace, job, delivery, records, worker, ms) ->
                        () -> Model.crashedAndRecovered(trace, job, delivery, records, worker, ms * MS));
        Arbitrary<Supplier<Model>> fresh = Combinators.combine(ContractTraces.traces(250), Arbitraries.of(ContractJobs.all()),
                Arbitraries.of(Delivery.class)).as((trace, job, delivery) -> () -> new Model(trace, job, delivery));
        return Arbitraries.frequencyOf(Tuple.of(2, crashedAndRecovered), Tuple.of(1, fresh)).withoutEdgeCases()
                .flatMap(start -> ActionChain.startWith(start)
                        .withAction(3, new Ingest())
                        .withAction(2, new Advance())
                        .withAction(1, new Crash())
                        .withAction(1, new Recover())
                        .withMaxTransformations(25));
    }

    static final class Ingest implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.integers().between(1, 60).map(n -> Transformer.mutate("ingest " + n, m -> m.ingest(n)));
        }
    }

    static final class Advance implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.longs().between(1, 5_000).map(ms -> Transformer.mutate("advance " + ms + " ms",
                    m -> m.run.advanceBy(ms * MS)));
        }
    }

    static final class Crash implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.integers().between(0, WORKERS - 1).flatMap(w -> Arbitraries.longs().between(0, 2_000)
                    .map(ms -> Transformer.mutate("crash worker " + w + ", back " + ms + " ms after detection",
                            m -> m.crash(w, ms * MS))));
        }
    }

    static final class Recover implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("wait for recovery", Model::recover));
        }
    }

    @Property(tries = 40)
    void invariantsHoldAfterEveryStepAndTheRunEndsWithTheOraclesResults(@ForAll("chains") ActionChain<Model> chain) {
        Model end = chain
                .withInvariant("watermarks never go back", Model::watermarksNeverGoBack)
                .withInvariant("nothing visible disappears", Model::nothingVisibleDisappears)
                .withInvariant("visible outputs are final", Model::visibleOutputsAreFinal)
                .withInvariant("no duplicates under exactly-once", Model::noDuplicatesUnderExactlyOnce)
                .run();
        Statistics.label("crashes").collect(end.crashes > 0 ? "some" : "none");
        // Two thirds of chains start crashed (see chains()), and about 45 % of the others crash a worker.
        Statistics.label("crashes").coverage(c -> c.check("some").percentage(p -> p >= 15));
        Statistics.label("restarted").collect(end.run.restarts() > 0);
        Statistics.label("restarted").coverage(c -> c.check(true).count(n -> n > 0));
        RunOutcome out = end.run.finish();
        end.watermarksNeverGoBack();
        end.nothingVisibleDisappears();
        assertThat(out.lostRecords()).isZero();
        assertThat(out.visibility().invisibleCount()).isZero();
        assertThat(out.results()).isEqualTo(end.oracle);
        end.noDuplicatesUnderExactlyOnce();
    }
}
