package org.flowlab.lessons.runner;

import org.flowlab.lessons.notebook.Notebook;

/**
 * A lesson that ran to the end: the executed notebook (outputs embedded, execution counts set), how
 * many code cells ran and how many images they showed, and the wall-clock time it took: starting
 * JShell with the imports, then the cells.
 */
public record LessonRun(String lesson, Notebook executed, int codeCells, int images, long startNanos, long cellsNanos) {
}
