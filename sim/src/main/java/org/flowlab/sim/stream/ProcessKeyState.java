package org.flowlab.sim.stream;

import java.util.Arrays;
import java.util.Comparator;
import org.flowlab.sim.job.OutputNumbering;
import org.flowlab.sim.job.Row;

/**
 * One key's state in a {@link ProcessOperator}: its named state values, its distinct timers, its
 * buffered rows and the numbering of its outputs (inherited, so it lives in this object); with
 * provisional evaluation also the provisional instance's state and timers (a second
 * {@code ProcessKeyState}) and its {@link ProvisionalOutputs} not yet reconciled. A key mostly has
 * one or two names, one timer and one buffered row at a time, so the first of each lives in a field
 * and only more of them go to an array: running a key touches one object, not five, and the state
 * of many keys stays in cache.
 */
final class ProcessKeyState extends OutputNumbering {

    /** The order in which a key's rows are run: {@link Row#ORDER}; equal rows stay in the order they came. */
    static final Comparator<StreamRecord> ROW_ORDER = (a, b) -> Row.ORDER.compare(a.row, b.row);
    private static final long[] NO_TIMERS = new long[0];
    private static final StreamRecord[] NO_ROWS = new StreamRecord[0];

    final long key;

    // Named state: (name0, value0), (name1, value1), then pairs in more[0, 2 × moreCount); an empty slot has a null name.
    private String name0;
    private Object value0;
    private String name1;
    private Object value1;
    private Object[] more;
    private int moreCount;
    private int stateCount;

    // Timers: the earliest in firstTimer, the others ascending in laterTimers[0, timerCount - 1).
    private long firstTimer;
    private long[] laterTimers = NO_TIMERS;
    private int timerCount;

    // Rows in ROW_ORDER: the first in firstRow, the others in laterRows[laterHead, laterHead + rowCount - 1).
    // The first and the last row's event times are kept here (the last is the first while there
    // is one row): a row waits in the buffer long enough to leave the cache, and finding when the
    // key is due, or placing a new row that comes in order after the others (most do), then reads
    // no buffered row.
    private StreamRecord firstRow;
    private long firstRowTime;
    private long lastRowTime;
    private StreamRecord[] laterRows = NO_ROWS;
    private int laterHead;
    private int rowCount;

    /**
     * With provisional evaluation (the {@code updates} output mode): the provisional instance's
     * state and timers for this key, kept here so that checkpoints carry them; null otherwise.
     */
    ProcessKeyState provisional;
    /** With provisional evaluation: the provisional outputs not yet reconciled, made at the first; null before. */
    ProvisionalOutputs pending;
    /** The earliest buffered row's event time or timer, while the key is in the due queue. */
    long due = Long.MAX_VALUE;
    boolean queued;
    /** Changed since the last checkpoint. */
    boolean dirty;
    /** No longer in the operator's keys. */
    boolean removed;
    /** A checkpoint has kept this key's state (so removing the key must be recorded). */
    boolean inChangelog;

    ProcessKeyState(long key) {
        this.key = key;
    }

    /**
     * A copy that shares nothing either may change (state values are immutable, so they are
     * shared): the key as a checkpoint keeps it, or a key restored from one. Not in the due queue,
     * not dirty.
     */
    ProcessKeyState copy() {
        ProcessKeyState c = new ProcessKeyState(key);
        c.name0 = name0;
        c.value0 = value0;
        c.name1 = name1;
        c.value1 = value1;
        if (moreCount > 0) {
            c.more = Arrays.copyOf(more, 2 * moreCount);
            c.moreCount = moreCount;
        }
        c.stateCount = stateCount;
        c.firstTimer = firstTimer;
        if (timerCount > 1) {
            c.laterTimers = Arrays.copyOf(laterTimers, timerCount - 1);
        }
        c.timerCount = timerCount;
        c.firstRow = firstRow;
        c.firstRowTime = firstRowTime;
        c.lastRowTime = lastRowTime;
        if (rowCount > 1) {
            c.laterRows = Arrays.copyOfRange(laterRows, laterHead, laterHead + rowCount - 1);
        }
        c.rowCount = rowCount;
        c.copyNumbering(this);
        if (provisional != null) {
            c.provisional = provisional.copy();
        }
        if (hasPending()) {
            c.pending = pending.copy();
        }
        return c;
    }

