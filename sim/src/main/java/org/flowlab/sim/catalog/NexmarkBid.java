package org.flowlab.sim.catalog;

import java.util.Comparator;

/**
 * A Nexmark bid as a value, for outputs that list bids.
 *
 * @param auction    the auction's id
 * @param bidder     the bidder's person id
 * @param priceCents the price, cents
 * @param eventTime  when the bid was made
 */
public record NexmarkBid(long auction, long bidder, double priceCents, long eventTime) {

    /** By event time, then auction, bidder and price: a total order up to equal bids. */
    public static final Comparator<NexmarkBid> ORDER = Comparator.comparingLong(NexmarkBid::eventTime)
            .thenComparingLong(NexmarkBid::auction)
            .thenComparingLong(NexmarkBid::bidder)
            .thenComparingDouble(NexmarkBid::priceCents);
}
