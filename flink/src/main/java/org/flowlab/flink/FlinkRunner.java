package org.flowlab.flink;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.flowlab.flink.translate.JobTranslator;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;

/**
 * Runs a Flowlab job on Apache Flink: translates it into a DataStream program
 * ({@link JobTranslator}), runs it over the trace in {@code BATCH} or {@code STREAMING} mode, and
 * collects its outputs into a {@link ResultTable} keyed like the reference oracle's, so the two can
 * be compared directly:
 * <pre>{@code
 * Trace trace = WorkloadGenerator.generate("nexmark", 42);
 * CatalogJob q5 = JobCatalog.get("nexmark", "q5");
 * FlinkRun run = new FlinkRunner(FlinkTarget.inJvm(), 2)
 *         .run(JobRecipe.catalog(q5, trace.schema()), trace, FlinkMode.STREAMING);
 * String diff = ReferenceOracle.run(q5.build(trace), trace).diffReport(run.results(), 10);
 * }</pre>
 * Event times become Flink timestamps (nanoseconds, not Flink's usual milliseconds: only their
 * order matters to Flink), and the watermarks trail the largest event time by the trace's
 * disorder ({@link #disorder}) unless told otherwise, so no row is late and the results are complete.
 */
public final class FlinkRunner {
    private final FlinkTarget target;
    private final int parallelism;

    /**
     * @param target      where the programs run
     * @param parallelism every operator's parallelism, at least 1
     */
    public FlinkRunner(FlinkTarget target, int parallelism) {
        this.target = Objects.requireNonNull(target, "target");
        if (parallelism < 1) {
            throw new InvalidInputException("Flink parallelism must be at least 1 (got " + parallelism + ")");
        }
        this.parallelism = parallelism;
    }

    /** Runs the job over the whole trace with watermarks that cover the trace's disorder. */
    public FlinkRun run(JobRecipe recipe, Trace trace, FlinkMode mode) {
        return run(recipe, trace, mode, trace.disorder());
    }

    /**
     * Runs the job over the whole trace; rows more than {@code disorderBound} nanoseconds older than
     * the largest event time before them are late (in {@code STREAMING} mode) and counted.
     *
     * @throws FlinkJobFailedException if Flink fails the job, with the first cause's message (a
     *                               step that breaks the job model's rules fails like in the oracle)
     */
    public FlinkRun run(JobRecipe recipe, Trace trace, FlinkMode mode, long disorderBound) {
        Job job = recipe.build();
        StreamExecutionEnvironment env = environment(mode);
        // Flowlab's rows, outputs and accumulators are immutable, so chained operators may share them.
        env.getConfig().enableObjectReuse();
        try (SourceData data = sourceData()) {
            DataStream<Output> outputs = JobTranslator.translate(env, recipe, job, trace, disorderBound, data);
            ResultTable.Builder table = ResultTable.builder();
            Execution done = execute(env, outputs, mode.engineName() + " " + job.name(), table::add);
            Long late = done.result().getAccumulatorResult(JobTranslator.LATE_ROWS);
            return new FlinkRun(mode, job.name(), table.build(), late == null ? 0 : late, table.repeats(), trace.size(),
                    done.wallClockNanos(), done.result().getNetRuntime());
        }
    }

    /**
     * How a job's sources get the trace on this runner's target: where it is, in this JVM
     * ({@link FlinkTarget#runsInThisJvm}), else inside the job; closed when the job has ended.
     */
    public SourceData sourceData() {
        return target.runsInThisJvm() ? SourceData.inThisJvm() : SourceData.SHIPPED;
    }

    /**
     * An execution environment on this runner's target, with its parallelism, in {@code mode}, whose
     * watermarks come from the input itself (every few hundred rows from {@code DisorderWatermarks}, as
     * soon as they advance from Flink SQL's watermark assigner), not by the wall clock.
     */
    public StreamExecutionEnvironment environment(FlinkMode mode) {
        StreamExecutionEnvironment env = target.environment(parallelism);
        env.setRuntimeMode(mode.runtimeMode());
        env.getConfig().setAutoWatermarkInterval(0);
        return env;
    }

    /**
     * A finished Flink job.
     *
     * @param result         what Flink reports of it (accumulators, net run time)
     * @param wallClockNanos from submitting the job to its last output, including Flink's start-up
     */
    public record Execution(JobExecutionResult result, long wallClockNanos) {
    }

