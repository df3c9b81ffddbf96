/**
 * The figures every engine reports, defined once (DESIGN.md, "Metrics"): per-record latency from
 * arrival to visibility ({@link org.flowlab.sim.metrics.RecordVisibility}), latency distributions
 * from HdrHistogram ({@link org.flowlab.sim.metrics.LatencySummary}), staleness and throughput over
 * time, recovery after faults, and the whole set for one run in {@link org.flowlab.sim.metrics.RunMetrics}.
 */
package org.flowlab.sim.metrics;
