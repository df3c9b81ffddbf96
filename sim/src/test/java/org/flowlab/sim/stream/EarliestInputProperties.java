package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The tournament tree a keyed task takes its next input from ({@link EarliestInput}) names, after
 * every offer and withdrawal, the input a scan in input order names: the earliest ready, of a tie
 * the lowest, or none when no input offers an element.
 */
class EarliestInputProperties {

    /** Each int of the script offers (at a time from a small range, so ties are common) or withdraws one input. */
    @Property(tries = 300)
    void theTreeNamesTheInputAScanNames(@ForAll @IntRange(min = 1, max = 70) int n,
                                        @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 99_999) Integer> script) {
        EarliestInput tree = new EarliestInput(n);
        long[] ready = new long[n];
        Arrays.fill(ready, Long.MAX_VALUE);
        for (int v : script) {
            int c = v % n;
            if ((v / n) % 3 == 0) {
                tree.withdraw(c);
                ready[c] = Long.MAX_VALUE;
            } else {
                long at = (v / 7) % 20;
                tree.offer(c, at);
                ready[c] = at;
            }
            int best = -1;
            long bestReady = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (ready[i] < bestReady) {
                    bestReady = ready[i];
                    best = i;
                }
            }
            assertThat(tree.earliest()).as("after %d on input %d", v, c).isEqualTo(best);
            assertThat(tree.earliestReady()).isEqualTo(bestReady);
        }
    }
}
