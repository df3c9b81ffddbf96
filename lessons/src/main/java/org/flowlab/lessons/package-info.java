/**
 * What a lesson notebook reaches for, and the program's entry point: {@link org.flowlab.lessons.Check}
 * says whether an exercise's answer is right, {@link org.flowlab.lessons.Show} shows several charts
 * from one cell, and {@link org.flowlab.lessons.FlowlabMain} is the {@code flowlab} command line with
 * the {@code lesson} and {@code shell} commands added to those of the benchmarks module.
 */
package org.flowlab.lessons;
