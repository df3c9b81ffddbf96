package org.flowlab.lessons;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The exercises of a lesson. An exercise cell holds the student's answer, left blank in the committed
 * notebook with {@link #todo()}; the check cell after it scores the answer:
 *
 * <pre>{@code
 * Integer myTaskRecords = Exercise.todo();   // the exercise cell: replace the blank with your answer
 *
 * Exercise.check("2.1", myTaskRecords, size -> runSeconds(size) <= 1.10 * fastest,
 *         "too slow: tasks this small pay their overhead too often");
 * }</pre>
 *
 * A check prints one line, a {@link Verdict}: {@code ✓ 2.1 correct}, {@code ✗ 2.1 not done yet: …}
 * while the answer is still {@code todo()}, or {@code ✗ 2.1 not yet: <hint>}. It never throws and
 * never prints the expected answer: whatever the answers, the lesson runs on to its end. An answer
 * that makes the check's own code throw (an impossible duration, say) is scored as not right, with
 * what went wrong. A prediction is an exercise too: the student writes it before the simulation runs
 * ({@link #close}, {@link #choice}).
 */
public final class Exercise {
    /** The hint of an exercise still blank. */
    public static final String NOT_DONE_HINT = "replace Exercise.todo() with your answer, then run the cell again";

    private Exercise() {
    }

    /**
     * The blank of an exercise cell, {@code null} to the check: {@code String mySlide = Exercise.todo();}. It fits
     * any reference type, so answers are boxed ({@code Integer}, {@code Double}, {@code Number}, {@code
     * String}, {@code Boolean}, an enum).
     */
    public static <T> T todo() {
        return null;
    }

    /** A rule an answer must keep, and the hint shown when it does not; see {@link #check(String, Object, Function, Rule[])}. */
    public record Rule<T>(Predicate<? super T> holds, String hint) {
        public Rule {
            Objects.requireNonNull(holds, "holds");
            Objects.requireNonNull(hint, "hint");
        }
    }

    /** A rule for {@link #check(String, Object, Function, Rule[])}. */
    public static <T> Rule<T> rule(Predicate<? super T> holds, String hint) {
        return new Rule<>(holds, hint);
    }

    /** Scores {@code answer}: right when {@code right} holds for it; otherwise shows {@code hint}. */
    public static <T> Verdict check(String name, T answer, Predicate<? super T> right, String hint) {
        return check(name, answer, a -> a, rule(right, hint));
    }

    /**
     * Scores {@code answer} by what {@code measure} makes of it (run once: a simulation with the
     * student's setting, say): right when every rule holds; otherwise the first broken rule's hint.
     */
    @SafeVarargs
    public static <T, R> Verdict check(String name, T answer, Function<? super T, ? extends R> measure,
            Rule<? super R>... rules) {
        Objects.requireNonNull(measure, "measure");
        List<Rule<? super R>> all = Arrays.asList(rules.clone());
        if (all.isEmpty()) {
            throw new IllegalArgumentException("exercise " + name + " needs at least one rule");
        }
        all.forEach(r -> Objects.requireNonNull(r, "rule"));
        if (answer == null) {
            return print(new Verdict(name, Verdict.Status.NOT_DONE, NOT_DONE_HINT));
        }
        try {
            R measured = measure.apply(answer);
            for (Rule<? super R> rule : all) {
                if (!rule.holds().test(measured)) {
                    return print(new Verdict(name, Verdict.Status.NOT_YET, rule.hint()));
                }
            }
            return print(new Verdict(name, Verdict.Status.CORRECT, ""));
        } catch (RuntimeException e) {
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return print(new Verdict(name, Verdict.Status.NOT_YET, "this answer does not work: " + what));
        }
    }

    /**
     * Scores a predicted number against what the simulation measured: right when it is within
     * {@code tolerance} of {@code actual}. Write the tolerance in the exercise's text; the check shows
     * only whether the prediction was too high or too low.
     */
    public static Verdict close(String name, Number prediction, double actual, double tolerance, String hint) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be a finite number of 0 or more, not " + tolerance);
        }
        if (Double.isNaN(actual)) {
            throw new IllegalArgumentException("exercise " + name + " compares with a measured NaN");
        }
        if (prediction == null) {
            return print(new Verdict(name, Verdict.Status.NOT_DONE, NOT_DONE_HINT));
        }
        double p = prediction.doubleValue();
        if (Math.abs(p - actual) <= tolerance) {
            return print(new Verdict(name, Verdict.Status.CORRECT, ""));
        }
        String direction = Double.isNaN(p) ? "not a number" : p > actual ? "too high" : "too low";
        return print(new Verdict(name, Verdict.Status.NOT_YET, "your prediction " + number(p) + " is " + direction
                + " — " + hint));
    }

    /** Scores a prediction among named options (strings, enum values, booleans): right when it is {@code actual}. */
    public static <T> Verdict choice(String name, T prediction, T actual, List<? extends T> options, String hint) {
        Objects.requireNonNull(actual, "actual");
        if (!options.contains(actual)) {
            throw new IllegalArgumentException("exercise " + name + ": the measured " + actual + " is not among the options "
                    + options);
        }
        if (prediction == null) {
            return print(new Verdict(name, Verdict.Status.NOT_DONE, NOT_DONE_HINT));
        }
        if (!options.contains(prediction)) {
            return print(new Verdict(name, Verdict.Status.NOT_YET, prediction + " is not one of the options: "
                    + String.join(", ", options.stream().map(Exercise::quoted).toList())));
        }
        if (prediction.equals(actual)) {
            return print(new Verdict(name, Verdict.Status.CORRECT, ""));
        }
        return print(new Verdict(name, Verdict.Status.NOT_YET, hint));
    }

    private static String quoted(Object option) {
        return option instanceof String s ? '"' + s + '"' : String.valueOf(option);
    }

    private static Verdict print(Verdict verdict) {
        // The lesson runner captures standard output per cell, so this line lands under the check cell.
        PrintStream out = System.out;
        out.println(verdict.line());
        return verdict;
    }

    /** Six significant digits, no trailing zeros. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
