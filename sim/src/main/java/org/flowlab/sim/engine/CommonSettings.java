package org.flowlab.sim.engine;

import java.util.Objects;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;

/**
 * What every engine of a comparison is given alike, defined once here so that a difference in a figure is a
 * difference of paradigm and never of set-up: the cluster (workers, slots, price), the cost of each step of
 * work, the event-time contract and the output mode. The trace, the faults and the seed are handed to every
 * engine alongside ({@link EngineType#create}). What only one engine has — a batch schedule, a checkpoint
 * interval — is that engine's own settings record.
 *
 * @param cluster   workers, slots and price
 * @param costs     what each step of work costs in virtual time
 * @param eventTime the watermark delay and allowed lateness
 * @param output    final results only, or partial ones too
 */
public record CommonSettings(ClusterSpec cluster, CostModel costs, EventTimeContract eventTime, OutputMode output) {

    /** {@link ClusterSpec#DEFAULT}, {@link CostModel#defaults()}, {@link EventTimeContract#DEFAULT}, final outputs. */
    public static final CommonSettings DEFAULTS = new CommonSettings(ClusterSpec.DEFAULT, CostModel.defaults(),
            EventTimeContract.DEFAULT, OutputMode.FINAL);

    public CommonSettings {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(output, "output");
    }

    public CommonSettings withCluster(ClusterSpec c) {
        return new CommonSettings(c, costs, eventTime, output);
    }

    public CommonSettings withCosts(CostModel c) {
        return new CommonSettings(cluster, c, eventTime, output);
    }

    public CommonSettings withEventTime(EventTimeContract contract) {
        return new CommonSettings(cluster, costs, contract, output);
    }

    public CommonSettings withOutput(OutputMode mode) {
        return new CommonSettings(cluster, costs, eventTime, mode);
    }
}
