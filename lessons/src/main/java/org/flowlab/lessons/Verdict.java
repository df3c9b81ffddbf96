package org.flowlab.lessons;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an exercise's check said, as the one line {@link Exercise} prints under the check cell:
 * {@code ✓ 2.1 correct}, {@code ✗ 2.1 not done yet: <what to do>} or {@code ✗ 2.1 not yet: <hint>}.
 * The lesson runner reads these lines back ({@link #parse}) to count a lesson's exercises.
 */
public record Verdict(String exercise, Status status, String hint) {

    /** How far an exercise is: right, still blank, or answered but not right. */
    public enum Status {
        CORRECT("✓", "correct"), NOT_DONE("✗", "not done yet"), NOT_YET("✗", "not yet");

        private final String mark;
        private final String words;

        Status(String mark, String words) {
            this.mark = mark;
            this.words = words;
        }

        public String mark() {
            return mark;
        }
    }

    /** An exercise name: the lesson's number, a dot and the exercise's, like {@code 6.2}; no spaces. */
    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]*");

    private static final Pattern LINE = Pattern.compile("([✓✗]) (" + NAME.pattern() + ") (correct|not done yet|not yet)(?:: (.*))?");

    public Verdict {
        Objects.requireNonNull(status, "status");
        if (exercise == null || !NAME.matcher(exercise).matches()) {
            throw new IllegalArgumentException("an exercise is named like 6.2 (letters, digits, dots), not " + exercise);
        }
        hint = hint == null ? "" : hint.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** True when the check passed. */
    public boolean passed() {
        return status == Status.CORRECT;
    }

    /** The line printed under the check cell. */
    public String line() {
        String head = status.mark + " " + exercise + " " + status.words;
        return status == Status.CORRECT || hint.isEmpty() ? head : head + ": " + hint;
    }

    /** The verdict a printed line holds, if it is one. */
    public static Optional<Verdict> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Status status : Status.values()) {
            if (status.words.equals(m.group(3)) && status.mark.equals(m.group(1))) {
                return Optional.of(new Verdict(m.group(2), status, m.group(4)));
            }
        }
        return Optional.empty();
    }

    /** True when {@code name} can name an exercise. */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
