package org.flowlab.lessons.runner;

import java.util.Optional;
import org.flowlab.lessons.notebook.Notebook;

/**
 * A lesson that stopped: a cell did not compile, threw, or a check did not pass. The message names
 * the lesson, the cell (counted from 1 at the top of the notebook, Markdown cells included), the
 * line within that cell with its text, and what went wrong, for example:
 *
 * <pre>
 * lesson 03-stream-processing.ipynb failed in cell 7, line 2:
 *     long late = run.lateRecords() + unknownThing;
 *                                     ^^^^^^^^^^^^
 * cannot find symbol (symbol: variable unknownThing)
 * </pre>
 *
 * It is not a bug of the runner, so it carries no stack trace.
 */
public final class LessonFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String lesson;
    private final int cell;
    private final int line;
    private final String lineText;
    private final String reason;
    private final transient Notebook partial;

    /**
     * @param column where in the line the problem is (0-based), or -1 when only the line is known
     * @param width how many characters to mark from {@code column}
     * @param partial the notebook as executed up to and including the failing cell (with an error output), or null
     */
    public LessonFailure(String lesson, int cell, int line, String lineText, int column, int width, String reason,
            Notebook partial) {
        super(message(lesson, cell, line, lineText, column, width, reason), null, false, false);
        this.lesson = lesson;
        this.cell = cell;
        this.line = line;
        this.lineText = lineText;
        this.reason = reason;
        this.partial = partial;
    }

    public String lesson() {
        return lesson;
    }

    /** The failing cell, counted from 1 at the top of the notebook, Markdown cells included. */
    public int cell() {
        return cell;
    }

    /** The offending line within the cell, counted from 1. */
    public int line() {
        return line;
    }

    /** The text of the offending line, as written in the cell. */
    public String lineText() {
        return lineText;
    }

    /** What went wrong: the compiler's message, the exception, or the check's hint. */
    public String reason() {
        return reason;
    }

    /** The notebook as far as it ran, the failing cell showing the error; empty when the lesson never started. */
    public Optional<Notebook> partial() {
        return Optional.ofNullable(partial);
    }

    private static String message(String lesson, int cell, int line, String lineText, int column, int width,
            String reason) {
        StringBuilder b = new StringBuilder();
        b.append("lesson ").append(lesson).append(" failed in cell ").append(cell).append(", line ").append(line)
                .append(":\n");
        String stripped = lineText.strip();
        b.append("    ").append(stripped).append('\n');
        int indent = lineText.length() - lineText.stripLeading().length();
        if (column >= indent && column <= lineText.length()) {
            int marks = Math.max(1, Math.min(width, stripped.length() - (column - indent)));
            b.append("    ").append(" ".repeat(column - indent)).append("^".repeat(marks)).append('\n');
        }
        b.append(reason);
        return b.toString();
    }
}
