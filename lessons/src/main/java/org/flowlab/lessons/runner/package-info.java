/**
 * Runs a lesson notebook without Jupyter: {@link org.flowlab.lessons.runner.LessonRunner} feeds the
 * code cells, in order, to an in-process JShell that has Flowlab on its class path and
 * {@link org.flowlab.lessons.runner.LessonImports} imported, and records what each cell printed,
 * the value of its last expression and the charts it showed. The first error stops the lesson with
 * a {@link org.flowlab.lessons.runner.LessonFailure} that names the lesson, the cell and the line.
 */
package org.flowlab.lessons.runner;
