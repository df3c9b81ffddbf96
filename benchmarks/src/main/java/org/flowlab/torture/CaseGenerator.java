package org.flowlab.torture;

import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowlab.sim.stream.Delivery;
import org.flowlab.sim.stream.RestartStrategy;
import org.flowlab.experiment.EngineSettings;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.RandomTaskFailures;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.fault.TaskFailure;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.workloads.hash.LongHash;
import org.flowlab.workloads.text.DurationText;

/**
 * Draws a torture's runs: run {@code i} of seed {@code s} is a pure function of {@code (s, i)} and
 * the generator's bounds, so any run can be drawn again alone, in any order.
 *
 * <p>Each run gets a scenario and one of its catalog jobs, 30 s to {@code maxMinutes} of event
 * time at 5 to 100 events per second (small, so hundreds of runs take minutes), a run seed, 1 to 4
 * workers, a batch interval of 5 s to 5 min, a micro-batch interval of 200 ms to 10 s, a checkpoint
 * interval of 1 to 30 s, a watermark delay of 0 to 20 s, no or some allowed lateness, either output
 * mode and either delivery guarantee, a restart strategy for the stream ({@link #restartStrategy})
 * — and 0 to 3 faults, each a crash, a task failure, a slow
 * worker or a source stall.
 *
 * <p>Faults at uniformly random times would seldom hit the short moments that matter, so six in
 * seven crashes and four in five task failures at an instant are timed where an engine is
 * vulnerable, from the engines' cadence and cost model alone (no engine is run to find them): a few
 * milliseconds after a stream checkpoint's trigger (while it is in progress); in a micro-batch's or
 * a warm batch run's commit (trigger + run start-up + the task phase); or in a micro-batch's or a
 * batch run's task phase, on worker 0, where the first task of a small run lands.
 */
public final class CaseGenerator {
    static final long S = DurationText.NANOS_PER_SECOND;
    static final long MS = DurationText.NANOS_PER_MILLI;

    /** The shortest trace drawn. */
    public static final long MIN_DURATION = 30 * S;
    /** The rates drawn, events per second. */
    public static final int MIN_RATE = 5;
    public static final int MAX_RATE = 100;
    /** The most faults in one plan. */
    public static final int MAX_FAULTS = 3;

    private static final long[] BATCH_INTERVALS = {5 * S, 10 * S, 20 * S, 30 * S, 60 * S, 120 * S, 300 * S};
    private static final long[] MICROBATCH_INTERVALS = {200 * MS, 500 * MS, S, 2 * S, 5 * S, 10 * S};
    private static final long[] CHECKPOINT_INTERVALS = {S, 2 * S, 5 * S, 10 * S, 30 * S};
    private static final long[] WATERMARK_DELAYS = {0, 500 * MS, 2 * S, 5 * S, 20 * S};
    private static final long[] ALLOWED_LATENESS = {0, 0, S, 10 * S};
    private static final long[] EARLY_FIRE = {250 * MS, S, 3 * S};
    private static final long[] MTBF = {5 * S, 15 * S, 60 * S, 120 * S, 300 * S, 600 * S, 1800 * S};
    private static final double[] SLOW_FACTORS = {2, 4, 10, 50};

    /**
     * From the default cost model: a micro-batch trigger's run starts up in 50 ms, runs its stages
     * of small runs' 5 ms tasks and commits in 20 ms; a warm batch run starts up in 1 s, runs
     * stages of 50 ms tasks and commits in 200 ms. So with one to three stages, a micro-batch
     * commits from 65 to 75 ms after its trigger and a batch run from 1.15 to 1.25 s after its
     * start, and both run tasks just after their start-up. The ephemeral batch cluster's first
     * cold start takes 90 s, 95 s with some slack for its first run.
     */
    private static final long MICROBATCH_STARTUP = 50 * MS;
    private static final long MICROBATCH_COMMIT_FROM = 65 * MS;
    private static final long MICROBATCH_COMMIT_TO = 75 * MS;
    private static final long BATCH_STARTUP = S;
    private static final long BATCH_COMMIT_FROM = 1150 * MS;
    private static final long BATCH_COMMIT_TO = 1250 * MS;
    private static final long BATCH_COLD_START = 95 * S;

    private final long seed;
    private final int maxMinutes;
    private final List<String> scenarios;