    boolean hasWork() {
        return timerCount > 0 || rowCount > 0;
    }

    /** The earliest buffered row's event time or timer, +inf without either. */
    long nextDue() {
        long d = rowCount > 0 ? firstRowTime : Long.MAX_VALUE;
        return timerCount > 0 ? Math.min(d, firstTimer) : d;
    }

    /**
     * State entries for a checkpoint's cost: the key, its timers and its buffered rows, and with
     * provisional evaluation the provisional timers and outputs.
     */
    int entries() {
        return 1 + timerCount + rowCount + (pending == null ? 0 : pending.size())
                + (provisional == null ? 0 : provisional.timerCount);
    }

    // ---------------------------------------------------------------- provisional evaluation

    /** The provisional instance's state of this key, made at the first use. */
    ProcessKeyState provisional() {
        if (provisional == null) {
            provisional = new ProcessKeyState(key);
        }
        return provisional;
    }

    /** Whether the provisional evaluation keeps anything for this key: state, timers or unreconciled outputs. */
    boolean holdsProvisional() {
        return hasPending() || provisional != null && (provisional.stateCount > 0 || provisional.timerCount > 0);
    }

    /** The earliest provisional timer, +inf without one. */
    long firstProvisionalTimer() {
        return provisional == null || provisional.timerCount == 0 ? Long.MAX_VALUE : provisional.firstTimer;
    }

    /** The provisional outputs not yet reconciled, made at the first use. */
    ProvisionalOutputs pending() {
        if (pending == null) {
            pending = new ProvisionalOutputs();
        }
        return pending;
    }

    boolean hasPending() {
        return pending != null && pending.size() > 0;
    }

    // ---------------------------------------------------------------- named state

    boolean hasState() {
        return stateCount > 0;
    }

    Object state(String name) {
        if (name.equals(name0)) {
            return value0;
        }
        if (name.equals(name1)) {
            return value1;
        }
        int i = moreIndex(name);
        return i < 0 ? null : more[i + 1];
    }

    void setState(String name, Object value) {
        if (name.equals(name0)) {
            value0 = value;
        } else if (name.equals(name1)) {
            value1 = value;
        } else {
            int i = moreIndex(name);
            if (i >= 0) {
                more[i + 1] = value;
                return;
            }
            stateCount++;
            if (name0 == null) {
                name0 = name;
                value0 = value;
            } else if (name1 == null) {
                name1 = name;
                value1 = value;
            } else {
                if (more == null) {
                    more = new Object[4];
                } else if (2 * moreCount == more.length) {
                    more = Arrays.copyOf(more, more.length * 2);
                }
                more[2 * moreCount] = name;
                more[2 * moreCount + 1] = value;
                moreCount++;
            }
        }
    }

    void clearState(String name) {
        if (name.equals(name0)) {
            name0 = null;
            value0 = null;
        } else if (name.equals(name1)) {
            name1 = null;
            value1 = null;
        } else {
            int i = moreIndex(name);
            if (i < 0) {
                return;
            }
            // Names have no order: the last pair takes the freed place.
            int last = 2 * (moreCount - 1);
            more[i] = more[last];
            more[i + 1] = more[last + 1];
            more[last] = null;
            more[last + 1] = null;
            moreCount--;
        }
        stateCount--;
    }

