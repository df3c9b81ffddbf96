package org.flowlab.sim.batch;

/** When runs are due: a batch {@link Schedule}, or a micro-batch's fixed trigger interval. */
interface Trigger {

    /** When the first trigger is due. */
    long first(StagingArea staging);

    /**
     * When the trigger after the one at {@code previous} is due, {@code read} records having been
     * read; a run still going then delays it to the run's end.
     */
    long next(long previous, int read, StagingArea staging);

    /**
     * The first trigger after the one at {@code previous} that is due at or after {@code t}, when
     * record {@code read} is staged at {@code t} and nothing before it: the triggers in between
     * would find nothing new, so the engine sleeps through them.
     */
    long firstAtOrAfter(long previous, long t, int read, StagingArea staging);

    /** A batch schedule; {@link Schedule.BatchSize} and {@link Schedule.EndOfTrace} look at the staging area. */
    static Trigger of(Schedule schedule, BackgroundLoad load) {
        return new Trigger() {
            @Override
            public long first(StagingArea staging) {
                return next(-1, 0, staging);
            }

            @Override
            public long next(long previous, int read, StagingArea staging) {
                if (schedule instanceof Schedule.BatchSize b) {
                    long nth = read + b.records() - 1;
                    return nth < staging.size() ? Math.max(previous, staging.stagedAt((int) nth)) : staging.lastStaged();
                }
                if (schedule instanceof Schedule.EndOfTrace) {
                    return staging.lastStaged();
                }
                return schedule.nextAfter(previous, load);
            }

            @Override
            public long firstAtOrAfter(long previous, long t, int read, StagingArea staging) {
                if (schedule instanceof Schedule.BatchSize || schedule instanceof Schedule.EndOfTrace) {
                    return next(previous, read, staging);
                }
                return schedule.nextAfter(Math.max(previous, t - 1), load);
            }
        };
    }

    /**
     * Every {@code interval} from time 0, as Spark's processing-time trigger: the next trigger is the
     * next multiple of the interval after the previous one; a run that overruns it starts the next
     * at its end, and the one after that is back on the multiples.
     */
    static Trigger every(long interval) {
        return new Trigger() {
            @Override
            public long first(StagingArea staging) {
                return 0;
            }

            @Override
            public long next(long previous, int read, StagingArea staging) {
                long k = Math.floorDiv(previous, interval) + 1;
                return k > Long.MAX_VALUE / interval ? Long.MAX_VALUE : k * interval;
            }

            @Override
            public long firstAtOrAfter(long previous, long t, int read, StagingArea staging) {
                long k = Math.floorDiv(t, interval) + (Math.floorMod(t, interval) == 0 ? 0 : 1);
                return Math.max(next(previous, read, staging), k > Long.MAX_VALUE / interval ? Long.MAX_VALUE : k * interval);
            }
        };
    }
}
