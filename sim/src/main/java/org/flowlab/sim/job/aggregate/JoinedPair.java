package org.flowlab.sim.job.aggregate;

import java.util.Comparator;
import org.flowlab.sim.job.Row;

/**
 * One match of a windowed join: a row of the left kind and a row of the right kind with the same
 * key in the same window.
 */
public record JoinedPair(Row left, Row right) {

    /** By left row, then right row, each in {@link Row#ORDER}. */
    public static final Comparator<JoinedPair> ORDER = Comparator.comparing(JoinedPair::left, Row.ORDER)
            .thenComparing(JoinedPair::right, Row.ORDER);
}
