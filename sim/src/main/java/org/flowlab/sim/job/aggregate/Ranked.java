package org.flowlab.sim.job.aggregate;

import java.util.Comparator;

/**
 * One entry of a top-N result: an item (an auction, a product …) and its score.
 *
 * @param item  what is ranked
 * @param score how it ranks, higher first
 */
public record Ranked(long item, double score) {

    /** Higher scores first ({@link Double#compare}, so NaN ranks highest), ties by the smaller item. */
    public static final Comparator<Ranked> ORDER = (a, b) -> {
        int c = Double.compare(b.score, a.score);
        return c != 0 ? c : Long.compare(a.item, b.item);
    };
}
