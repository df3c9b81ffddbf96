/**
 * What a lesson run leaves for people: {@link org.flowlab.lessons.page.LessonPage} renders an executed
 * notebook as one standalone HTML page (Markdown rendered with commonmark-java, code, outputs, charts
 * inline as data URIs, no network needed), and {@link org.flowlab.lessons.page.LessonFiles} writes it
 * beside the executed {@code .ipynb}.
 */
package org.flowlab.lessons.page;
