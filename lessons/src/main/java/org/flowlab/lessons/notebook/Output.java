package org.flowlab.lessons.notebook;

/** One output of a code cell, as nbformat 4 knows them. */
public sealed interface Output permits StreamOutput, ExecuteResult, DisplayData, ErrorOutput {

    /** The MIME type of plain text, the data every rich output should carry for text-only viewers. */
    String TEXT_PLAIN = "text/plain";

    /** The MIME type of a PNG image, whose data is base64 text. */
    String IMAGE_PNG = "image/png";
}
