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
 */
final class DisorderWatermarks implements WatermarkGenerator<Row> {
    private final long bound;
    private long maxSeen;

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
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(maxSeen - bound - 1));
    }
}
