package org.flowlab.flink.translate;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.flowlab.sim.job.Row;

/** Flink's timestamp of a source row: its event time, in nanoseconds. */
final class EventTimes implements SerializableTimestampAssigner<Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(Row row, long recordTimestamp) {
        return row.eventTime();
    }
}
