package org.flowlab.sim.stream;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * How the stream job restarts after a failure, as Flink's restart strategies do
 * ({@code restart-strategy.type}). One line of text gives one:
 * <pre>
 *   exponential-delay:initial=1s,max=1m,multiplier=1.5,reset=1h[,attempts=N]
 *                                  the first restart after 1 s, each further one 1.5 times later, at most
 *                                  1 min; after 1 h without a failure the delay starts again at 1 s;
 *                                  with attempts, the job fails once it has restarted N times since the
 *                                  delay last started again (Flink's attempts-before-reset-backoff)
 *   fixed-delay:attempts=3,delay=10s
 *                                  restart 10 s after each failure, and fail the job at the 4th failure
 *   none                           fail the job at its first failure
 * </pre>
 * The default is Flink's default with checkpointing on: exponential delay, 1 s to 1 min, ×1.5,
 * reset after 1 h, no limit on attempts (without jitter, so that runs are repeatable). A job that
 * cannot make progress fails anyway: see {@link #MAX_RESTARTS_WITHOUT_PROGRESS}.
 */
public sealed interface RestartStrategy {

    /**
     * A job restarted this many times in a row from the same checkpoint (no checkpoint completed in
     * between) makes no progress: it is failed rather than restarted for ever.
     */
    int MAX_RESTARTS_WITHOUT_PROGRESS = 100;

    /** Flink's default with checkpointing: exponential delay, 1 s to 1 min, ×1.5, reset after 1 h, unlimited attempts. */
    RestartStrategy DEFAULT = new ExponentialDelay(DurationText.NANOS_PER_SECOND, DurationText.NANOS_PER_MINUTE, 1.5,
            DurationText.NANOS_PER_HOUR, Integer.MAX_VALUE);

    /** The forms {@link #parse} accepts, for error messages. */
    String ALLOWED = "exponential-delay[:initial=1s,max=1m,multiplier=1.5,reset=1h,attempts=N], fixed-delay:attempts=N,delay=D, or none";

    /** A fresh bookkeeper of one run's failures under this strategy. */
    Backoff start();

    /** One run's failures under a strategy. */
    interface Backoff {
        /**
         * The job failed at {@code now}: how long to wait before restarting it, or -1 if the
         * strategy is exhausted and the job fails for good.
         */
        long onFailure(long now);
    }

    /** Fail at the first failure (Flink's {@code none}). */
    record NoRestart() implements RestartStrategy {
        @Override
        public Backoff start() {
            return now -> -1;
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /**
     * Restart {@code delay} after each failure, at most {@code attempts} times over the run (Flink's
     * {@code fixed-delay}).
     */
    record FixedDelay(int attempts, long delay) implements RestartStrategy {
        public FixedDelay {
            if (attempts < 0) {
                throw new InvalidInputException("restart strategy fixed-delay: attempts must be >= 0 (got " + attempts + ")");
            }
            if (delay < 0) {
                throw new InvalidInputException("restart strategy fixed-delay: delay must be >= 0");
            }
        }

        @Override
        public Backoff start() {
            int[] restarts = {0};
            return now -> restarts[0]++ < attempts ? delay : -1;
        }

        @Override
        public String toString() {
            return "fixed-delay:attempts=" + attempts + ",delay=" + DurationText.exact(delay);
        }
    }

    /**
     * Flink's {@code exponential-delay}: the first restart {@code initial} after the failure, each
     * further one {@code multiplier} times the last, at most {@code max}; a failure more than
     * {@code reset} after the one before starts again at {@code initial}. The job fails when it
     * has restarted {@code attempts} times since the delay last started again.
     */
    record ExponentialDelay(long initial, long max, double multiplier, long reset, int attempts) implements RestartStrategy {
        public ExponentialDelay {
            if (initial < 0 || max < initial) {
                throw new InvalidInputException("restart strategy exponential-delay: need 0 <= initial <= max (got initial "
                        + DurationText.format(Math.max(0, initial)) + ", max " + DurationText.format(Math.max(0, max)) + ")");
            }
            if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
                throw new InvalidInputException("restart strategy exponential-delay: multiplier must be a finite number >= 1 (got "
                        + multiplier + ")");
            }
            if (reset <= 0) {
                throw new InvalidInputException("restart strategy exponential-delay: reset must be a positive duration");
            }
            if (attempts < 0) {
                throw new InvalidInputException("restart strategy exponential-delay: attempts must be >= 0 (got " + attempts + ")");
            }
        }

        @Override
        public Backoff start() {
            return new Backoff() {
                private long lastFailure = Long.MIN_VALUE;
                private long current = -1;
                private int sinceReset;

                @Override
                public long onFailure(long now) {
                    if (current < 0 || now - lastFailure > reset) {
                        current = initial;
                        sinceReset = 0;
                    } else {
                        double next = current * multiplier;
                        current = next >= max ? max : Math.max(current, (long) next);
                    }
                    lastFailure = now;
                    if (sinceReset >= attempts) {
                        return -1;
                    }
                    sinceReset++;
                    return current;
                }
            };
        }

        @Override
        public String toString() {
            return "exponential-delay:initial=" + DurationText.exact(initial) + ",max=" + DurationText.exact(max)
                    + ",multiplier=" + multiplier + ",reset=" + DurationText.exact(reset)
                    + (attempts == Integer.MAX_VALUE ? "" : ",attempts=" + attempts);
        }
    }

    /**
     * The strategy written in {@code text} (see the class comment); options left out keep the
     * defaults of Flink ({@code fixed-delay}: 1 attempt, 1 s).
     *
     * @throws InvalidInputException naming what is wrong and the allowed forms
     */
    static RestartStrategy parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        if (t.equals("none")) {
            return new NoRestart();
        }
        int colon = t.indexOf(':');
        String type = colon < 0 ? t : t.substring(0, colon);
        Map<String, String> options = options(t, colon < 0 ? "" : t.substring(colon + 1));
        try {
            switch (type) {
                case "fixed-delay" -> {
                    known(t, options, "attempts", "delay");
                    return new FixedDelay(count(options.getOrDefault("attempts", "1")),
                            duration(options.getOrDefault("delay", "1s")));
                }
                case "exponential-delay" -> {
                    known(t, options, "initial", "max", "multiplier", "reset", "attempts");
                    ExponentialDelay d = (ExponentialDelay) DEFAULT;
                    return new ExponentialDelay(
                            options.containsKey("initial") ? duration(options.get("initial")) : d.initial(),
                            options.containsKey("max") ? duration(options.get("max")) : d.max(),
                            options.containsKey("multiplier") ? number(options.get("multiplier")) : d.multiplier(),
                            options.containsKey("reset") ? duration(options.get("reset")) : d.reset(),
                            options.containsKey("attempts") ? count(options.get("attempts")) : d.attempts());
                }
                default -> throw new InvalidInputException("restart strategy '" + t + "': '" + type
                        + "' is not a restart strategy; allowed: " + ALLOWED);
            }
        } catch (InvalidInputException e) {
            if (e.getMessage().startsWith("restart strategy '")) {
                throw e;
            }
            throw new InvalidInputException("restart strategy '" + t + "': " + e.getMessage() + "; allowed: " + ALLOWED);
        }
    }

    private static Map<String, String> options(String text, String list) {
        Map<String, String> options = new LinkedHashMap<>();
        if (list.isBlank()) {
            return options;
        }
        for (String part : list.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("restart strategy '" + text + "': '" + part + "' is not NAME=VALUE; allowed: "
                        + ALLOWED);
            }
            String name = part.substring(0, eq).trim();
            if (options.put(name, part.substring(eq + 1).trim()) != null) {
                throw new InvalidInputException("restart strategy '" + text + "': '" + name
                        + "' is given twice; give each option once");
            }
        }
        return options;
    }

    private static void known(String text, Map<String, String> options, String... names) {
        for (String key : options.keySet()) {
            if (!Arrays.asList(names).contains(key)) {
                throw new InvalidInputException("restart strategy '" + text + "': '" + key + "' is not one of its options ("
                        + String.join(", ", names) + ")");
            }
        }
    }

    private static int count(String value) {
        if (!value.matches("\\d{1,9}")) {
            throw new InvalidInputException("attempts must be a whole number >= 0 (got '" + value + "')");
        }
        return Integer.parseInt(value);
    }

    private static long duration(String value) {
        try {
            return DurationText.parse(value);
        } catch (DurationText.TooLongException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("'" + value + "' is not " + DurationText.ALLOWED);
        }
    }

    private static double number(String value) {
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("multiplier must be a number (got '" + value + "')");
        }
    }
}
