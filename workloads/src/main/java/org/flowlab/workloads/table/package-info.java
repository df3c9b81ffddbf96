/**
 * A trace read as SQL tables: which tables a trace holds ({@code events} for an imported or generic trace;
 * {@code bid}, {@code auction} and {@code person} for Nexmark), each column's name, SQL type and the trace
 * field its values live in ({@link org.flowlab.workloads.table.TraceColumn}), the instant virtual time 0
 * stands for, and the one value form ({@link org.flowlab.workloads.table.SqlRow}) in which Flowlab's compiled
 * SQL jobs and Flink SQL report rows, so that their results compare as multisets.
 */
package org.flowlab.workloads.table;
