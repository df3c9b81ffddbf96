package org.flowlab.sim.stream;

/**
 * A bounded FIFO queue of elements from one task to another, each with the time it reaches the
 * consumer. Records count against the capacity; a producer that finds the channel full blocks
 * (back-pressure) until the consumer takes one, and is woken then. Control elements always fit.
 */
final class Channel {
    final Task producer;
    final Task consumer;
    final int consumerInput;   // the channel's index among the consumer's inputs
    private final int capacity;
    private Object[] elements = new Object[16];
    private long[] readyAt = new long[16];
    private int head;
    private int size;
    private int records;
    /** {@code readyAt} of the first element, kept apart: a consumer's scan of its inputs reads it alone. */
    private long headReady;
    /** A producer waiting for room, or null. */
    Task blockedProducer;

    Channel(Task producer, Task consumer, int consumerInput, int capacity) {
        this.producer = producer;
        this.consumer = consumer;
        this.consumerInput = consumerInput;
        this.capacity = capacity;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Whether a record fits now. */
    boolean hasRoom() {
        return records < capacity;
    }

    void push(Object element, long ready) {
        if (size == elements.length) {
            grow();
        }
        int tail = (head + size) & (elements.length - 1);
        elements[tail] = element;
        readyAt[tail] = ready;
        if (size++ == 0) {
            headReady = ready;
            consumer.inputFilled(consumerInput);
        }
        if (element instanceof StreamRecord) {
            records++;
        }
    }

    /** When the first element reaches the consumer; only if not empty. */
    long headReadyAt() {
        return headReady;
    }

    Object take() {
        Object e = elements[head];
        elements[head] = null;
        head = (head + 1) & (elements.length - 1);
        if (--size == 0) {
            consumer.inputEmptied(consumerInput);
        } else {
            headReady = readyAt[head];
        }
        if (e instanceof StreamRecord) {
            records--;
        }
        return e;
    }

    private void grow() {
        int n = elements.length;
        Object[] e = new Object[n * 2];
        long[] r = new long[n * 2];
        for (int i = 0; i < size; i++) {
            e[i] = elements[(head + i) & (n - 1)];
            r[i] = readyAt[(head + i) & (n - 1)];
        }
        elements = e;
        readyAt = r;
        head = 0;
    }

    @Override
    public String toString() {
        return "Channel(" + producer + " → " + consumer + ", " + size + " queued, " + records + "/" + capacity + " records)";
    }
}
