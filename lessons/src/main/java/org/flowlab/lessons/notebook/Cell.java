package org.flowlab.lessons.notebook;

import com.google.gson.JsonObject;

/** One cell of a notebook: prose (markdown), Java in JShell syntax (code), or text passed through as it is (raw). */
public sealed interface Cell permits MarkdownCell, CodeCell, RawCell {

    /** The cell id of nbformat 4.5 and later, or null in older notebooks. */
    String id();

    /** The cell's text, lines joined with {@code \n}. */
    String source();

    /** A copy of the cell's metadata; keys the runner does not know are kept as they were. */
    JsonObject metadata();
}
