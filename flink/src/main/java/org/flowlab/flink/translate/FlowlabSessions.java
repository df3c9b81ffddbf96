package org.flowlab.flink.translate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.MergingWindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.flowlab.sim.job.Row;

/**
 * Flowlab's session windows as a Flink merging assigner. Each row gets the proto-window
 * {@code [t, t + gap)}; windows merge only when they share an instant. Flink's own session assigner
 * merges touching windows too ({@code TimeWindow.intersects}), so two rows exactly {@code gap}
 * apart would share a session there but not in Flowlab: hence this class.
 */
final class FlowlabSessions extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long gap;

    FlowlabSessions(long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("session gap must be positive (got " + gap + " ns)");
        }
        this.gap = gap;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long t = ((Row) element).eventTime();
        return List.of(new TimeWindow(t, t > Long.MAX_VALUE - gap ? Long.MAX_VALUE : t + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> a.getStart() != b.getStart() ? Long.compare(a.getStart(), b.getStart())
                : Long.compare(a.getEnd(), b.getEnd()));
        List<TimeWindow> group = new ArrayList<>();
        TimeWindow cover = null;
        for (TimeWindow w : sorted) {
            if (cover != null && w.getStart() < cover.getEnd()) {
                group.add(w);
                cover = cover.cover(w);
            } else {
                flush(group, cover, callback);
                group = new ArrayList<>();
                group.add(w);
                cover = w;
            }
        }
        flush(group, cover, callback);
    }

    private static void flush(List<TimeWindow> group, TimeWindow cover, MergeCallback<TimeWindow> callback) {
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
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
        return "FlowlabSessions(gap " + gap + " ns)";
    }
}