    /**
     * Runs the program built in {@code env} (one of {@link #environment}'s) and hands each element
     * of {@code outputs} to {@code each}: in this JVM ({@link FlinkTarget#runsInThisJvm}) from the
     * lists its sink subtasks kept in memory, once the job has finished ({@link InJvmOutputs}), as
     * Flowlab's engines keep theirs; on a cluster as Flink's collect sink sends them to this client.
     * On a cluster ({@link FlinkTarget.JobManager}) the job is watched while it runs, and cancelled
     * when its tasks have not all been running for the target's deploy timeout ({@link DeploymentWatch}).
     *
     * @param name the job's name in Flink
     * @throws FlinkJobFailedException if Flink fails the job, with the first cause's message, or the
     *                                 watch cancelled it, saying why; the target recovers first
     *                                 ({@link FlinkTarget#afterFailedJob})
     */
    @SuppressWarnings("try") // the collect iterator's close() may throw InterruptedException; it is handled below
    public <T> Execution execute(StreamExecutionEnvironment env, DataStream<T> outputs, String name, Consumer<? super T> each) {
        if (target.runsInThisJvm()) {
            return executeInThisJvm(env, outputs, name, each);
        }
        long start = System.nanoTime();
        DeploymentWatch watch = null;
        try (CloseableIterator<T> collected = outputs.collectAsync()) {
            JobClient client = env.executeAsync(name);
            if (target instanceof FlinkTarget.JobManager cluster) {
                watch = DeploymentWatch.start(cluster, client);
            }
            while (collected.hasNext()) {
                each.accept(collected.next());
            }
            JobExecutionResult result = client.getJobExecutionResult().get();
            if (watch != null) {
                watch.close();
                if (watch.stall() != null) {
                    // Cancelled as it ended: reported as the cancellation, below.
                    throw new IllegalStateException(watch.stall());
                }
            }
            return new Execution(result, System.nanoTime() - start);
        } catch (Exception e) {
            if (watch != null) {
                watch.close();
            }
            throw failed(name, e, watch == null ? null : watch.stall());
        }
    }

    /**
     * As {@link #execute}, on a target in this JVM: the outputs stay in memory until the job has finished.
     * Each sink subtask takes one subtask of {@code outputs}' last step (forward, at its parallelism), so its
     * list keeps that subtask's order: a SQL changelog's retraction never comes before what it retracts.
     */
    private <T> Execution executeInThisJvm(StreamExecutionEnvironment env, DataStream<T> outputs, String name,
                                           Consumer<? super T> each) {
        long start = System.nanoTime();
        InJvmOutputs<T> sink = InJvmOutputs.open();
        JobClient client = null;
        try {
            outputs.sinkTo(sink).setParallelism(outputs.getParallelism()).name("outputs kept in this JVM");
            client = env.executeAsync(name);
            JobExecutionResult result = client.getJobExecutionResult().get();
            sink.take().forEach(each);
            return new Execution(result, System.nanoTime() - start);
        } catch (Exception e) {
            if (client != null) {
                // Interrupted while it runs: the job must not go on (the collect sink's close cancelled it too).
                client.cancel();
            }
            throw failed(name, e, null);
        } finally {
            sink.discard();
        }
    }

    /**
     * The failure of job {@code name} on this runner's target, from {@code e}, or the watch's {@code stall}
     * when it cancelled the job; the target recovers first ({@link FlinkTarget#afterFailedJob}).
     */
    private FlinkJobFailedException failed(String name, Exception e, String stall) {
        String where = target.toString();
        if (stall != null) {
            Thread.interrupted(); // the watch's interrupt, which ended the wait: not the caller's
        } else if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        target.afterFailedJob();
        if (stall != null) {
            return new FlinkJobFailedException(name + " on " + where + " was cancelled: " + stall
                    + "; the cluster may lack free slots for parallelism " + parallelism
                    + ", or its JobManager the heap to deploy the job, whose trace travels inside it"
                    + " (flink-cluster/README.md); a longer deploy timeout (flowlab flink --deploy-timeout) waits longer", e);
        }
        if (e instanceof InterruptedException) {
            return new FlinkJobFailedException(name + " on " + where + " was interrupted", e);
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new FlinkJobFailedException(name + " failed on " + where + ": " + rootMessage(cause), e);
    }

    /** The innermost cause's message, which names the Flowlab step that failed. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public String toString() {
        return "Flink runner on " + target + ", parallelism " + parallelism;
    }
}
