package org.flowlab.sim.batch;

import java.util.Arrays;

/**
 * The pending timers of one key: distinct timestamps in increasing order, in a primitive array.
 * A key usually has one or two, registered in time order and fired from the front, so adding
 * appends, firing advances a head index, and nothing is boxed — what a sorted set of {@code Long}
 * costs on every record of a detector.
 */
final class TimerSet {
    private long[] times = new long[2];
    private int head;
    private int end;

    boolean isEmpty() {
        return head == end;
    }

    int size() {
        return end - head;
    }

    /** The earliest timer; the set must not be empty. */
    long first() {
        return times[head];
    }

    /** Removes and returns the earliest timer; the set must not be empty. */
    long pollFirst() {
        long t = times[head++];
        if (head == end) {
            head = 0;
            end = 0;
        }
        return t;
    }

    /** Adds {@code t} unless it is already there. */
    void add(long t) {
        makeRoomAtEnd();
        if (head == end || t > times[end - 1]) {
            times[end++] = t;
            return;
        }
        int i = Arrays.binarySearch(times, head, end, t);
        if (i >= 0) {
            return;
        }
        int at = -i - 1;
        System.arraycopy(times, at, times, at + 1, end - at);
        times[at] = t;
        end++;
    }

    /** Removes {@code t} if it is there. */
    void remove(long t) {
        int i = Arrays.binarySearch(times, head, end, t);
        if (i < 0) {
            return;
        }
        if (i == head) {
            pollFirst();
            return;
        }
        System.arraycopy(times, i + 1, times, i, end - i - 1);
        end--;
    }

    void clear() {
        head = 0;
        end = 0;
    }

    private void makeRoomAtEnd() {
        if (end < times.length) {
            return;
        }
        if (head > 0) {
            System.arraycopy(times, head, times, 0, end - head);
            end -= head;
            head = 0;
        } else {
            times = Arrays.copyOf(times, times.length * 2);
        }
    }
}
