package org.flowlab.sim.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * A test plan of actions that schedule further actions: node {@code i} is either a root, scheduled
 * up front at time {@code offset}, or a child that its parent (a lower-numbered node) schedules when
 * it runs, {@code offset} nanoseconds later. Roots are scheduled in node order, and a parent
 * schedules its children in node order. {@link #referenceOrder()} computes the order they must run
 * in with a plain java.util.PriorityQueue, independently of the kernel.
 */
record ActionForest(List<Node> nodes) {

    /** {@code parent} is -1 for a root. */
    record Node(int parent, long offset) {}

    /** Offsets in a small range, so that ties are common; sizes spread evenly up to {@code maxNodes}. */
    static Arbitrary<ActionForest> arbitrary(int maxNodes, long maxOffset) {
        return arbitrary(1, maxNodes, maxOffset, false);
    }

    /** As {@link #arbitrary}, with at least two nodes, the second always a child of the first: actions schedule actions. */
    static Arbitrary<ActionForest> withAChild(int maxNodes, long maxOffset) {
        return arbitrary(2, maxNodes, maxOffset, true);
    }

    private static Arbitrary<ActionForest> arbitrary(int minNodes, int maxNodes, long maxOffset, boolean secondIsAChild) {
        Arbitrary<Integer> choices = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Long> offsets = Arbitraries.longs().between(0, maxOffset);
        // Pairs of (parent choice, offset); which parents exist depends on the node's index.
        return Combinators.combine(choices, offsets).as((choice, offset) -> new long[] {choice, offset})
                .list().ofMinSize(minNodes).ofMaxSize(maxNodes).withSizeDistribution(RandomDistribution.uniform())
                .map(pairs -> {
                    List<Node> nodes = new ArrayList<>();
                    for (int i = 0; i < pairs.size(); i++) {
                        long[] pair = pairs.get(i);
                        // About a third of the nodes are roots; the rest pick any earlier node.
                        int choice = (int) (pair[0] % (i + 1 + (i + 1) / 2));
                        int parent = choice < i ? choice : -1;
                        nodes.add(new Node(i == 0 ? -1 : i == 1 && secondIsAChild ? 0 : parent, pair[1]));
                    }
                    return new ActionForest(nodes);
                });
    }

    int size() {
        return nodes.size();
    }

    List<Integer> children(int parent) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).parent() == parent) {
                result.add(i);
            }
        }
        return result;
    }

    /** The time each node runs at: its root's offset plus the offsets down to it. */
    long[] times(long start) {
        long[] times = new long[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            times[i] = node.parent() < 0 ? start + node.offset() : times[node.parent()] + node.offset();
        }
        return times;
    }

    /** The order the nodes must run in, by (time, order of scheduling), simulated independently. */
    List<Integer> referenceOrder() {
        record Pending(long time, long seq, int node) {}
        PriorityQueue<Pending> queue = new PriorityQueue<>(
                Comparator.comparingLong(Pending::time).thenComparingLong(Pending::seq));
        long[] times = times(0);
        long seq = 0;
        for (int root : children(-1)) {
            queue.add(new Pending(times[root], seq++, root));
        }
        List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            int node = queue.poll().node();
            order.add(node);
            for (int child : children(node)) {
                queue.add(new Pending(times[child], seq++, child));
            }
        }
        return order;
    }

    /**
     * Schedules the roots in {@code sim}; each node, when it runs, appends itself to {@code log},
     * runs {@code hook} and schedules its children. Returns the handles of the roots by node index
     * (children's handles are added as they are scheduled).
     */
    ScheduledAction[] install(Simulation sim, List<Integer> log, SimAction hook) {
        ScheduledAction[] handles = new ScheduledAction[nodes.size()];
        for (int root : children(-1)) {
            handles[root] = sim.schedule(sim.now() + nodes.get(root).offset(), action(root, log, hook, handles));
        }
        return handles;
    }

    private SimAction action(int node, List<Integer> log, SimAction hook, ScheduledAction[] handles) {
        return sim -> {
            log.add(node);
            hook.run(sim);
            for (int child : children(node)) {
                handles[child] = sim.scheduleAfter(nodes.get(child).offset(), action(child, log, hook, handles));
            }
        };
    }
}
