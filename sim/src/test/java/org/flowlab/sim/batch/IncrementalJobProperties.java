package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.Trace;

/**
 * The logic of the runs, without their timing: however a trace is cut into runs, in update or
 * append mode, with whatever watermarks, the table after the last run is the oracle's — minus
 * exactly the records dropped as late — and every record is visible or late.
 */
class IncrementalJobProperties {

    /**
     * Happenings, three in four with a straggler: the first event arrives 300 s late, after every
     * other, and a last one 45 s after the rest takes event time past every window of the jobs
     * (10 s at most) and the largest lateness (20 s). A run that ends just before the straggler
     * ({@link #cuts}) has a watermark past its windows, so it is late (dropped or reprocessed) in
     * every job but the global window and the stateless one: 11 of 13. jqwik mixes in an edge case
     * (of all parameters) in at most one try in six, so a try has such a late record with
     * probability 5/6 × 3/4 × 3/4 × 11/13 = 0.40 at least, and 8 % or fewer of 300 tries have one
     * with probability 1.3e-35 (the binomial tail).
     */
    @Provide
    Arbitrary<List<TestJobs.Happening>> events() {
        Arbitrary<List<TestJobs.Happening>> any = TestJobs.happenings();
        return Arbitraries.frequencyOf(
                Tuple.of(3, any.map(IncrementalJobProperties::withStraggler)),
                Tuple.of(1, any.withoutEdgeCases()));
    }

    private static List<TestJobs.Happening> withStraggler(List<TestJobs.Happening> events) {
        TestJobs.Happening first = events.get(0);
        List<TestJobs.Happening> out = new ArrayList<>(events);
        out.set(0, new TestJobs.Happening(first.gap(), 300 * TestJobs.S, first.kind(), first.key(), first.value(), first.attr1()));
        out.add(new TestJobs.Happening(45 * TestJobs.S, 0, TestJobs.BID, 0, 1.0, 0));
        return out;
    }

    @Provide
    Arbitrary<Job> jobs() {
        return TestJobs.anyJob();
    }

    /** Three in four with a cut at 999 ‰, which ends a run just before the last record to arrive (a straggler's). */
    @Provide
    Arbitrary<List<Integer>> cuts() {
        // Per mille of the trace, so that cuts fall inside traces of any length.
        Arbitrary<List<Integer>> any = Arbitraries.integers().between(0, 1000).list().ofMinSize(0).ofMaxSize(20);
        return Arbitraries.frequencyOf(
                Tuple.of(3, any.map(cuts -> {
                    List<Integer> beforeTheLast = new ArrayList<>(cuts);
                    beforeTheLast.add(999);
                    return beforeTheLast;
                })),
                Tuple.of(1, any.withoutEdgeCases()));
    }

    @Provide
    Arbitrary<Long> lateness() {
        return Arbitraries.of(0L, 0L, 500 * TestJobs.MS, 2 * TestJobs.S, 20 * TestJobs.S);
    }

    @Property(tries = 300)
    void anyCutIntoRunsGivesTheOraclesTable(@ForAll("events") List<TestJobs.Happening> events, @ForAll("jobs") Job job,
                                            @ForAll("cuts") List<Integer> cuts, @ForAll boolean partial,
                                            @ForAll boolean drop, @ForAll("lateness") long lateness) {
        Trace trace = TestJobs.trace(events);
        LatePolicy policy = drop ? LatePolicy.DROP : LatePolicy.CORRECT;
        IncrementalJob runs = new IncrementalJob(job, trace, partial ? OutputMode.UPDATES : OutputMode.FINAL, policy, EventTimeContract.DEFAULT);
        TreeSet<Integer> ends = new TreeSet<>();
        for (int c : cuts) {
            ends.add(c * trace.size() / 1000);
        }
        ends.add(trace.size());
        BitSet visible = new BitSet();
        BitSet late = new BitSet();
        long corrections = 0;
        long maxEventTime = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        int n = 0;
        for (int end : ends) {
            if (end < runs.read()) {
                continue;
            }
            for (int i = runs.read(); i < end; i++) {
                maxEventTime = Math.max(maxEventTime, trace.eventTime(i));
            }
            // The event-time contract's watermark, as both engines make it; it never goes back.
            long candidate = end == 0 ? Long.MIN_VALUE : maxEventTime - lateness - 1;
            watermark = Math.max(watermark, candidate);
            RunDelta delta = runs.run(end, end == trace.size() ? Long.MAX_VALUE : watermark);
            delta.forEachVisible(visible::set);
            for (int i = 0; i < delta.late.size(); i++) {
                late.set(delta.late.get(i));
            }
            corrections += delta.corrections;
            n++;
        }
        Statistics.label("runs").collect(n == 1 ? "1" : n < 5 ? "2-4" : "5+");
        Statistics.label("late records").collect(late.cardinality() + corrections > 0);
        Statistics.label("late records").coverage(c -> c.check(true).percentage(p -> p > 8));
        Statistics.label("mode").collect(partial ? "update" : "append");

        ResultTable expected = ExpectedResults.excluding(job, trace, late);
        ResultTable actual = ResultTable.of(runs.table());
        if (!expected.equals(actual)) {
            fail(job.name() + " (" + (partial ? "update" : "append") + ", " + policy + ", " + n + " runs): "
                    + expected.diffReport(actual, 10));
        }
        if (!drop) {
            assertThat(late.isEmpty()).isTrue();
        }
        BitSet all = (BitSet) visible.clone();
        all.or(late);
        assertThat(all.cardinality()).as("records visible or late").isEqualTo(trace.size());
    }

    @Property(tries = 100)
    void oneRunAtTheEndIsTheOracle(@ForAll("events") List<TestJobs.Happening> events, @ForAll("jobs") Job job,
                                   @ForAll @IntRange(min = 0, max = 1) int mode) {
        Trace trace = TestJobs.trace(events);
        IncrementalJob runs = new IncrementalJob(job, trace, mode == 0 ? OutputMode.UPDATES : OutputMode.FINAL, LatePolicy.DROP, EventTimeContract.DEFAULT);
        RunDelta delta = runs.run(trace.size(), Long.MAX_VALUE);
        assertThat(delta.late.isEmpty()).isTrue();
        assertThat(ResultTable.of(runs.table())).isEqualTo(ExpectedResults.excluding(job, trace, new BitSet()));
    }
}
