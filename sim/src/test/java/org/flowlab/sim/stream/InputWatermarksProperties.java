package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A keyed task's inputs' event time, kept in a tree ({@link InputWatermarks}), gives after every
 * change the watermark that a scan of all inputs gives: the minimum over those neither idle nor
 * finished (an input at +inf counts as finished), +inf once all have ended, the task's own while
 * every unfinished input is idle; and so does the copy a checkpoint restores.
 */
class InputWatermarksProperties {

    /**
     * Each int of the script is one change to one input: a watermark (mostly ahead, sometimes
     * behind, now and then +inf), a record, idleness or the end of input. Few inputs, so that all
     * of them end, go idle or tie for the minimum in many scripts.
     */
    @Property(tries = 300)
    void theTreeAgreesWithAScanAfterEveryChange(@ForAll @IntRange(min = 1, max = 9) int n,
                                                @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 9_999) Integer> script) {
        InputWatermarks tree = new InputWatermarks(n);
        Scan scan = new Scan(n);
        long current = Long.MIN_VALUE;
        for (int v : script) {
            int c = v % n;
            int kind = (v / n) % 10;
            if (kind < 5) {
                long value = kind == 4 && v % 7 == 0 ? Long.MAX_VALUE : v / 10 - 300;
                tree.watermark(c, value);
                scan.watermark[c] = Math.max(scan.watermark[c], value);
                scan.idle[c] = false;
            } else if (kind < 7) {
                tree.record(c);
                scan.idle[c] = false;
            } else if (kind < 9) {
                tree.idle(c);
                scan.idle[c] = true;
            } else {
                tree.finish(c);
                scan.finished[c] = true;
                scan.watermark[c] = Long.MAX_VALUE;
            }
            long expected = scan.combined(current);
            assertThat(tree.combined(current)).as("after %d on input %d", v, c).isEqualTo(expected);
            assertThat(tree.finishedInputs()).isEqualTo(scan.finishedInputs());
            assertThat(tree.allFinished()).isEqualTo(scan.finishedInputs() == n);
            InputWatermarks restored = new InputWatermarks(tree.watermarks(), tree.idleFlags(), tree.finishedFlags());
            assertThat(restored.combined(current)).isEqualTo(expected);
            assertThat(restored.finishedInputs()).isEqualTo(scan.finishedInputs());
            current = Math.max(current, expected);
        }
    }

    /** What KeyedTask computed before the tree: a scan of every input per change. */
    private static final class Scan {
        final long[] watermark;
        final boolean[] idle;
        final boolean[] finished;

        Scan(int n) {
            watermark = new long[n];
            java.util.Arrays.fill(watermark, Long.MIN_VALUE);
            idle = new boolean[n];
            finished = new boolean[n];
        }

        long combined(long current) {
            long min = Long.MAX_VALUE;
            boolean active = false;
            boolean allFinished = true;
            for (int c = 0; c < watermark.length; c++) {
                if (finished[c] || watermark[c] == Long.MAX_VALUE) {
                    continue;
                }
                allFinished = false;
                if (idle[c]) {
                    continue;
                }
                active = true;
                min = Math.min(min, watermark[c]);
            }
            return allFinished ? Long.MAX_VALUE : active ? min : current;
        }

        int finishedInputs() {
            int f = 0;
            for (boolean b : finished) {
                f += b ? 1 : 0;
            }
            return f;
        }
    }
}
