/**
 * SQL text on Flink SQL, the real reference for Flowlab's compiled SQL jobs:
 * {@link org.flowlab.flink.sql.FlinkSqlRunner} registers every table a trace holds ({@code bid},
 * {@code auction}, {@code person} for Nexmark, {@code events} otherwise) as a Flink table over the
 * trace's events, its rowtime column the event-time attribute with a watermark covering the trace's
 * disorder, runs the query in {@code BATCH} or {@code STREAMING} mode on the same targets as the
 * DataStream runner, and returns the query's final rows — an updating query's changelog played to
 * its end — as the canonical table of {@link org.flowlab.sim.job.SqlResults}, to compare with the
 * oracle's. The planner comes through {@code flink-table-planner-loader}, in a class loader of its
 * own, so its Calcite never meets another on the class path.
 */
package org.flowlab.flink.sql;
