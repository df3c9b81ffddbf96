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
    void clearEmptiesTheQueueButSequencesKeepGrowing() {
        EventQueue<String> queue = new EventQueue<>(2);
        queue.add(3, "a");
        queue.add(1, "b");
        queue.add(2, "c");
        queue.clear();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.add(7, "d")).isEqualTo(3);
        assertThat(queue.poll()).isEqualTo("d");
    }
}
