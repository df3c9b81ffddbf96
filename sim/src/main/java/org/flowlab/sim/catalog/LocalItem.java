package org.flowlab.sim.catalog;

/**
 * One output of Nexmark Q3 (local item suggestion): a seller in OR, ID or CA and one of their
 * auctions in category 10. Persons have no names in our traces, so the id stands in for Beam's name.
 *
 * @param personId  the seller's person id
 * @param city      the seller's city
 * @param state     the seller's state
 * @param auctionId the auction's id
 */
public record LocalItem(long personId, String city, String state, long auctionId) {
}
