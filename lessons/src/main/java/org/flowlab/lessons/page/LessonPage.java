package org.flowlab.lessons.page;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.flowlab.lessons.notebook.Cell;
import org.flowlab.lessons.notebook.CodeCell;
import org.flowlab.lessons.notebook.DisplayData;
import org.flowlab.lessons.notebook.ErrorOutput;
import org.flowlab.lessons.notebook.ExecuteResult;
import org.flowlab.lessons.notebook.MarkdownCell;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.Output;
import org.flowlab.lessons.notebook.StreamOutput;

/**
 * An executed notebook as one HTML page that needs nothing else: styles inline, images as data
 * URIs. Markdown cells are rendered (tables included), code cells shown as written with their
 * outputs. Raw cells and the skipped kernel set-up cell are left out, as Jupyter's own HTML export
 * leaves raw cells out.
 */
public final class LessonPage {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();

    private static final String STYLE = """
            body { margin: 0; background: #fafafa; color: #1f2328;
                   font: 16px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
            main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; background: #fff; }
            h1, h2, h3 { line-height: 1.25; }
            code, pre { font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            :not(pre) > code { background: #f0f1f3; padding: 0.1em 0.3em; border-radius: 4px; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #d0d7de; padding: 0.3em 0.7em; }
            .code { margin: 1.2em 0; }
            .count { color: #8c959f; font-size: 12px; margin-bottom: 2px; }
            pre { margin: 0; padding: 0.7em 0.9em; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
            pre.source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; }
            .outputs > * { margin-top: 0.4em; }
            pre.stdout, pre.result { border-left: 3px solid #d0d7de; }
            pre.stderr { border-left: 3px solid #d4a72c; background: #fff8c5; }
            pre.error { border-left: 3px solid #cf222e; background: #ffebe9; color: #82071e; }
            img { max-width: 100%; height: auto; }
            footer { margin-top: 3em; color: #8c959f; font-size: 13px; }
            """;

    private LessonPage() {
    }

    /** The page of {@code notebook} under {@code title}; {@code footer} is one line of plain text at the end. */
    public static String render(Notebook notebook, String title, String footer) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        List<Cell> cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell instanceof MarkdownCell markdown) {
                html.append("<section class=\"markdown\" id=\"cell-").append(i + 1).append("\">\n")
                        .append(markdown(markdown)).append("</section>\n");
            } else if (cell instanceof CodeCell code && !code.skipped()) {
                code(html, code, i + 1);
            }
        }
        html.append("<footer>").append(escape(footer)).append("</footer>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String markdown(MarkdownCell cell) {
        JsonObject attachments = cell.attachments();
        // Images pasted into a Jupyter cell are referenced as attachment:NAME; the page inlines them.
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Image && attachments != null) {
                        String src = attributes.get("src");
                        if (src != null && src.startsWith("attachment:")) {
                            String uri = attachmentUri(attachments.get(src.substring("attachment:".length())));
                            if (uri != null) {
                                attributes.put("src", uri);
                            }
                        }
                    }
                }).build();
        return renderer.render(MARKDOWN.parse(cell.source()));
    }

    private static String attachmentUri(JsonElement attachment) {
        if (attachment == null || !attachment.isJsonObject()) {
            return null;
        }
        for (Map.Entry<String, JsonElement> e : attachment.getAsJsonObject().entrySet()) {
            if (e.getKey().startsWith("image/") && e.getValue().isJsonPrimitive()) {
                return "data:" + e.getKey() + ";base64," + e.getValue().getAsString().replaceAll("\\s", "");
            }
        }
        return null;
    }

    private static void code(StringBuilder html, CodeCell cell, int number) {
        html.append("<section class=\"code\" id=\"cell-").append(number).append("\">\n");
        html.append("<div class=\"count\">cell ").append(number);
        if (cell.executionCount() != null) {
            html.append(" · [").append(cell.executionCount()).append(']');
        }
        html.append("</div>\n<pre class=\"source\"><code class=\"language-java\">").append(escape(cell.source()))
                .append("</code></pre>\n");
        if (!cell.outputs().isEmpty()) {
            html.append("<div class=\"outputs\">\n");
            for (Output output : cell.outputs()) {
                output(html, output);
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private static void output(StringBuilder html, Output output) {
        if (output instanceof StreamOutput stream) {
            html.append("<pre class=\"").append(stream.name()).append("\">").append(escape(stream.text())).append("</pre>\n");
        } else if (output instanceof ExecuteResult result) {
            rich(html, result.data(), result.metadata(), "result");
        } else if (output instanceof DisplayData display) {
            rich(html, display.data(), display.metadata(), "result");
        } else if (output instanceof ErrorOutput error) {
            String text = error.traceback().isEmpty() ? error.ename() + ": " + error.evalue()
                    : String.join("\n", error.traceback());
            // Jupyter kernels colour tracebacks with ANSI escapes; a page shows the plain text.
            html.append("<pre class=\"error\">").append(escape(text.replaceAll("\u001B\\[[0-9;]*m", ""))).append("</pre>\n");
        }
    }

    private static void rich(StringBuilder html, Map<String, String> data, JsonObject metadata, String cssClass) {
        String png = data.get(Output.IMAGE_PNG);
        String text = data.get(Output.TEXT_PLAIN);
        if (png != null) {
            html.append("<figure><img src=\"data:image/png;base64,").append(png.replaceAll("\\s", "")).append('"');
            JsonElement size = metadata.get(Output.IMAGE_PNG);
            if (size != null && size.isJsonObject()) {
                for (String dimension : List.of("width", "height")) {
                    JsonElement value = size.getAsJsonObject().get(dimension);
                    if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
                        html.append(' ').append(dimension).append("=\"").append(value.getAsInt()).append('"');
                    }
                }
            }
            html.append(" alt=\"").append(escape(text == null ? "chart" : text)).append("\"></figure>\n");
        } else if (text != null) {
            html.append("<pre class=\"").append(cssClass).append("\">").append(escape(text)).append("</pre>\n");
        }
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
