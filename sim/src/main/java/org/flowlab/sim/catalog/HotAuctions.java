package org.flowlab.sim.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The output of Nexmark Q5 for one window: the most bids any auction had, and every auction that
 * had that many (ties are kept, as in Beam), in increasing id order. Also the accumulator:
 * immutable, merging keeps the larger count's auctions or, at equal counts, both.
 *
 * @param bids     the largest number of bids per auction in the window
 * @param auctions the auctions with that many bids, sorted
 */
public record HotAuctions(long bids, List<Long> auctions) {

    static final HotAuctions NONE = new HotAuctions(0, List.of());

    public HotAuctions {
        auctions = List.copyOf(auctions);
    }

    HotAuctions plus(long auction, long count) {
        if (!auctions.isEmpty() && bids > count) {
            return this; // what merge keeps: fewer bids than the most
        }
        return merge(new HotAuctions(count, List.of(auction)));
    }

    HotAuctions merge(HotAuctions o) {
        if (o.auctions.isEmpty()) {
            return this;
        }
        if (auctions.isEmpty()) {
            return o;
        }
        if (bids != o.bids) {
            return bids > o.bids ? this : o;
        }
        List<Long> all = new ArrayList<>(auctions.size() + o.auctions.size());
        all.addAll(auctions);
        all.addAll(o.auctions);
        all.sort(null);
        return new HotAuctions(bids, all);
    }
}
