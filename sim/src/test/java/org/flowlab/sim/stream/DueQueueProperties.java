package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A process operator's due queue (a sorted run and a heap) gives its entries back in (due, key)
 * order, whatever order they were pushed in and however pushes and polls interleave.
 */
class DueQueueProperties {

    /**
     * Each int of the script is one call: a poll, or a push of (due, key) with a due that mostly
     * grows (as timers set a fixed time after the row being run do) and sometimes goes back.
     */
    @Property(tries = 300)
    void pollsInDueThenKeyOrder(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 999) Integer> script) {
        DueQueue queue = new DueQueue();
        PriorityQueue<long[]> reference = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        List<String> got = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        long clock = 0;
        for (int v : script) {
            if (v % 4 == 0) {
                if (!reference.isEmpty()) {
                    long[] e = reference.poll();
                    expected.add(e[0] + "/" + e[1]);
                    assertThat(queue.isEmpty()).isFalse();
                    long due = queue.firstDue();
                    ProcessKeyState ks = queue.poll();
                    got.add(due + "/" + ks.key);
                } else {
                    assertThat(queue.isEmpty()).isTrue();
                }
                continue;
            }
            // Mostly later than the last push, sometimes earlier: the heap's part.
            clock += v % 7 == 0 ? -(v % 13) : v % 5;
            long due = clock;
            long key = v % 11;
            queue.push(due, new ProcessKeyState(key));
            reference.add(new long[] {due, key});
        }
        while (!reference.isEmpty()) {
            long[] e = reference.poll();
            expected.add(e[0] + "/" + e[1]);
            long due = queue.firstDue();
            got.add(due + "/" + queue.poll().key);
        }
        assertThat(queue.isEmpty()).isTrue();
        assertThat(got).isEqualTo(expected);
    }
}
