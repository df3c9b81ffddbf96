package org.flowlab.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The heap agrees with java.util.PriorityQueue ordered by (time, last, sequence) on any sequence of
 * adds (tracked or not, or {@linkplain EventQueue#addTrackedLast last at their time}), polls,
 * cancellations, removals and moves (in the reference: a removal and an add under the new sequence
 * number), and so does what it says about another entry at an entry's time.
 */
class EventQueueProperties {

    sealed interface Op permits Add, Poll, Cancel, Move, RemoveIf {}

    /** An add, {@linkplain EventQueue#addTracked tracked} or not, or {@linkplain EventQueue#addTrackedLast last at its time} (tracked). */
    record Add(long time, boolean tracked, boolean last) implements Op {
        Add(long time, boolean tracked) {
            this(time, tracked, false);
        }

        Add(long time) {
            this(time, false);
        }

        static Add last(long time) {
            return new Add(time, true, true);
        }
    }

    record Poll() implements Op {}

    /** Cancels the entry added {@code back} adds ago (it may have left the queue since). */
    record Cancel(int back) implements Op {}

    /** Moves the entry added {@code back} adds ago to {@code time} (it may have left the queue since). */
    record Move(int back, long time) implements Op {}

    /** Removes the payloads whose id leaves {@code remainder} modulo {@code modulus}. */
    record RemoveIf(int modulus, int remainder) implements Op {
        boolean matches(int id) {
            return id % modulus == remainder;
        }
    }

    record Entry(long time, boolean last, long seq, int id) {}

    private static final Comparator<Entry> ORDER =
            Comparator.comparingLong(Entry::time).thenComparing(Entry::last).thenComparingLong(Entry::seq);

    @Property(tries = 300)
    void agreesWithAReferencePriorityQueue(@ForAll("operations") List<Op> ops,
                                           @ForAll @IntRange(min = 1, max = 8) int initialCapacity) {
        EventQueue<Integer> queue = new EventQueue<>(initialCapacity);
        PriorityQueue<Entry> reference = new PriorityQueue<>(ORDER);
        List<Entry> added = new ArrayList<>();
        List<Integer> slotsOfAdded = new ArrayList<>();
        int ties = 0;
        int cancelledQueued = 0;
        int addedBeforeALast = 0;
        int movedBehindATie = 0;
        for (Op op : ops) {
            if (op instanceof Add add) {
                int id = added.size();
                if (reference.stream().anyMatch(e -> e.time() == add.time())) {
                    ties++;
                }
                if (!add.last() && reference.stream().anyMatch(e -> e.time() == add.time() && e.last())) {
                    addedBeforeALast++;
                }
                long next = queue.nextSequence();
                int slot = add.last() ? queue.addTrackedLast(add.time(), id)
                        : add.tracked() ? queue.addTracked(add.time(), id) : queue.add(add.time(), id);
                Entry entry = new Entry(add.time(), add.last(), queue.sequenceAt(slot), id);
                assertThat(entry.seq()).isEqualTo(next);
                added.add(entry);
                slotsOfAdded.add(slot);
                reference.add(entry);
            } else if (op instanceof Poll) {
                if (reference.isEmpty()) {
                    assertThatThrownBy(queue::poll).isInstanceOf(NoSuchElementException.class);
                } else {
                    Entry expected = reference.poll();
                    assertThat(queue.peekTime()).isEqualTo(expected.time());
                    assertThat(queue.peekSequence()).isEqualTo(expected.seq());
                    assertThat(queue.poll()).isEqualTo(expected.id());
                }
            } else if (op instanceof Cancel cancel) {
                if (!added.isEmpty()) {
                    int id = Math.max(0, added.size() - 1 - cancel.back());
                    Entry entry = added.get(id);
                    boolean queued = reference.removeIf(e -> e.id() == id);
                    assertThat(queue.contains(slotsOfAdded.get(id), entry.seq())).isEqualTo(queued);
                    assertThat(queue.cancel(slotsOfAdded.get(id), entry.seq())).isEqualTo(queued);
                    assertThat(queue.contains(slotsOfAdded.get(id), entry.seq())).isFalse();
                    cancelledQueued += queued ? 1 : 0;
                }
            } else if (op instanceof Move move) {
                if (!added.isEmpty()) {
                    int id = Math.max(0, added.size() - 1 - move.back());
                    Entry entry = added.get(id);
                    long next = queue.nextSequence();
                    boolean queued = reference.removeIf(e -> e.id() == id);
                    int slot = slotsOfAdded.get(id);
                    long moved = entry.last() ? queue.moveLast(slot, entry.seq(), move.time()) : queue.move(slot, entry.seq(), move.time());
                    if (queued) {
                        if (reference.stream().anyMatch(e -> e.time() == move.time())) {
                            movedBehindATie++;
                        }
                        Entry now = new Entry(move.time(), entry.last(), next, id);
                        reference.add(now);
                        added.set(id, now);
                        // The new sequence number identifies it now, in the same slot; the old one finds nothing.
                        assertThat(moved).isEqualTo(next);
                        assertThat(queue.contains(slot, next)).isTrue();
                        assertThat(queue.contains(slot, entry.seq())).isFalse();
                    } else {
                        assertThat(moved).isEqualTo(-1);
                    }
                    assertThat(queue.nextSequence()).isEqualTo(queued ? next + 1 : next);
                }
            } else if (op instanceof RemoveIf removeIf) {
                int expectedRemoved = (int) reference.stream().filter(e -> removeIf.matches(e.id())).count();
                reference.removeIf(e -> removeIf.matches(e.id()));
                assertThat(queue.removeIf(removeIf::matches)).isEqualTo(expectedRemoved);
            }
            assertThat(queue.size()).isEqualTo(reference.size());
            for (Entry e : reference) {
                boolean other = reference.stream().anyMatch(o -> o != e && o.time() == e.time());
                assertThat(queue.anyOtherAt(e.time(), slotsOfAdded.get(e.id()))).as("another entry at %d", e.time()).isEqualTo(other);
            }
            if (!reference.isEmpty()) {
                assertThat(queue.peek()).isEqualTo(reference.peek().id());
            }
        }
        List<Integer> drained = new ArrayList<>();
        while (!queue.isEmpty()) {
            drained.add(queue.poll());
        }
        List<Integer> expected = new ArrayList<>();
        while (!reference.isEmpty()) {
            expected.add(reference.poll().id());
        }
        assertThat(drained).isEqualTo(expected);
        Statistics.label("an add tied with a queued time").collect(ties > 0);
        Statistics.label("an add tied with a queued time").coverage(c -> c.check(true).percentage(p -> p > 50));
        Statistics.label("a queued entry was cancelled").collect(cancelledQueued > 0);
        Statistics.label("a queued entry was cancelled").coverage(c -> c.check(true).percentage(p -> p > 40));
        Statistics.label("an entry added after a last one at its time, to come out before it").collect(addedBeforeALast > 0);
        Statistics.label("an entry added after a last one at its time, to come out before it").coverage(c -> c.check(true).percentage(p -> p > 40));
        Statistics.label("an entry moved behind another at its new time").collect(movedBehindATie > 0);
        Statistics.label("an entry moved behind another at its new time").coverage(c -> c.check(true).percentage(p -> p > 40));
    }

    @Property(tries = 100)
    void drainsInTimeThenInsertionOrder(@ForAll("smallTimes") List<Long> times) {
        EventQueue<Integer> queue = new EventQueue<>(1);
        for (int i = 0; i < times.size(); i++) {
            queue.add(times.get(i), i);
        }
        List<Integer> drained = new ArrayList<>();
        while (!queue.isEmpty()) {
            drained.add(queue.poll());
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            expected.add(i);
        }
        // List.sort is stable, so equal times keep their insertion order.
        expected.sort(Comparator.comparingLong(times::get));
        assertThat(drained).isEqualTo(expected);
    }

    /**
     * Random operations (adds tracked, untracked or last), three in four of them after a start that
     * surely ties, moves and cancels: a last add and a later untracked one at the same time (which
     * comes out first), a tracked third and an untracked fourth entry (at the front) moved to their
     * time behind both, then the first and the fourth cancelled while they are queued. Only those are
     * edge cases, so a try has all three with probability 3/4 at
     * least, and fewer than half (or 40 %) of 300 tries have them with probability 1.2e-20
     * (1.3e-37), the binomial tails.
     */
    @Provide
    Arbitrary<List<Op>> operations() {
        List<Op> tieThenCancel = List.of(Add.last(5), new Add(5), new Add(7, true), new Add(3),
                new Move(1, 5), new Move(0, 5), new Cancel(3), new Cancel(0));
        Arbitrary<List<Op>> any = anyOperations();
        return Arbitraries.frequencyOf(
                Tuple.of(3, any.map(ops -> {
                    List<Op> started = new ArrayList<>(tieThenCancel);
                    started.addAll(ops);
                    return started;
                })),
                Tuple.of(1, any.withoutEdgeCases()));
    }

    private static Arbitrary<List<Op>> anyOperations() {
        Arbitrary<Op> narrowAdd = Combinators.combine(Arbitraries.longs().between(0, 10), Arbitraries.of(true, false))
                .as(Add::new);
        Arbitrary<Op> wideAdd = Combinators.combine(Arbitraries.longs(), Arbitraries.of(true, false)).as(Add::new);
        Arbitrary<Op> poll = Arbitraries.just(new Poll());
        Arbitrary<Op> cancel = Arbitraries.integers().between(0, 20).map(Cancel::new);
        Arbitrary<Op> lastAdd = Arbitraries.longs().between(0, 10).map(Add::last);
        Arbitrary<Op> move = Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.longs().between(0, 10))
                .as(Move::new);
        Arbitrary<Op> removeIf = Combinators.combine(
                        Arbitraries.integers().between(2, 5), Arbitraries.integers().between(0, 4))
                .as((m, r) -> (Op) new RemoveIf(m, r % m));
        return Arbitraries.frequencyOf(
                        Tuple.of(8, narrowAdd), Tuple.of(2, wideAdd), Tuple.of(6, poll), Tuple.of(3, cancel), Tuple.of(3, lastAdd), Tuple.of(3, move), Tuple.of(1, removeIf))
                .list().ofMaxSize(400).withSizeDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<List<Long>> smallTimes() {
        return Arbitraries.longs().between(0, 20).list().ofMaxSize(300).withSizeDistribution(RandomDistribution.uniform());
    }
}
