/**
 * Trace files: a trace written as JSON Lines — a header line holding the scenario, seed, spec,
 * column names and ground truth, then one line per event in arrival order — and read back with
 * every line checked, so that a corrupt or hand-edited file is reported as
 * {@code file:line: what is wrong} instead of quietly changing a benchmark. Writing is atomic (a
 * temporary file renamed into place) and byte-stable: equal traces give identical files on any
 * JDK, which is what lets a trace file be compared, committed and regenerated. Start with
 * {@link org.flowlab.workloads.trace.TraceFiles}.
 */
package org.flowlab.workloads.trace;
