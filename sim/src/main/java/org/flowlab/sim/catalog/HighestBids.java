package org.flowlab.sim.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flowlab.sim.job.Row;

/**
 * The output of Nexmark Q7 for one window: the highest price and every bid at that price (there
 * may be several, as in Beam), in {@link NexmarkBid#ORDER}. Also the accumulator: immutable, and
 * merging keeps the higher price's bids or, at equal prices, both lists.
 *
 * @param priceCents the highest price, cents; -infinity for no bids
 * @param bids       the bids at that price
 */
public record HighestBids(double priceCents, List<NexmarkBid> bids) {

    static final HighestBids NONE = new HighestBids(Double.NEGATIVE_INFINITY, List.of());

    public HighestBids {
        bids = List.copyOf(bids);
    }

    HighestBids plus(NexmarkBid bid) {
        return merge(new HighestBids(bid.priceCents(), List.of(bid)));
    }

    /**
     * {@link #plus} of the bid in {@code row} (auction in attr2, bidder in attr1, as Q7 keeps them),
     * made only if it can change the result: a bid below the highest price leaves it as it is,
     * which is what {@link #merge} keeps then.
     */
    HighestBids plusBidIn(Row row) {
        if (!bids.isEmpty() && Double.compare(priceCents, row.value()) > 0) {
            return this;
        }
        return plus(new NexmarkBid(row.attr2(), row.attr1(), row.value(), row.eventTime()));
    }

    HighestBids merge(HighestBids o) {
        if (o.bids.isEmpty()) {
            return this;
        }
        if (bids.isEmpty()) {
            return o;
        }
        int c = Double.compare(priceCents, o.priceCents);
        if (c != 0) {
            return c > 0 ? this : o;
        }
        List<NexmarkBid> all = new ArrayList<>(bids.size() + o.bids.size());
        all.addAll(bids);
        all.addAll(o.bids);
        all.sort(NexmarkBid.ORDER);
        return new HighestBids(priceCents, Collections.unmodifiableList(all));
    }
}
