package org.flowlab.workloads;

/**
 * One event of a trace, materialised as a value. Engines read a {@link Trace} column-wise and
 * never need this type on their hot paths; it exists for tests, notebooks and error messages.
 *
 * @param id          dense, unique, 0-based position in arrival order
 * @param eventTime   when it happened in the world, virtual nanoseconds
 * @param arrivalTime when it reached ingestion, virtual nanoseconds, never before {@code eventTime}
 * @param kind        index into the trace schema's kinds (for example 0 = person, 1 = auction, 2 = bid)
 * @param key         the grouping key (card, store, host, symbol, auction …)
 * @param value       the numeric payload (amount, price, cpu …)
 * @param attr1       scenario attribute named by the schema (for example the country)
 * @param attr2       scenario attribute named by the schema
 * @param attr3       scenario attribute named by the schema
 * @param label       ground-truth label, 0 when the scenario has none for this event
 */
public record Event(long id, long eventTime, long arrivalTime, int kind, long key, double value,
                    long attr1, long attr2, long attr3, int label) {

    public Event {
        if (arrivalTime < eventTime) {
            throw new IllegalArgumentException(
                    "event " + id + ": arrivalTime " + arrivalTime + " is before eventTime " + eventTime);
        }
    }

    /** The delay between happening and arriving, in nanoseconds. */
    public long delay() {
        return arrivalTime - eventTime;
    }
}
