package org.flowlab.sim.job;

import java.util.Map;
import java.util.NavigableSet;
import java.util.Queue;

/**
 * A {@link KeyedProcessContext} over plain collections, for runners that take one key at a time
 * (the reference oracle, the Flink adapter): the key's named state in a map, its timers in a sorted
 * set, and its rows handed over in a queue in {@link Row#ORDER} to be worked off in the order of
 * the rules. Engines that keep many keys in compact objects of their own implement the context
 * directly instead.
 */
public abstract class PlainKeyRun extends KeyedProcessContext {

    private final Map<String, Object> state;
    private final NavigableSet<Long> timers;

    /**
     * @param state  the key's state, which this run reads and changes
     * @param timers the key's timers, which this run fires, adds and removes
     * @see KeyedProcessContext#KeyedProcessContext(String, KeyedProcess, boolean)
     */
    protected PlainKeyRun(String jobName, KeyedProcess step, boolean lastStep, Map<String, Object> state,
                          NavigableSet<Long> timers) {
        super(jobName, step, lastStep);
        this.state = state;
        this.timers = timers;
    }

    /**
     * Hands {@code function} every row of {@code rows} (in {@link Row#ORDER}) and every timer that
     * is due by {@code upTo}, a timer after the rows at or before its time; what is not due stays.
     */
    public final void workOff(Queue<Row> rows, long upTo, KeyedProcessFunction function) {
        while (true) {
            Row row = rows.peek();
            Long timer = timers.isEmpty() ? null : timers.first();
            if (row != null && isDue(row.eventTime(), upTo) && (timer == null || rowBeforeTimer(row.eventTime(), timer))) {
                rows.poll();
                atRow(row.eventTime());
                function.processElement(row, this);
            } else if (timer != null && isDue(timer, upTo)) {
                timers.pollFirst();
                atTimer(timer);
                function.onTimer(timer, this);
            } else {
                return;
            }
        }
    }

    /** A timer the key did not have was added at {@code timestamp}; nothing by default. */
    protected void timerAdded(long timestamp) {
    }

    @Override
    protected final Object stateValue(String name) {
        return state.get(name);
    }

    @Override
    protected final void putState(String name, Object value) {
        state.put(name, value);
    }

    @Override
    public final void clearState(String name) {
        state.remove(name);
    }

    @Override
    protected final void addTimer(long timestamp) {
        if (timers.add(timestamp)) {
            timerAdded(timestamp);
        }
    }

    @Override
    public final void deleteTimer(long timestamp) {
        timers.remove(timestamp);
    }
}
