/**
 * The lessons on disk: {@link org.flowlab.lessons.catalog.LessonCatalog} finds the numbered notebooks
 * ({@code NN-title.ipynb}) in a folder and gives each its number, its title (the first Markdown
 * heading) and its file.
 */
package org.flowlab.lessons.catalog;
