package org.flowlab.sim.catalog;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * The values of a catalog job's parameters: the declared defaults with any overrides, read with
 * typed getters that check the range. A bad value is an {@link InvalidInputException} naming the
 * job, the parameter and what is allowed, because parameters come from users.
 */
public final class JobParameters {
    private final String job;
    private final Map<String, String> values;

    private JobParameters(String job, Map<String, String> values) {
        this.job = job;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The declared parameters' defaults with {@code overrides} applied; overriding a parameter the
     * job does not declare is an error listing the ones it does.
     *
     * @param job       the job's qualified name, for messages ({@code card-fraud/fraud-alerts})
     * @param declared  the job's parameters
     * @param overrides values by name, as text
     */
    public static JobParameters resolve(String job, List<JobParameter> declared, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JobParameter p : declared) {
            values.put(p.name(), p.defaultValue());
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new InvalidInputException("job " + job + ": unknown parameter '" + e.getKey() + "'; "
                        + (values.isEmpty() ? "it has none" : "known: " + String.join(", ", values.keySet())));
            }
            values.put(e.getKey(), Objects.requireNonNull(e.getValue(), () -> "value of " + e.getKey()));
        }
        return new JobParameters(job, values);
    }

    /** The values by name, in declaration order, as text. */
    public Map<String, String> asMap() {
        return values;
    }

    /** A parameter's value as text. */
    public String text(String name) {
        String v = values.get(name);
        if (v == null) {
            // The job's own code asks for a parameter it did not declare: a bug, not a user mistake.
            throw new IllegalStateException("job " + job + " reads parameter '" + name + "', which it does not declare");
        }
        return v;
    }

    /** A number in {@code [min, max]}. */
    public double number(String name, double min, double max) {
        String text = text(name);
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= min && v <= max)) {
            throw bad(name, "a number from " + plain(min) + " to " + plain(max), text);
        }
        return v;
    }

    /** A whole number in {@code [min, max]}. */
    public int integer(String name, int min, int max) {
        String text = text(name);
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw bad(name, "a whole number from " + min + " to " + max, text);
        }
        if (v < min || v > max) {
            throw bad(name, "a whole number from " + min + " to " + max, text);
        }
        return (int) v;
    }

    /** A duration in {@code [min, max]} nanoseconds, written as {@code 500ms}, {@code 10s}, {@code 5m} …. */
    public long duration(String name, long min, long max) {
        String text = text(name);
        String allowed = "a duration from " + DurationText.format(min) + " to " + DurationText.format(max)
                + " (" + DurationText.ALLOWED + ")";
        long v;
        try {
            v = DurationText.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw bad(name, allowed, text);
        }
        if (v < min || v > max) {
            throw bad(name, allowed, text);
        }
        return v;
    }

    private InvalidInputException bad(String name, String allowed, String got) {
        return new InvalidInputException("job " + job + ": parameter " + name + " must be " + allowed + " (got \"" + got + "\")");
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
