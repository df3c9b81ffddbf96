package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;

/**
 * A keyed task takes a record a source hands it in the source's own event, only where the
 * consumer's wake-up would have been the next event, alone at its time ({@link Task#mayHandOff}).
 * Here the records arrive at the sources on a grid of the times a handed-off record reaches its
 * consumer (a hop plus the source's cost for one to three steps, with the default cost model), so
 * that other sources' reads fall on those very times, and several records arrive at once: a run
 * that hands records off gives the outcome, to the last number, of a run stepped one kernel action
 * at a time, which never does.
 */
class RecordHandOffProperties {
    private static final long US = 1_000L;

    @Property(tries = 100)
    void takingARecordInTheSourcesEventChangesNoSimulatedNumber(@ForAll(supplier = TiedTraces.class) Trace trace,
                                                                @ForAll(supplier = ContractJobs.AnyJob.class) Job job,
                                                                @ForAll @IntRange(min = 1, max = 3) int partitions,
                                                                @ForAll @IntRange(min = 1, max = 3) int parallelism,
                                                                @ForAll boolean exactlyOnce, @ForAll boolean updates,
                                                                @ForAll boolean offTheSecond) {
        // A watermark interval of 300 ms puts no tick on most whole seconds, between a read just
        // before one and its record's arrival just after.
        StreamConfig config = QuietCheckpointProperties.config(partitions, parallelism, 1_300 * QuietCheckpointProperties.MS,
                exactlyOnce, updates, FaultPlan.NONE).withWatermarkInterval((offTheSecond ? 300 : 200) * QuietCheckpointProperties.MS);
        StreamRun stepped = StreamRun.start(job, trace, config);
        while (!stepped.isFinished() && stepped.sim.step()) {
            // one kernel action at a time: the run never runs on to a horizon, so no record is handed off
        }
        RunOutcome expected = stepped.finish();
        StreamRun whole = StreamRun.start(job, trace, config);
        RunOutcome actual = whole.finish();

        assertThat(stepped.handOffs).isZero();
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        Statistics.label("records handed off").collect(whole.handOffs == 0 ? "none" : whole.handOffs < 5 ? "a few" : "five or more");
        Statistics.label("records handed off").coverage(c -> {
            c.check("none").percentage(p -> p > 5);
            c.check("none").percentage(p -> p < 70);
        });
    }

    /**
     * In the {@code updates} output mode a record may ask for an early fire, at the next whole
     * second after the time of the event that takes it: records read just before a second, which
     * reach their keyed task just after it, are not handed off there, or their early fires would
     * come a second too soon.
     */
    @Example
    void recordsThatMayAskForAnEarlyFireAreNotHandedOff() {
        long ms = QuietCheckpointProperties.MS;
        TraceBuilder b = ContractTraces.builder();
        for (int k = 1; k <= 12; k++) {
            long arrival = k * 1_000 * ms - 50 * US;
            b.add(arrival - ms, arrival, ContractTraces.BID, 0, k, 0, 0, 0, 0);
        }
        Trace trace = b.build();
        for (boolean updates : new boolean[] {false, true}) {
            StreamConfig config = QuietCheckpointProperties.config(1, 1, 1_300 * ms, false, updates, FaultPlan.NONE)
                    .withWatermarkInterval(300 * ms);
            StreamRun stepped = StreamRun.start(ContractJobs.tumblingCount(), trace, config);
            while (!stepped.isFinished() && stepped.sim.step()) {
                // one kernel action at a time
            }
            StreamRun whole = StreamRun.start(ContractJobs.tumblingCount(), trace, config);

            assertThat(whole.finish()).usingRecursiveComparison().isEqualTo(stepped.finish());
            if (updates) {
                assertThat(whole.handOffs).isZero();
            } else {
                assertThat(whole.handOffs).isPositive();
            }
        }
    }

    /**
     * Traces of 20 to 60 events whose arrivals step by nothing (records at once), by a hop plus
     * 0.5 to 1.3 µs (where a record handed off by the previous read arrives, for sources that run
     * a keyBy after zero to three steps of 0.2 µs), by 1 or 30 ms, or up to 50 µs before the next
     * whole second (where the early fires of the {@code updates} output mode fall, a second
     * apart); event times trail the arrivals by up to 1.5 s, so some records come out of order.
     */
    static final class TiedTraces implements ArbitrarySupplier<Trace> {
        @Override
        public Arbitrary<Trace> get() {
            Arbitrary<Long> gap = Arbitraries.of(0L, 100 * US + 500, 100 * US + 700, 100 * US + 900, 100 * US + 1_100,
                    100 * US + 1_300, 1_000 * US, 30_000 * US, BEFORE_A_SECOND);
            Arbitrary<long[]> event = Combinators.combine(gap, Arbitraries.longs().between(0, 1_500),
                    Arbitraries.longs().between(0, 2), Arbitraries.longs().between(0, 11), Arbitraries.longs().between(0, 100))
                    .as((g, delayMs, kind, key, value) -> new long[] {g, delayMs * QuietCheckpointProperties.MS, kind, key, value});
            return event.list().ofMinSize(20).ofMaxSize(60).map(RecordHandOffProperties::trace);
        }
    }

    /** A gap up to 50 µs before the next whole second: a record handed off there arrives past it. */
    private static final long BEFORE_A_SECOND = -1;

    private static Trace trace(List<long[]> events) {
        TraceBuilder b = ContractTraces.builder();
        long arrival = 0;
        for (long[] e : events) {
            long second = 1_000_000 * US;
            arrival = e[0] == BEFORE_A_SECOND ? (arrival / second + 1) * second - 50 * US : arrival + e[0];
            long eventTime = Math.max(0, arrival - e[1]);
            b.add(eventTime, arrival, (int) e[2], e[3], e[4], 0, 0, 0, 0);
        }
        return b.build();
    }
}
