/**
 * Jupyter notebooks (nbformat 4) as plain Java values: a {@link org.flowlab.lessons.notebook.Notebook}
 * of markdown, code and raw cells, code cells carrying their outputs, read and written with Gson by
 * {@link org.flowlab.lessons.notebook.NotebookFiles}. Metadata the runner does not understand
 * (kernel specs, editor settings, cell tags) is carried through untouched, so a notebook edited in
 * Jupyter or VS Code and executed by Flowlab keeps everything its author put there.
 */
package org.flowlab.lessons.notebook;
