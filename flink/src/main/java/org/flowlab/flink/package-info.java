/**
 * The reference run on Apache Flink: {@link org.flowlab.flink.FlinkRunner} runs a Flowlab job — one
 * of the catalog's, or any a {@link org.flowlab.flink.JobRecipe} builds — as a Flink DataStream
 * program in {@code BATCH} or {@code STREAMING} mode over the same trace the simulated engines
 * replay, on a MiniCluster in this JVM or on a real cluster ({@link org.flowlab.flink.FlinkTarget}),
 * and returns its results in the oracle's {@link org.flowlab.sim.job.ResultTable} with its
 * wall-clock time ({@link org.flowlab.flink.FlinkRun}). Only this module depends on Flink.
 */
package org.flowlab.flink;
