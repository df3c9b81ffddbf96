package org.flowlab.testing;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How this test run gives seeds and tries to jqwik properties, read from three system properties
 * (Maven passes {@code -D} flags on to the test JVM):
 * <ul>
 *   <li>{@code flowlab.properties}: {@code fixed} (the default) gives each property a seed derived
 *       from its name, so one commit always gives one verdict; {@code explore} (set by
 *       {@code ./mvnw verify -Pexplore}) gives each a fresh random seed and more tries, to look for
 *       new failures;</li>
 *   <li>{@code flowlab.tries-factor}: in explore mode, how many times its own tries each property
 *       runs (10 by default);</li>
 *   <li>{@code flowlab.seed}: the seed of every property that names none itself, in either mode:
 *       how a seed printed by an explore run is reproduced.</li>
 * </ul>
 *
 * @param explore     whether seeds are fresh and tries multiplied
 * @param triesFactor the multiplier of tries in explore mode, at least 1
 * @param seed        the seed given with {@code flowlab.seed}, if any
 */
public record PropertyRunSettings(boolean explore, int triesFactor, Optional<Long> seed) {
    public static final String MODE = "flowlab.properties";
    public static final String TRIES_FACTOR = "flowlab.tries-factor";
    public static final String SEED = "flowlab.seed";
    public static final int DEFAULT_TRIES_FACTOR = 10;

    public PropertyRunSettings {
        if (triesFactor < 1) {
            throw new IllegalArgumentException(TRIES_FACTOR + " must be at least 1 (got " + triesFactor + ")");
        }
    }

    /** The settings of this JVM's system properties. */
    public static PropertyRunSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    /** The settings given by {@code properties}, which returns null for a property that is not set. */
    static PropertyRunSettings from(UnaryOperator<String> properties) {
        String mode = blankToNull(properties.apply(MODE));
        if (mode != null && !mode.equals("fixed") && !mode.equals("explore")) {
            throw new IllegalArgumentException(MODE + " must be fixed or explore (got \"" + mode + "\")");
        }
        return new PropertyRunSettings("explore".equals(mode),
                number(properties, TRIES_FACTOR).map(Math::toIntExact).orElse(DEFAULT_TRIES_FACTOR),
                number(properties, SEED));
    }

    private static Optional<Long> number(UnaryOperator<String> properties, String name) {
        String text = blankToNull(properties.apply(name));
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number (got \"" + text + "\")", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
