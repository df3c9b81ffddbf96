/**
 * The JMH suite: what Flowlab's own machinery costs in wall-clock time on this machine — the event
 * kernel, trace generation, each operator's real per-record work, the engines per catalog job —
 * beside {@link org.flowlab.bench.HandWrittenLoopBenchmark}, the same work as plain loops over the
 * trace's primitive columns, which is the physical limit every figure is reported against. Run it
 * with {@code ./flowlab bench [REGEX]}; {@link org.flowlab.bench.BenchTable} turns the JSON JMH
 * writes into the README's table, and {@link org.flowlab.bench.CostProfile} turns operator figures
 * into a cost profile for the simulator.
 */
package org.flowlab.bench;
