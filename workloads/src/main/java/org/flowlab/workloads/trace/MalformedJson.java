package org.flowlab.workloads.trace;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Gson's parse errors, which span lines and suggest lenient parsing, into one short phrase. */
final class MalformedJson {
    private static final Pattern WHERE = Pattern.compile("^(.*?)\\s*at line \\d+ column (\\d+)(?: path \\S*)?\\s*$");
    private static final String LENIENT_HINT = "Use JsonReader.setStrictness";

    private MalformedJson() {
    }

    /** For example "malformed JSON near column 12: expected ':'" (Gson counts the column after the bad character). */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        if (message == null) {
            return "malformed JSON";
        }
        String first = message.lines().findFirst().orElse("").trim();
        Matcher m = WHERE.matcher(first);
        if (!m.matches()) {
            return "malformed JSON: " + first;
        }
        String reason = m.group(1);
        String at = "malformed JSON near column " + m.group(2);
        if (reason.isEmpty() || reason.startsWith(LENIENT_HINT)) {
            return at;
        }
        if (reason.startsWith("End of input")) {
            return at + ": the line ends before the JSON does";
        }
        return at + ": " + reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
