package org.flowlab.lessons.runner;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits a cell into the snippets JShell evaluates one at a time (a statement, a declaration, an
 * expression), remembering where each starts in the cell so that errors point at the cell's lines.
 */
final class CellSnippets {
    private CellSnippets() {
    }

    /**
     * One snippet: {@code text} starts at {@code start} in the cell, after any blank lines and
     * comments. {@code unterminated} is true when its code does not end with a semicolon (the
     * cell's last expression written that way shows its value); {@code incomplete} when the cell
     * ended before the snippet did (an unclosed brace, parenthesis or string).
     */
    record Piece(String text, int start, boolean unterminated, boolean incomplete) {
    }

    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        while (offset < cell.length()) {
            String rest = cell.substring(offset);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            int consumed = rest.length() - info.remaining().length();
            if (consumed <= 0 || completeness == Completeness.DEFINITELY_INCOMPLETE
                    || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                int skip = codeStart(rest);
                if (skip == rest.length()) {
                    break;
                }
                pieces.add(new Piece(rest.substring(skip), offset + skip, false,
                        completeness == Completeness.DEFINITELY_INCOMPLETE
                                || completeness == Completeness.CONSIDERED_INCOMPLETE));
                break;
            }
            // The analysis may insert the missing semicolon; everything before it is the cell's own text.
            String source = info.source();
            int skip = codeStart(source);
            if (skip < source.length()) {
                String text = source.substring(skip);
                // The analysis adds a semicolon to a declaration that lacks one, but not to an expression.
                boolean unterminated = completeness == Completeness.COMPLETE_WITH_SEMI || lastCodeChar(text) != ';';
                pieces.add(new Piece(text, offset + skip, unterminated, false));
            }
            offset += consumed;
        }
        return pieces;
    }

    /** The last character of {@code text} that is code: not white space, not in a comment; 0 when there is none. */
    static char lastCodeChar(String text) {
        char last = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                while (end > 0 && text.charAt(end - 1) == '\\') {
                    end = text.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? text.length() : end + 3;
                last = '"';
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                last = c;
            } else {
                if (!Character.isWhitespace(c)) {
                    last = c;
                }
                i++;
            }
        }
        return last;
    }

    /** The index of the first character of {@code text} that is neither white space nor inside a comment. */
    static int codeStart(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return i;
                }
                i = end + 2;
            } else {
                return i;
            }
        }
        return i;
    }
}
