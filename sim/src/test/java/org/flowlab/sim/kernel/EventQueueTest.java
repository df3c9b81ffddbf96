package org.flowlab.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void emptyQueueRefusesToPeekOrPoll() {
        EventQueue<String> queue = new EventQueue<>();
        assertThat(queue.isEmpty()).isTrue();
        assertThatThrownBy(queue::peek).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(queue::peekTime).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(queue::poll).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void rejectsANullPayloadAndABadCapacity() {
        EventQueue<String> queue = new EventQueue<>();
        assertThatThrownBy(() -> queue.add(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new EventQueue<String>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsPastItsInitialCapacityAndReusesSlots() {
        EventQueue<Integer> queue = new EventQueue<>(1);
        for (int i = 0; i < 1000; i++) {
            queue.add(1000 - i, i);
        }
        assertThat(queue.size()).isEqualTo(1000);
        for (int i = 999; i >= 0; i--) {
            assertThat(queue.poll()).isEqualTo(i);
            queue.add(5000 + i, -i);
            assertThat(queue.size()).isEqualTo(1000);
        }
        assertThat(queue.peekTime()).isEqualTo(5000);
    }

    @Test
    void aReArmedTimerKeepsOneEntryAndOneSlot() {
        EventQueue<String> queue = new EventQueue<>();
        for (int i = 0; i < 100; i++) {
            queue.add(1_000_000 + i, "live");
        }
        int slot = queue.add(0, "timeout");
        for (int i = 1; i <= 100_000; i++) {
            long seq = queue.sequenceAt(slot);
            if (i % 2 == 0) {
                assertThat(queue.cancel(slot, seq)).isTrue();
                assertThat(queue.add(i, "timeout")).isEqualTo(slot); // the freed slot, handed out again
            } else {
                assertThat(queue.move(slot, seq, i)).isEqualTo(seq + 1);
            }
            assertThat(queue.size()).isEqualTo(101);
        }
        assertThat(queue.peekTime()).isEqualTo(100_000);
        assertThat(queue.poll()).isEqualTo("timeout");
        assertThat(queue.peekTime()).isEqualTo(1_000_000);
    }

    @Test
    void aStaleHandleCannotCancelTheEntryThatReusedItsSlot() {
        EventQueue<String> queue = new EventQueue<>();
        int slot = queue.add(5, "first");
        long seq = queue.sequenceAt(slot);
        assertThat(queue.poll()).isEqualTo("first");
        assertThat(queue.sequenceAt(slot)).isEqualTo(-1);
        int reused = queue.add(6, "second");
        assertThat(reused).isEqualTo(slot);
        assertThat(queue.contains(slot, seq)).isFalse();
        assertThat(queue.cancel(slot, seq)).isFalse();
        assertThat(queue.cancel(-1, seq)).isFalse();
        assertThat(queue.cancel(1_000, seq)).isFalse();
        assertThat(queue.poll()).isEqualTo("second");
    }

    @Test
    void cancellingEverythingLeavesAnEmptyQueue() {
        EventQueue<String> queue = new EventQueue<>();
        int a = queue.add(1, "a");
        int b = queue.add(2, "b");
        queue.cancel(a, queue.sequenceAt(a));
        queue.cancel(b, queue.sequenceAt(b));
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.size()).isZero();
        assertThatThrownBy(queue::peekTime).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(queue::poll).isInstanceOf(NoSuchElementException.class);
        queue.add(3, "c");
        assertThat(queue.poll()).isEqualTo("c");
    }

    @Test
    void clearEmptiesTheQueueButSequencesKeepGrowing() {
        EventQueue<String> queue = new EventQueue<>(2);
        queue.add(3, "a");
        queue.add(1, "b");
        queue.add(2, "c");
        queue.clear();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.sequenceAt(queue.add(7, "d"))).isEqualTo(3);
        assertThat(queue.poll()).isEqualTo("d");
    }
}
