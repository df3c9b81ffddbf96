/**
 * What a trace looks like before any engine runs it: {@link org.flowlab.workloads.summary.TraceSummary}
 * gives the figures ({@code flowlab workload describe} prints them) — size, spans, mean and peak
 * rate, key skew, disorder and lateness, counts per kind, label and ground-truth episode — and
 * {@link org.flowlab.workloads.summary.TraceSeries} the series to chart: arrival rate over time and
 * a log-spaced histogram of delays. Everything is computed from the trace's primitive columns in
 * a pass or two, exactly (no sampling), so the figures are as deterministic as the trace.
 */
package org.flowlab.workloads.summary;
