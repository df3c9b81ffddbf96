/**
 * How a Flowlab job becomes a Flink program, step by step: a generator source over the trace's
 * columns with bounded-disorder watermarks, flatMaps for the row-by-row steps, Flink windows with
 * adapters around Flowlab's window assigners and aggregates, and a Flink keyed process function
 * that runs a Flowlab process function in the oracle's (event time, id) order on Flink's keyed
 * state and event-time timers. Operators carry the job's recipe and rebuild the job in each task.
 */
package org.flowlab.flink.translate;