    /**
     * @param seed       the torture's seed
     * @param maxMinutes the longest trace, minutes of event time, at least 1
     * @param scenarios  the catalog scenarios to draw from, at least one
     */
    public CaseGenerator(long seed, int maxMinutes, List<String> scenarios) {
        if (maxMinutes < 1) {
            throw new IllegalArgumentException("maxMinutes must be at least 1 (got " + maxMinutes + ")");
        }
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenarios to draw from");
        }
        this.seed = seed;
        this.maxMinutes = maxMinutes;
        this.scenarios = List.copyOf(scenarios);
    }

    /** Where the restart strategy's draws come from, apart from the others, so that adding it changed no other draw. */
    private static final long RESTART_STREAM = 0x5EED_0F_5EA7L;

    /**
     * The stream's restart strategy: Flink's default six times in ten, else a fixed delay of 1 to 10 s
     * with 2 to 6 attempts or an exponential delay limited to 3 to 10 attempts — limits that some
     * plans defeat, so that failed engines are drawn too.
     */
    private static RestartStrategy restartStrategy(SplittableRandom r) {
        int pick = r.nextInt(20);
        if (pick < 12) {
            return RestartStrategy.DEFAULT;
        }
        if (pick < 17) {
            return new RestartStrategy.FixedDelay(r.nextInt(2, 7), S * r.nextLong(1, 11));
        }
        return new RestartStrategy.ExponentialDelay(S, 60 * S, 1.5, 3600 * S, r.nextInt(3, 11));
    }

    /** Run {@code index}: the same for the same seed, bounds and index. */
    public TortureCase draw(int index) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        String scenario = scenarios.get(r.nextInt(scenarios.size()));
        List<CatalogJob> jobs = JobCatalog.forScenario(scenario);
        String job = jobs.get(r.nextInt(jobs.size())).name();
        long duration = S * r.nextLong(MIN_DURATION / S, maxMinutes * 60L + 1);
        long rate = r.nextInt(MIN_RATE, MAX_RATE + 1);
        long runSeed = r.nextLong(1, 1_000_000_000L);
        int workers = r.nextInt(1, 5);
        OutputMode output = r.nextBoolean() ? OutputMode.FINAL : OutputMode.UPDATES;
        EngineSettings settings = EngineSettings.defaults()
                .withWorkers(workers)
                .with(BatchEngineTypes.BATCH, b -> b.withInterval(pick(r, BATCH_INTERVALS)))
                .with(BatchEngineTypes.MICROBATCH, b -> b.withInterval(pick(r, MICROBATCH_INTERVALS)))
                .with(StreamEngineType.STREAM, st -> st.withCheckpointInterval(pick(r, CHECKPOINT_INTERVALS)))
                .with(StreamEngineType.STREAM, st -> st.withDelivery(r.nextBoolean() ? Delivery.EXACTLY_ONCE : Delivery.AT_LEAST_ONCE))
                .withEventTime(new EventTimeContract(pick(r, WATERMARK_DELAYS), pick(r, ALLOWED_LATENESS)))
                .withOutput(output);
        if (output == OutputMode.UPDATES) {
            settings = settings.with(StreamEngineType.STREAM, st -> st.withEarlyFireInterval(pick(r, EARLY_FIRE)));
        }
        settings = settings.with(StreamEngineType.STREAM, st -> st.withRestartStrategy(restartStrategy(new SplittableRandom(mix(seed, index) ^ RESTART_STREAM))));
        FaultPlan faults = faults(r, duration, settings);
        return new TortureCase(index, scenario, job, duration, rate, runSeed, settings, faults);
    }

    /**
     * 0 faults in one run of seven, else 1 to {@value #MAX_FAULTS}: crashes four times in ten (most
     * aimed at one engine's checkpoint or commit, a third each, so each needs many), task failures
     * three times, slow workers twice (a batch engine feels one only while a run reads) and stalls
     * once (a stall holds back whatever arrives during it, in every engine).
     */
    private static FaultPlan faults(SplittableRandom r, long span, EngineSettings s) {
        int n = r.nextInt(7) == 0 ? 0 : r.nextInt(1, MAX_FAULTS + 1);
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(20);
            faults.add(kind < 8 ? crash(r, span, s) : kind < 14 ? taskFailure(r, span, s)
                    : kind < 18 ? slow(r, span, s.cluster().workers()) : stall(r, span));
        }
        return new FaultPlan(faults);
    }

    /**
     * A crash of a random worker, with a restart delay of 0 to 30 s: two in seven each a few
     * milliseconds after a stream checkpoint's trigger, in a micro-batch's commit and in a batch
     * run's commit, and one in seven at any time of the trace.
     */
    private static Fault crash(SplittableRandom r, long span, EngineSettings s) {
        int worker = r.nextInt(s.cluster().workers());
        long restartDelay = pick(r, new long[] {0, S, 5 * S, 10 * S, 30 * S});
        int timing = r.nextInt(7);
        long at;
        if (timing < 2) {
            // Checkpoints take a few ms (the coordinator's 5 ms round trip, each task's 2 ms snapshot).
            at = trigger(r, s.of(StreamEngineType.STREAM).checkpointInterval(), span) + r.nextLong(MS, 6 * MS);
        } else if (timing < 4) {
            at = microBatchRun(r, s, span) + r.nextLong(MICROBATCH_COMMIT_FROM, MICROBATCH_COMMIT_TO);
        } else if (timing < 6) {
            at = batchRun(r, s, span) + r.nextLong(BATCH_COMMIT_FROM, BATCH_COMMIT_TO);
        } else {
            at = r.nextLong(span);
        }
        return new WorkerCrash(worker, at, restartDelay);
    }

    /**
     * A task failure: one in six a Poisson process per worker ({@code task-fail:mtbf}), two in six
     * each in a micro-batch's and in a batch run's task phase on worker 0 (a small run's first task
     * takes the first free slot, which is worker 0's), one in six at any time on any worker.
     */
    private static Fault taskFailure(SplittableRandom r, long span, EngineSettings s) {
        int workers = s.cluster().workers();
        int timing = r.nextInt(6);
        if (timing == 0) {
            return new RandomTaskFailures(pick(r, MTBF));
        }
        if (timing < 3) {
            return new TaskFailure(0, microBatchRun(r, s, span) + MICROBATCH_STARTUP + r.nextLong(MS, 5 * MS));
        }
        if (timing < 5) {
            return new TaskFailure(0, batchRun(r, s, span) + BATCH_STARTUP + r.nextLong(MS, 50 * MS));
        }
        return new TaskFailure(r.nextInt(workers), r.nextLong(span));
    }

    private static Fault slow(SplittableRandom r, long span, int workers) {
        long from = r.nextLong(span);
        long length = r.nextLong(S, Math.max(S + 1, span / 2));
        return new SlowWorker(r.nextInt(workers), SLOW_FACTORS[r.nextInt(SLOW_FACTORS.length)], from, from + length);
    }

    private static Fault stall(SplittableRandom r, long span) {
        long from = r.nextLong(span);
        return new SourceStall(from, from + r.nextLong(S, 60 * S));
    }

    /** A whole multiple of {@code interval} in (0, span], or {@code interval} if none is. */
    private static long trigger(SplittableRandom r, long interval, long span) {
        long count = span / interval;
        return count < 1 ? interval : interval * r.nextLong(1, count + 1);
    }

    /** When one of the micro-batch's triggers within the trace fires (its cluster is always on). */
    private static long microBatchRun(SplittableRandom r, EngineSettings s, long span) {
        return trigger(r, s.of(BatchEngineTypes.MICROBATCH).interval(), span);
    }

    /**
     * When one of the batch's runs within the trace starts executing: a trigger after the
     * ephemeral cluster's first cold start, when the warm pool keeps it ready and triggers keep to
     * the schedule; or, if the trace ends before that, the first run, after its cold start.
     */
    private static long batchRun(SplittableRandom r, EngineSettings s, long span) {
        long every = s.of(BatchEngineTypes.BATCH).interval();
        long firstWarm = every * (2 + BATCH_COLD_START / every);
        if (firstWarm > span) {
            return every + BATCH_COLD_START - 5 * S;
        }
        return every * r.nextLong(firstWarm / every, span / every + 1);
    }

    private static long pick(SplittableRandom r, long[] values) {
        return values[r.nextInt(values.length)];
    }

    /** A seed for run {@code index} that differs in every bit from its neighbours' (SplitMix64's finaliser). */
    static long mix(long seed, int index) {
        return LongHash.mix64(seed * LongHash.GOLDEN_GAMMA + index);
    }
}
