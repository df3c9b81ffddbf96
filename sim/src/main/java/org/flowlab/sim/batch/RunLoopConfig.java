package org.flowlab.sim.batch;

import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.EngineConfig;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.FaultPlan;

/**
 * What the batch and micro-batch configurations share: both engines run a job as a loop of
 * committed runs ({@link RunLoopEngine}), so besides when runs start — {@link BatchConfig}'s
 * schedule, {@link MicroBatchConfig}'s trigger interval — both hold an event-time contract, an
 * output mode and the {@link ExecutionSettings} of their runs. The cluster, costs, faults and seed
 * of {@link EngineConfig} are execution settings here, set through {@link #withExecution}.
 *
 * @param <C> the configuration type itself
 */
public interface RunLoopConfig<C extends RunLoopConfig<C>> extends EngineConfig<C> {

    /** What a run emits of the windows and alerts it has not completed. */
    OutputMode output();

    /** The cluster, costs, task size, retries, speculation, load, faults and seed of the runs. */
    ExecutionSettings execution();

    /**
     * This configuration with the parts every run-loop engine has replaced, its own trigger kept: the one
     * copy each configuration writes, from which {@code withEventTime}, {@code withOutput} and
     * {@code withExecution} follow.
     */
    C withRunLoop(EventTimeContract eventTime, OutputMode output, ExecutionSettings execution);

    default C withExecution(ExecutionSettings e) {
        return withRunLoop(eventTime(), output(), e);
    }

    @Override
    default C withEventTime(EventTimeContract contract) {
        return withRunLoop(contract, output(), execution());
    }

    @Override
    default C withOutput(OutputMode mode) {
        return withRunLoop(eventTime(), mode, execution());
    }

    /** A short name for tables, for example {@code batch(every 1h)} or {@code micro-batch(1s)}. */
    String engineName();

    @Override
    default C withCluster(ClusterSpec cluster) {
        return withExecution(execution().withCluster(cluster));
    }

    default C withClusterMode(ClusterMode m) {
        return withExecution(execution().withClusterMode(m));
    }

    @Override
    default C withCosts(CostModel costs) {
        return withExecution(execution().withCosts(costs));
    }

    @Override
    default C withFaults(FaultPlan faults) {
        return withExecution(execution().withFaults(faults));
    }

    @Override
    default C withSeed(long seed) {
        return withExecution(execution().withSeed(seed));
    }
}
