/**
 * What a lesson notebook reaches for: {@link org.flowlab.lessons.Check} says whether an exercise's
 * answer is right, and {@link org.flowlab.lessons.Show} shows several charts from one cell.
 */
package org.flowlab.lessons;
