package org.flowlab.lessons.runner;

/**
 * Which answers a lesson's exercise cells run with: the student's (the notebook as written), or one
 * of the two every exercise cell keeps in its metadata ({@link org.flowlab.lessons.notebook.StoredAnswers}).
 */
public enum Answers {
    /** The cells as written: in a committed lesson, the blanks. */
    AS_WRITTEN,
    /** Each exercise cell's solution: every check must pass ({@code ./flowlab lesson N --solutions}, CI). */
    SOLUTIONS,
    /** Each exercise cell's stored wrong answer: every exercise's check must fail, which proves it can. */
    WRONG;
}
