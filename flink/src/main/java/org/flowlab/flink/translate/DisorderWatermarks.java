package org.flowlab.flink.translate;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.flowlab.sim.job.Row;

/**
 * Bounded out-of-orderness in Flowlab's unit: the watermark trails the largest event time seen by
 * {@code bound} nanoseconds, so a row at most {@code bound} older than that is never late. It is
 * Flink's {@code BoundedOutOfOrdernessWatermarks}, whose {@code Duration} would be cut to
 * milliseconds, while Flowlab's event times (Flink's timestamps here) are nanoseconds.
 *
 * <p>It emits every {@link #EVERY_ROWS} rows of its reader, and the runner turns Flink's periodic
 * emission (every 200 ms of wall clock) off, so that how far the watermark has come at each row
 * depends on the input alone, not on how fast this machine is: the same run drops the same late rows.
 */
final class DisorderWatermarks implements WatermarkGenerator<Row> {
    /** How many rows apart the watermark is emitted. */
    static final int EVERY_ROWS = 256;

    private final long bound;
    private long maxSeen;
    private int sinceEmitted;

    DisorderWatermarks(long bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("the disorder bound must not be negative (got " + bound + " ns)");
        }
        this.bound = bound;
        this.maxSeen = Long.MIN_VALUE + bound + 1;
    }

    @Override
    public void onEvent(Row row, long timestamp, WatermarkOutput output) {
        maxSeen = Math.max(maxSeen, row.eventTime());
        if (++sinceEmitted == EVERY_ROWS) {
            onPeriodicEmit(output);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        sinceEmitted = 0;
        output.emitWatermark(new Watermark(maxSeen - bound - 1));
    }
}