    private int moreIndex(String name) {
        for (int i = 0; i < 2 * moreCount; i += 2) {
            if (name.equals(more[i])) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- timers

    boolean hasTimer() {
        return timerCount > 0;
    }

    /** The earliest timer; only with one. */
    long firstTimer() {
        return firstTimer;
    }

    /** Adds a timer; false if the key already has one at that time. */
    boolean addTimer(long t) {
        if (timerCount == 0) {
            firstTimer = t;
        } else if (t == firstTimer) {
            return false;
        } else if (t < firstTimer) {
            insertLaterTimer(0, firstTimer);
            firstTimer = t;
        } else {
            int i = Arrays.binarySearch(laterTimers, 0, timerCount - 1, t);
            if (i >= 0) {
                return false;
            }
            insertLaterTimer(-i - 1, t);
        }
        timerCount++;
        return true;
    }

    private void insertLaterTimer(int i, long t) {
        int n = timerCount - 1;
        if (n == laterTimers.length) {
            laterTimers = Arrays.copyOf(laterTimers, Math.max(2, n * 2));
        }
        System.arraycopy(laterTimers, i, laterTimers, i + 1, n - i);
        laterTimers[i] = t;
    }

    /** Removes the timer at {@code t}; false if there is none. */
    boolean removeTimer(long t) {
        if (timerCount == 0) {
            return false;
        }
        int n = timerCount - 1;
        if (t == firstTimer) {
            if (n > 0) {
                firstTimer = laterTimers[0];
                System.arraycopy(laterTimers, 1, laterTimers, 0, n - 1);
            }
        } else {
            int i = Arrays.binarySearch(laterTimers, 0, n, t);
            if (i < 0) {
                return false;
            }
            System.arraycopy(laterTimers, i + 1, laterTimers, i, n - i - 1);
        }
        timerCount--;
        return true;
    }

    // ---------------------------------------------------------------- buffered rows

    /** Buffers a row in its place in {@link #ROW_ORDER}, after the rows equal to it. */
    void addRow(StreamRecord record) {
        long time = record.row.eventTime();
        if (rowCount == 0) {
            firstRow = record;
            firstRowTime = time;
            lastRowTime = time;
        } else if (after(firstRowTime, firstRow, time, record)) {
            insertLaterRowFirst(firstRow);
            firstRow = record;
            firstRowTime = time;
        } else {
            appendLaterRow(record, time);
        }
        rowCount++;
    }

    /** Whether row {@code a}, at event time {@code timeA}, comes after {@code b}, at {@code timeB}, in {@link #ROW_ORDER}. */
    private static boolean after(long timeA, StreamRecord a, long timeB, StreamRecord b) {
        return timeA > timeB || timeA == timeB && ROW_ORDER.compare(a, b) > 0;
    }

    private void insertLaterRowFirst(StreamRecord record) {
        if (laterHead > 0) {
            laterRows[--laterHead] = record;
            return;
        }
        int n = rowCount - 1;
        if (n == laterRows.length) {
            laterRows = Arrays.copyOf(laterRows, Math.max(2, n * 2));
        }
        System.arraycopy(laterRows, 0, laterRows, 1, n);
        laterRows[0] = record;
    }

    /** Places a row that does not come before the first one, at {@code time}. */
    private void appendLaterRow(StreamRecord record, long time) {
        int n = rowCount - 1;
        if (laterHead + n == laterRows.length) {
            if (laterHead > 0) {
                System.arraycopy(laterRows, laterHead, laterRows, 0, n);
                Arrays.fill(laterRows, n, laterHead + n, null);
                laterHead = 0;
            }
            if (n == laterRows.length) {
                laterRows = Arrays.copyOf(laterRows, Math.max(2, n * 2));
            }
        }
        int end = laterHead + n;
        // Rows mostly come in order: after the last one (the first, with no later rows), by its time.
        if (n == 0 || !after(lastRowTime, laterRows[end - 1], time, record)) {
            laterRows[end] = record;
            lastRowTime = time;
            return;
        }
        // Before the last: look for the place from the end.
        int i = end;
        while (i > laterHead && ROW_ORDER.compare(laterRows[i - 1], record) > 0) {
            laterRows[i] = laterRows[i - 1];
            i--;
        }
        laterRows[i] = record;
    }

    /** The first buffered row, null without one. */
    StreamRecord firstRow() {
        return firstRow;
    }

    /** The first buffered row's event time; only with one. */
    long firstRowTime() {
        return firstRowTime;
    }

    /** Takes the first buffered row; only with one. */
    StreamRecord pollRow() {
        StreamRecord r = firstRow;
        rowCount--;
        if (rowCount == 0) {
            firstRow = null;
            laterHead = 0;
        } else {
            firstRow = laterRows[laterHead];
            firstRowTime = firstRow.row.eventTime();
            laterRows[laterHead] = null;
            laterHead = rowCount == 1 ? 0 : laterHead + 1;
        }
        return r;
    }
}
