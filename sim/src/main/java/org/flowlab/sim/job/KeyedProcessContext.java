package org.flowlab.sim.job;

/**
 * The {@link ProcessContext} an engine (or the oracle) gives a keyed process function, with the
 * rules of the job model written once: which timers may be registered, in which order a key's rows
 * and timers run, when they are due, and what {@code emit} and {@code forward} accept. A subclass
 * says only where the key's state and timers live and where an output goes; it sets the key with
 * {@link #forKey} and tells the context what the function is handed with {@link #atRow} or
 * {@link #atTimer}. Nothing here allocates, so the stream's per-record path can use it;
 * {@link PlainKeyRun} adds the state, timers and loop of a runner that takes one key at a time.
 */
public abstract class KeyedProcessContext implements ProcessContext {

    private final String jobName;
    private final KeyedProcess step;
    private final boolean lastStep;
    private long key;
    private long currentTime;
    private boolean inTimer;

    /**
     * @param jobName  the job's name, for messages
     * @param step     the process step, for messages
     * @param lastStep whether the step is the job's last, the only one that may {@link #emit}
     */
    protected KeyedProcessContext(String jobName, KeyedProcess step, boolean lastStep) {
        this.jobName = jobName;
        this.step = step;
        this.lastStep = lastStep;
    }

    /**
     * Whether a row or timer at {@code time} is due under {@code watermark}: the watermark says that
     * no row at or before it is still to come, so everything up to it can run in its final order.
     */
    public static boolean isDue(long time, long watermark) {
        return time <= watermark;
    }

    /**
     * Whether a key's row at {@code rowTime} runs before its timer at {@code timer}: a timer at t
     * fires after every row at or before t and before any row after it.
     */
    public static boolean rowBeforeTimer(long rowTime, long timer) {
        return rowTime <= timer;
    }

    /** The rows and timers that follow are {@code key}'s. */
    protected final void forKey(long key) {
        this.key = key;
    }

    /** The function is about to be handed a row at {@code eventTime}. */
    protected final void atRow(long eventTime) {
        currentTime = eventTime;
        inTimer = false;
    }

    /** The function is about to be handed the timer at {@code timestamp}. */
    protected final void atTimer(long timestamp) {
        currentTime = timestamp;
        inTimer = true;
    }

    @Override
    public final long key() {
        return key;
    }

    @Override
    public final long currentTime() {
        return currentTime;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> T state(String name) {
        return (T) stateValue(name);
    }

    @Override
    public final void setState(String name, Object value) {
        if (value == null) {
            clearState(name);
        } else {
            putState(name, value);
        }
    }

    @Override
    public final void registerTimer(long timestamp) {
        if (inTimer ? timestamp <= currentTime : timestamp < currentTime) {
            throw new IllegalArgumentException("job " + jobName + ": " + step + " registered a timer at "
                    + timestamp + " for key " + key + (inTimer ? ", not later than the firing timer at " : ", before the current time ")
                    + currentTime);
        }
        addTimer(timestamp);
    }

    @Override
    public final void emit(Object value) {
        if (!lastStep) {
            throw new IllegalStateException("job " + jobName + ": " + step
                    + " called emit() but is not the job's last step; use forward(row) to pass rows on");
        }
        if (value == null) {
            throw new IllegalArgumentException("job " + jobName + ": " + step + " emitted null for key " + key);
        }
        onEmit(value);
    }

    @Override
    public final void forward(Row row) {
        if (row == null) {
            throw new IllegalArgumentException("job " + jobName + ": " + step + " forwarded null for key " + key);
        }
        if (row.eventTime() < currentTime) {
            throw new IllegalArgumentException("job " + jobName + ": " + step + " forwarded a row at "
                    + row.eventTime() + ", before the current time " + currentTime + " (it would be late downstream)");
        }
        onForward(row);
    }

    /** The key's state under {@code name}, or null. */
    protected abstract Object stateValue(String name);

    /** Sets the key's state under {@code name} to a value that is not null. */
    protected abstract void putState(String name, Object value);

    /** Adds the key's timer at {@code timestamp}, which the rules allow; nothing if it has one there. */
    protected abstract void addTimer(long timestamp);

    /** Outputs a value the function emitted, which the rules allow. */
    protected abstract void onEmit(Object value);

    /** Passes on (or, after the last step, outputs) a row the function forwarded, which the rules allow. */
    protected abstract void onForward(Row row);
}
