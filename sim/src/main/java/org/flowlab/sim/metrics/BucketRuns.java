package org.flowlab.sim.metrics;

import org.HdrHistogram.Histogram;

/**
 * Records values into a histogram a run at a time: values in a row that fall in one bucket of the
 * histogram are counted, then recorded once with their count. The histogram ends the same —
 * counts per bucket, total, and the bucket of its smallest and largest value, which is all it
 * reports — and a batch run's records, made visible together and arrived in order, give long runs.
 */
final class BucketRuns {
    private final Histogram histogram;
    private long value;
    private long low = 1;
    private long high = 0;
    private long count;
    private long previous;

    BucketRuns(Histogram histogram) {
        this.histogram = histogram;
    }

    void record(long v) {
        if (v >= low && v <= high) {
            count++;
            previous = v;
            return;
        }
        flush();
        long gap = Math.abs(v - previous);
        previous = v;
        // Far from the last value (more than a bucket's width at v apart, v / 1024 for the three
        // significant digits of LatencySummary.newHistogram): no run is likely to start, as with a
        // stream's scattered latencies, so it is recorded as it is. Only speed depends on this guess.
        if (gap > (v >>> 10)) {
            histogram.recordValue(v);
            low = 1;
            high = 0;
            return;
        }
        value = v;
        low = histogram.lowestEquivalentValue(v);
        high = histogram.highestEquivalentValue(v);
        count = 1;
    }

    /** Records the run in progress; call once after the last value. */
    void flush() {
        if (count > 0) {
            histogram.recordValueWithCount(value, count);
            count = 0;
        }
    }
}
