package org.flowlab.workloads.nexmark;

/**
 * How Nexmark event numbers map to kinds and ids, after Beam's {@code GeneratorConfig} and the
 * {@code lastBase0PersonId} / {@code lastBase0AuctionId} of its person and auction generators.
 * Event numbers come in blocks of {@code person + auction + bid}: the first {@code person} numbers
 * of a block are new people, the next {@code auction} new auctions, the rest bids. Ids here are
 * base 0 (the n-th person ever is person n); the trace adds {@link NexmarkScenario#FIRST_PERSON_ID}
 * and {@link NexmarkScenario#FIRST_AUCTION_ID} as Beam does.
 *
 * @param person  people per block (Beam: 1)
 * @param auction auctions per block (Beam: 3)
 * @param bid     bids per block (Beam: 46)
 */
public record EventNumbering(int person, int auction, int bid) {

    /** Beam's proportions, 1 : 3 : 46. */
    public static final EventNumbering BEAM = new EventNumbering(1, 3, 46);

    public EventNumbering {
        if (person < 1 || auction < 1 || bid < 1) {
            throw new IllegalArgumentException("proportions must all be positive, got "
                    + person + " : " + auction + " : " + bid);
        }
    }

    /** Events per block. */
    public long blockSize() {
        return (long) person + auction + bid;
    }

    /** The kind of event number {@code m}: {@link NexmarkScenario#PERSON}, {@code AUCTION} or {@code BID}. */
    public int kindOf(long m) {
        long offset = m % blockSize();
        if (offset < person) {
            return NexmarkScenario.PERSON;
        }
        return offset < person + auction ? NexmarkScenario.AUCTION : NexmarkScenario.BID;
    }

    /** The newest person at event number {@code m} (base 0): the person {@code m} creates, if it creates one. */
    public long lastPersonId(long m) {
        long block = m / blockSize();
        long offset = Math.min(m % blockSize(), person - 1L);
        return block * person + offset;
    }

    /**
     * The newest auction at event number {@code m} (base 0): the auction {@code m} creates, if it
     * creates one; -1 before the first auction.
     */
    public long lastAuctionId(long m) {
        long block = m / blockSize();
        long offset = m % blockSize();
        if (offset < person) {
            // A person comes first in its block: the newest auction is the last of the previous block.
            block--;
            offset = auction - 1L;
        } else {
            offset = Math.min(offset - person, auction - 1L);
        }
        return block * auction + offset;
    }
}
