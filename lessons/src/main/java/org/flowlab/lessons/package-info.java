/**
 * What a lesson notebook reaches for: {@link org.flowlab.lessons.Exercise} scores a student's answer
 * (a {@link org.flowlab.lessons.Verdict}) without stopping the lesson, {@link org.flowlab.lessons.Check}
 * holds the lesson to its own claims, and {@link org.flowlab.lessons.Show} shows several charts from one cell.
 */
package org.flowlab.lessons;
