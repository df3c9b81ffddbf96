package org.flowlab.sim.catalog;

/**
 * An alert of {@code card-fraud}'s detector, output at the card and the purchase's event time.
 *
 * @param reason          {@code amount} (above k times the card's running mean), {@code country}
 *                        (another country than the card's previous purchase within the window) or
 *                        {@code amount+country}
 * @param triggerTime     the purchase's event time
 * @param amount          the purchase's amount
 * @param country         the purchase's country
 * @param merchant        the purchase's merchant
 * @param meanBefore      the card's running mean amount before this purchase (0 without history)
 * @param history         how many earlier purchases of the card the mean covers
 * @param previousCountry the country of the card's previous purchase within the window, or -1
 */
public record FraudAlert(String reason, long triggerTime, double amount, long country, long merchant,
                         double meanBefore, long history, long previousCountry) implements Alert {
}
