package org.flowlab.sim.engine;

import java.util.Locale;
import org.flowlab.workloads.InvalidInputException;

/**
 * When an engine emits a result, chosen once for every engine of a comparison (DESIGN.md, "The
 * same conditions for every engine"). Both modes reach the same final table; they differ in what
 * consumers see before it, and so in a record's first-visible latency.
 *
 * <p>What each mode means for a stateful step that is the job's last step (any other stateful step
 * always emits final results, since what it emits feeds further steps that cannot take a partial
 * back):
 * <ul>
 *   <li>a tumbling, sliding or global window: {@link #FINAL} emits it once, when the watermark passes
 *       its end (and again only for a record within the allowed lateness); {@link #UPDATES} also emits
 *       its partial result before — at every run of the batch engines, every early-fire interval of
 *       processing time in the stream — and the sink upserts.</li>
 *   <li>a session window: emitted when complete in both modes (its bounds change as it grows, so an
 *       early result would name a window that later disappears).</li>
 *   <li>a keyed process function (a detector): {@link #FINAL} runs it per key in event-time order once
 *       the watermark passes each row; {@link #UPDATES} also runs a provisional copy of it at once on
 *       each row, in the order rows come, and emits its alerts straight away — early and possibly
 *       wrong — then reconciles them with the final ones when the watermark passes: an alert the
 *       final run confirms stays (updated if its value differs), one it does not is retracted.</li>
 * </ul>
 */
public enum OutputMode {
    /** Each window or alert emitted once, when complete: Spark's append mode, Flink's on-watermark trigger. */
    FINAL("final"),
    /**
     * Partial results emitted early and upserted: Spark's update mode, Flink's early-firing triggers,
     * Kafka Streams' changelog.
     */
    UPDATES("updates");

    private final String id;

    OutputMode(String id) {
        this.id = id;
    }

    /** As flags and run.json write it: {@code final}, {@code updates}. */
    public String id() {
        return id;
    }

    /**
     * The mode written {@code text}.
     *
     * @throws InvalidInputException naming what is allowed
     */
    public static OutputMode parse(String text) {
        for (OutputMode m : values()) {
            if (m.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidInputException("output mode: '" + text + "' is not one; allowed: final, updates");
    }
}
