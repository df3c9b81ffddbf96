package org.flowlab.report;

/** Text made safe to put in HTML: the five characters that mean something there, escaped. */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** The style every Flowlab page shares: readable without any network (no fonts, no scripts from elsewhere). */
    static final String STYLE = """
            body { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 2em auto;
                   max-width: 1100px; padding: 0 1em; color: #222; line-height: 1.45; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
            .meta { color: #555; margin-top: 0; }
            .ok { color: #1a7f37; font-weight: 600; }
            .bad { color: #a01c2c; font-weight: 600; }
            .verdict { font-size: 1.1em; font-weight: 600; margin-bottom: 0.4em; }
            ul.reasons { margin-top: 0; padding-left: 1.4em; }
            ul.reasons li { margin: 0.25em 0; }
            table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; }
            th, td { border-bottom: 1px solid #e4e4e4; padding: 0.35em 0.8em; text-align: left; vertical-align: top; }
            th { background: #f6f6f6; }
            td.num { font-variant-numeric: tabular-nums; }
            figure { margin: 1.5em 0; }
            figure img { width: 100%; max-width: 1000px; border: 1px solid #eee; }
            figcaption { color: #555; font-size: 0.9em; }
            code { background: #f4f4f4; padding: 0 0.25em; }
            .swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.35em; vertical-align: baseline; }
            """;

    /**
     * Records on the body, once the page has loaded, how many of its images loaded, for example
     * {@code data-images-loaded="5/5"}: the browser test reads it from the DOM.
     */
    static final String IMAGE_CHECK = """
            <script>
            window.addEventListener('load', function () {
              var images = Array.prototype.slice.call(document.images);
              var loaded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
              document.body.dataset.imagesLoaded = loaded + '/' + images.length;
            });
            </script>
            """;
}
