package org.flowlab.sim.stream;

import java.util.List;
import org.flowlab.sim.engine.CommonSettings;
import org.flowlab.sim.engine.EngineOption;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.text.DurationText;

/**
 * The stream engine as a comparison runs it ({@link org.flowlab.sim.registry.EngineRegistry}): the
 * comparison's cluster, cost model, event-time contract, output mode, faults and seed, and its own
 * checkpoint interval, delivery guarantee, early-fire interval and restart strategy. Source partitions and
 * keyed parallelism equal the cluster's slots (Flink's slot sharing: one subtask of each stage per slot), so
 * more workers mean more parallel tasks; records the contract finds late are dropped and counted, as Flink
 * does.
 */
public final class StreamEngineType {

    public static final EngineType<StreamSettings> STREAM = new EngineType<>("stream", "stream", "#009E73",
            "long-running operators with keyed state, watermarks and checkpoints: the most moving parts to build,"
                    + " test and operate",
            StreamSettings.class, StreamSettings.DEFAULTS, List.of(
                    EngineOption.duration("checkpoint-interval", "checkpointInterval",
                            "Stream: time between checkpoints (default: 1m).", StreamSettings::checkpointInterval,
                            StreamSettings::withCheckpointInterval),
                    new EngineOption<>("delivery", "delivery", "exactly-once|at-least-once",
                            "Stream: the sink's guarantee (default: at-least-once, as in Flink).", false,
                            s -> s.delivery().text(), (s, text) -> s.withDelivery(Delivery.parse(text))),
                    EngineOption.duration("early-fire", "earlyFireInterval",
                            "Stream, with --output updates: how often, in processing time, a window emits its partial "
                                    + "result (default: 1s); the batch engines emit theirs at every run.",
                            StreamSettings::earlyFireInterval, StreamSettings::withEarlyFireInterval),
                    new EngineOption<>("restart-strategy", "restartStrategy", "TEXT",
                            "Stream: how the job restarts from its last checkpoint after a failure, and when it gives up, as "
                                    + "Flink's restart strategies: exponential-delay[:initial=1s,max=1m,multiplier=1.5,reset=1h,"
                                    + "attempts=N] (the default, without a limit on attempts), fixed-delay:attempts=N,delay=D, or "
                                    + "none. An engine that gives up is reported as FAILED and never recommended.", false,
                            s -> s.restartStrategy().toString(),
                            (s, text) -> s.withRestartStrategy(RestartStrategy.parse(text)))),
            StreamEngineType::create, StreamEngineType::describe, s -> 0L, "restart",
            s -> "The restart strategy (" + s.restartStrategy() + ") decides how often the stream restarts from its last"
                    + " checkpoint before it gives up.");

    private StreamEngineType() {
    }

    private static StreamEngine create(CommonSettings common, StreamSettings own, FaultPlan faults, long seed) {
        int slots = common.cluster().totalSlots();
        return new StreamEngine(StreamConfig.defaults().withCommon(common, faults, seed)
                .withSourcePartitions(slots).withParallelism(slots).withCheckpointInterval(own.checkpointInterval())
                .withEarlyFireInterval(own.earlyFireInterval()).withDelivery(own.delivery())
                .withRestartStrategy(own.restartStrategy()).validated());
    }

    /** {@code at-least-once, checkpoint every 1m}, with early firing and a restart strategy other than the default named. */
    private static String describe(StreamSettings own, CommonSettings common) {
        return own.delivery().text() + ", checkpoint every " + DurationText.exact(own.checkpointInterval())
                + (common.output() == OutputMode.UPDATES
                ? ", updates (windows fire early every " + DurationText.exact(own.earlyFireInterval()) + ")" : "")
                + (own.restartStrategy().equals(RestartStrategy.DEFAULT) ? "" : ", restart strategy " + own.restartStrategy());
    }
}
