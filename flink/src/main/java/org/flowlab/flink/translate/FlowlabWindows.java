package org.flowlab.flink.translate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.WindowAggregate;

/**
 * Flowlab's tumbling, sliding and global windows as a Flink event-time window assigner: the windows
 * of a row are exactly those Flowlab's own assigner gives for the row's event time (not Flink's
 * record timestamp, which a map may have left behind), and they fire when the watermark passes
 * their last instant, with Flink's {@link EventTimeTrigger}. The global window is
 * {@code [Long.MIN_VALUE, Long.MAX_VALUE)}, which fires at the end of the input.
 */
final class FlowlabWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final JobSteps step;
    private transient org.flowlab.sim.job.WindowAssigner windows;

    FlowlabWindows(JobSteps step) {
        this.step = step;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        if (windows == null) {
            windows = ((WindowAggregate) step.first()).window();
        }
        List<TimeWindow> out = new ArrayList<>(2);
        windows.assign(((Row) element).eventTime(), (start, end) -> out.add(new TimeWindow(start, end)));
        return out;
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "FlowlabWindows(" + step + ")";
    }
}
