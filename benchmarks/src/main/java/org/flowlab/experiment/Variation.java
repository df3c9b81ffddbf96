package org.flowlab.experiment;

import org.flowlab.sim.registry.EngineRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowlab.workloads.InvalidInputException;

/**
 * One {@code --vary PARAM=FROM..TO[:STEPS][:log]}: {@code steps} values from {@code from} to
 * {@code to}, evenly spaced, or evenly on a log scale; the values between the ends are rounded to
 * two significant digits (durations) or three (the rest), so a log range of intervals reads
 * {@code 1s, 4.5s, 20s, 1m30s}; every value is rounded to what the parameter takes (whole
 * milliseconds, whole workers) and duplicates after rounding are dropped. A single value
 * {@code PARAM=X} is one step.
 *
 * @param parameter what varies
 * @param from      the first value (nanoseconds for durations, per second for rates)
 * @param to        the last value, at least {@code from}
 * @param steps     how many values, 1 to {@value #MAX_STEPS}
 * @param log       whether the values are spaced evenly on a log scale
 */
public record Variation(SweepParameter parameter, double from, double to, int steps, boolean log) {

    /** How many values one variation may have. */
    public static final int MAX_STEPS = 50;
    /** The values of a range without a step count. */
    public static final int DEFAULT_STEPS = 5;

    /** The syntax, for messages. */
    public static final String SYNTAX = "PARAM=FROM..TO[:STEPS][:log], for example interval=1s..1h:6:log";

    public Variation {
        Objects.requireNonNull(parameter, "parameter");
        if (to < from) {
            throw new InvalidInputException(parameter.id() + ": the range must not run backwards (" + parameter.format(from)
                    + ".." + parameter.format(to) + ")");
        }
        if (steps < 1 || steps > MAX_STEPS) {
            throw new InvalidInputException(parameter.id() + ": steps must be 1 to " + MAX_STEPS + " (got " + steps + ")");
        }
        if (log && !(from > 0)) {
            throw new InvalidInputException(parameter.id() + ": a log scale needs a range above 0");
        }
    }

    /**
     * Reads {@code PARAM=FROM..TO[:STEPS][:log]}.
     *
     * @throws InvalidInputException naming the text, what is wrong and the syntax
     */
    public static Variation parse(String text, EngineRegistry registry) {
        try {
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new InvalidInputException("expected " + SYNTAX);
            }
            SweepParameter p = SweepParameter.parse(text.substring(0, eq), registry);
            String[] parts = text.substring(eq + 1).split(":", -1);
            String range = parts[0];
            Integer steps = null;
            boolean log = false;
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].trim();
                if (part.equals("log")) {
                    log = true;
                } else if (part.equals("lin")) {
                    log = false;
                } else if (part.matches("[+-]?\\d+")) {
                    if (steps != null) {
                        throw new InvalidInputException("'" + part + "' is a second step count (after " + steps
                                + "); give at most one; expected " + SYNTAX);
                    }
                    // Checked here, on the text: a count too long for an int is out of range, not malformed.
                    if (!part.matches("0*\\d{1,2}") || Integer.parseInt(part) < 1 || Integer.parseInt(part) > MAX_STEPS) {
                        throw new InvalidInputException(p.id() + ": steps must be 1 to " + MAX_STEPS + " (got " + part + ")");
                    }
                    steps = Integer.parseInt(part);
                } else {
                    throw new InvalidInputException("'" + part + "' is neither a step count nor 'log'; expected " + SYNTAX);
                }
            }
            int dots = range.indexOf("..");
            if (dots < 0) {
                double v = p.read(range);
                return new Variation(p, v, v, steps == null ? 1 : steps, log);
            }
            double from = p.read(range.substring(0, dots));
            double to = p.read(range.substring(dots + 2));
            int n = steps == null ? (from == to ? 1 : DEFAULT_STEPS) : steps;
            return new Variation(p, from, to, n, log);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--vary '" + text + "': " + e.getMessage());
        }
    }

    /** The values, rounded, in increasing order, without duplicates. */
    public List<Double> values() {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            double v;
            if (steps == 1) {
                v = from;
            } else if (log) {
                v = Math.exp(Math.log(from) + i * (Math.log(to) - Math.log(from)) / (steps - 1));
            } else {
                v = from + i * (to - from) / (steps - 1);
            }
            if (steps > 1 && i == steps - 1) {
                v = to;
            } else if (i > 0) {
                double nice = significant(v, parameter.kind() == SweepParameter.Kind.DURATION
                        || parameter.kind() == SweepParameter.Kind.DURATION_OR_ZERO ? 2 : 3);
                // Rounding must not carry a value past either end of the range.
                v = nice > from && nice < to ? nice : v;
            }
            double r = parameter.round(v);
            if (out.isEmpty() || r != out.get(out.size() - 1)) {
                out.add(r);
            }
        }
        return out;
    }

    private static double significant(double v, int digits) {
        return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
    }

    /** The canonical text, {@code interval=1s..1h:6:log}: the same variation always reads the same. */
    @Override
    public String toString() {
        return parameter.id() + "=" + parameter.format(from) + ".." + parameter.format(to) + ":" + steps + (log ? ":log" : "");
    }
}
