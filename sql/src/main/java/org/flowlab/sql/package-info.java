/**
 * SQL jobs: a query over a trace's tables (Flink SQL's dialect, window table functions included) parsed,
 * validated and planned by Apache Calcite, and the logical plan compiled to one Flowlab {@code Job}, which the
 * reference oracle and every engine run like a catalog job; its outputs are the query's result rows.
 */
package org.flowlab.sql;
