package org.flowlab.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.workloads.Trace;

/**
 * {@link ThroughputTimeline} keeps only the buckets something happens in, and gives the same
 * timeline as one array slot per bucket: reads counted per bucket (a batch of reads, a replay, a
 * read before 0 or into an earlier bucket than the last included), and the backlog at each
 * bucket's end against the trace's arrivals.
 */
class ThroughputTimelineProperties {

    private static final long BUCKET = 1_000;

    /** A read: at {@code t}, {@code n} records, whether they are read again. */
    record Read(long t, long n, boolean replay) {
    }

    @Property(tries = 300)
    void theSparseTimelineIsTheDenseOne(@ForAll("arrivals") long[] arrivals, @ForAll("reads") List<Read> reads) {
        Trace trace = StalenessTimelineTest.arrivals(arrivals);
        ThroughputTimeline.Builder builder = ThroughputTimeline.builder(BUCKET);
        for (Read r : reads) {
            builder.read(r.t(), r.n(), r.replay());
        }
        ThroughputTimeline timeline = builder.build(trace);
        Dense expected = Dense.of(trace, reads);
        assertThat(timeline.size()).isEqualTo(expected.processed.length);
        assertThat(timeline.processed()).containsExactly(expected.processed);
        assertThat(timeline.backlog()).containsExactly(expected.backlog);
        assertThat(timeline.maxBacklog()).isEqualTo(Arrays.stream(expected.backlog).max().orElse(0));
        double[] perSecond = timeline.perSecond();
        for (int b = 0; b < perSecond.length; b++) {
            assertThat(perSecond[b]).isEqualTo(expected.processed[b] * 1e9 / BUCKET);
        }
        boolean backwards = false;
        for (int i = 1; i < reads.size(); i++) {
            backwards |= Math.max(0, reads.get(i).t()) / BUCKET < Math.max(0, reads.get(i - 1).t()) / BUCKET;
        }
        Statistics.label("a read into an earlier bucket").collect(backwards);
        Statistics.label("a read into an earlier bucket").coverage(c -> c.check(true).percentage(p -> p >= 20));
        Statistics.label("backlog").collect(timeline.maxBacklog() > 0 ? "some" : "none");
        Statistics.label("backlog").coverage(c -> c.check("some").percentage(p -> p >= 30));
    }

    /**
     * A timeline that would pass its most buckets (here 12; a run's, 50 million) gets buckets a
     * whole number of times wider, which hold it, and is then the dense timeline of those: a run
     * over years gets a coarser timeline, not an error.
     */
    @Property(tries = 200)
    void bucketsWidenToHoldAFarTime(@ForAll("arrivals") long[] arrivals, @ForAll("reads") List<Read> reads) {
        long most = 12;
        Trace trace = StalenessTimelineTest.arrivals(arrivals);
        ThroughputTimeline.Builder builder = ThroughputTimeline.builder(BUCKET, most);
        for (Read r : reads) {
            builder.read(r.t(), r.n(), r.replay());
        }
        ThroughputTimeline timeline = builder.build(trace);
        long bucket = timeline.bucket();
        Dense expected = Dense.of(trace, reads, bucket);

        assertThat(bucket % BUCKET).isZero();
        assertThat(timeline.size()).isLessThanOrEqualTo((int) most + 1);
        assertThat(timeline.processed()).containsExactly(expected.processed);
        assertThat(timeline.backlog()).containsExactly(expected.backlog);
        Statistics.label("buckets").collect(bucket == BUCKET ? "as they were" : "widened");
        Statistics.label("buckets").coverage(c -> c.check("widened").percentage(p -> p >= 40));
    }

    @Provide
    Arbitrary<long[]> arrivals() {
        return Arbitraries.longs().between(-1_500, 40_000).array(long[].class).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Read>> reads() {
        Arbitrary<Long> times = Arbitraries.longs().between(-2_000, 45_000);
        Arbitrary<Long> counts = Arbitraries.longs().between(0, 4);
        Arbitrary<Read> read = Combinators.combine(times, counts, Arbitraries.of(false, false, false, true)).as(Read::new);
        // Mostly in time order, as an engine reads, with some reads out of it.
        return read.list().ofMaxSize(40).map(list -> {
            List<Read> sorted = new java.util.ArrayList<>(list);
            sorted.sort(java.util.Comparator.comparingLong(Read::t));
            if (sorted.size() > 3 && (sorted.get(0).t() & 1) == 0) {
                sorted.add(sorted.get(sorted.size() / 3));
                sorted.add(sorted.get(1));
            }
            return sorted;
        });
    }

    /** The timeline with one slot per bucket, as it was computed before only the busy buckets were kept. */
    private record Dense(long[] processed, long[] backlog) {
        static Dense of(Trace trace, List<Read> reads) {
            return of(trace, reads, BUCKET);
        }

        static Dense of(Trace trace, List<Read> reads, long bucket) {
            int buckets = 0;
            for (Read r : reads) {
                buckets = Math.max(buckets, (int) (Math.max(0, r.t()) / bucket) + 1);
            }
            int n = Math.max(buckets, trace.size() == 0 ? 0 : (int) (Math.max(0, trace.lastArrival()) / bucket) + 1);
            long[] processed = new long[n];
            long[] firstReads = new long[n];
            for (Read r : reads) {
                int b = (int) (Math.max(0, r.t()) / bucket);
                processed[b] += r.n();
                if (!r.replay()) {
                    firstReads[b] += r.n();
                }
            }
            long[] backlog = new long[n];
            int arrived = 0;
            long read = 0;
            for (int b = 0; b < n; b++) {
                long end = (b + 1) * bucket;
                while (arrived < trace.size() && trace.arrivalTime(arrived) < end) {
                    arrived++;
                }
                read += firstReads[b];
                backlog[b] = Math.max(0, arrived - read);
            }
            return new Dense(processed, backlog);
        }
    }
}
