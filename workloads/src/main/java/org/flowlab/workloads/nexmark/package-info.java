/**
 * The {@code nexmark} scenario: the Nexmark auction benchmark's people, auctions and bids in the
 * proportions 1 : 3 : 46, generated after Apache Beam's Nexmark generator (hot auctions, sellers
 * and bidders, in-flight auctions, active people, square or sine rate shapes, out-of-order groups
 * and occasional delays) on a fixed time base, with defaults in {@code scenarios/nexmark.json}.
 * One trace holds all three kinds, so its columns mean different things per kind: for a person
 * the key is its id, {@code attr1} its state and {@code attr2} its city (indices into
 * {@link org.flowlab.workloads.nexmark.NexmarkScenario#US_STATES} and {@code US_CITIES}) and the
 * value 0; for an auction the key is its id, the value its reserve price in cents, {@code attr1}
 * the seller's person id, {@code attr2} the category and {@code attr3} the expiry in virtual
 * nanoseconds; for a bid the key is the auction's id, the value the price in cents and
 * {@code attr1} the bidder's person id. The schema's column names spell this out as
 * {@code kind.field} pairs separated by {@code |}.
 */
package org.flowlab.workloads.nexmark;
