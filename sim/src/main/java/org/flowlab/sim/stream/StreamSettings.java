package org.flowlab.sim.stream;

import java.util.Objects;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * What a comparison sets on the stream engine of its own ({@link StreamEngineType}); its other knobs keep
 * {@link StreamConfig#defaults()}.
 *
 * @param checkpointInterval time between checkpoints, virtual nanoseconds
 * @param delivery           the sink's guarantee
 * @param earlyFireInterval  with {@link org.flowlab.sim.engine.OutputMode#UPDATES}: how often a window emits its
 *                           partial result (the batch engines do at every run)
 * @param restartStrategy    when the job restarts after a failure, and when it gives up
 */
public record StreamSettings(long checkpointInterval, Delivery delivery, long earlyFireInterval,
                             RestartStrategy restartStrategy) {

    /**
     * A checkpoint every minute (a common production setting for keyed state of some size: each checkpoint
     * snapshots all of it, and shorter intervals buy faster recovery and lower exactly-once latency with more
     * snapshot work); at-least-once, Flink's default: outputs are visible at once, and a replay after a
     * failure repeats some of them, which the duplicates figure counts; early firing every second; Flink's
     * default restart strategy.
     */
    public static final StreamSettings DEFAULTS = new StreamSettings(DurationText.NANOS_PER_MINUTE,
            Delivery.AT_LEAST_ONCE, DurationText.NANOS_PER_SECOND, RestartStrategy.DEFAULT);

    public StreamSettings {
        positive(checkpointInterval, "checkpoint interval");
        Objects.requireNonNull(delivery, "delivery");
        positive(earlyFireInterval, "early-fire interval");
        Objects.requireNonNull(restartStrategy, "restartStrategy");
    }

    private static void positive(long nanos, String what) {
        if (nanos <= 0) {
            throw new InvalidInputException(what + ": must be a positive duration (got " + DurationText.format(nanos) + ")");
        }
    }

    public StreamSettings withCheckpointInterval(long nanos) {
        return new StreamSettings(nanos, delivery, earlyFireInterval, restartStrategy);
    }

    public StreamSettings withDelivery(Delivery d) {
        return new StreamSettings(checkpointInterval, d, earlyFireInterval, restartStrategy);
    }

    public StreamSettings withEarlyFireInterval(long nanos) {
        return new StreamSettings(checkpointInterval, delivery, nanos, restartStrategy);
    }

    public StreamSettings withRestartStrategy(RestartStrategy strategy) {
        return new StreamSettings(checkpointInterval, delivery, earlyFireInterval, strategy);
    }
}
