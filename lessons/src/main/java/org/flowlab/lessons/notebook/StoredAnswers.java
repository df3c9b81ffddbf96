package org.flowlab.lessons.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.flowlab.lessons.Verdict;

/**
 * The answers an exercise cell keeps in its metadata, beside the student's blank:
 *
 * <pre>{@code
 * "metadata": {"flowlab": {"exercise": "2.1",
 *                          "solution": ["Integer myTaskRecords = 100_000;"],
 *                          "wrong": ["Integer myTaskRecords = 100;"]}}
 * }</pre>
 *
 * {@code exercise} names the exercise as its check does ({@code Exercise.check("2.1", …)}); {@code
 * solution} and {@code wrong} are whole cell sources, a string or an array of lines as Jupyter writes
 * a cell's source. The runner substitutes one of them for the cell's source on request.
 */
public record StoredAnswers(String exercise, String solution, String wrong) {
    public static final String EXERCISE = "exercise";
    public static final String SOLUTION = "solution";
    public static final String WRONG = "wrong";

    public StoredAnswers {
        if (!Verdict.isName(exercise)) {
            throw new IllegalArgumentException("\"" + EXERCISE + "\" must name the exercise like \"6.2\" (letters, "
                    + "digits, dots), as its check does (got " + exercise + ")");
        }
        Objects.requireNonNull(solution, SOLUTION);
        Objects.requireNonNull(wrong, WRONG);
        if (solution.equals(wrong)) {
            throw new IllegalArgumentException("exercise " + exercise + ": the wrong answer must differ from the solution");
        }
    }

    /**
     * The answers in a code cell's {@code flowlab} metadata object, if it has any.
     *
     * @throws IllegalArgumentException when only some of the three keys are there, or one is not of its type
     */
    static Optional<StoredAnswers> of(JsonObject flowlab) {
        boolean any = flowlab.has(EXERCISE) || flowlab.has(SOLUTION) || flowlab.has(WRONG);
        if (!any) {
            return Optional.empty();
        }
        for (String key : new String[] {EXERCISE, SOLUTION, WRONG}) {
            if (!flowlab.has(key)) {
                throw new IllegalArgumentException("an exercise cell needs \"" + EXERCISE + "\", \"" + SOLUTION + "\" and \""
                        + WRONG + "\"; \"" + key + "\" is missing");
            }
        }
        JsonElement name = flowlab.get(EXERCISE);
        if (!name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("\"" + EXERCISE + "\" must be a string such as \"6.2\"");
        }
        return Optional.of(new StoredAnswers(name.getAsString(), source(flowlab, SOLUTION), source(flowlab, WRONG)));
    }

    private static String source(JsonObject flowlab, String key) {
        JsonElement value = flowlab.get(key);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        if (value.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonElement line : (JsonArray) value) {
                if (!line.isJsonPrimitive() || !line.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException("\"" + key + "\" must be a string or an array of strings");
                }
                b.append(line.getAsString());
            }
            return b.toString();
        }
        throw new IllegalArgumentException("\"" + key + "\" must be a string or an array of strings (a cell's source)");
    }
}
