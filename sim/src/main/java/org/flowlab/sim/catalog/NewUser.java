package org.flowlab.sim.catalog;

/**
 * One output pair of Nexmark Q8 (new users): a person who joined and an auction they opened in the
 * same window.
 *
 * @param personId     the person's id
 * @param auctionId    the auction's id
 * @param reserveCents the auction's reserve price, cents
 */
public record NewUser(long personId, long auctionId, long reserveCents) {
}
