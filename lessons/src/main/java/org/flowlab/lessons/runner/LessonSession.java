package org.flowlab.lessons.runner;

import java.awt.image.RenderedImage;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import org.flowlab.lessons.CheckFailure;
import org.flowlab.lessons.Show;
import org.flowlab.lessons.notebook.ExecuteResult;
import org.flowlab.lessons.notebook.Output;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One lesson's JShell: started with the class path and the imports, then fed one cell at a time.
 * Definitions carry over from cell to cell, as in a notebook kernel.
 */
final class LessonSession implements AutoCloseable {

    /** What a cell left behind: its outputs and, if it failed, where and why. */
    record CellResult(List<Output> outputs, CellError error) {
    }

    /** Where in the cell it failed (line from 1; column from 0, or -1 when only the line is known) and why. */
    record CellError(int line, int column, int width, String name, String reason) {
    }

    /** Where a snippet's first line sits in the notebook, for errors raised from code of an earlier cell. */
    private record Origin(int cell, int line) {
    }

    private final ValueKeepingEngine engine = new ValueKeepingEngine();
    private final JShell shell;
    private final Map<String, Origin> origins = new HashMap<>();

    LessonSession(List<String> imports, List<String> classPath) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        shell = JShell.builder().executionEngine(engine, Map.of()).in(InputStream.nullInputStream()).out(discard)
                .err(discard).build();
        try {
            classPath.forEach(shell::addToClasspath);
            for (String line : imports) {
                for (SnippetEvent event : shell.eval(line)) {
                    if (event.status() == Snippet.Status.REJECTED) {
                        String why = shell.diagnostics(event.snippet()).map(d -> d.getMessage(Locale.ROOT))
                                .collect(Collectors.joining("; "));
                        throw new IllegalStateException("the lesson import '" + line + "' does not compile: " + why);
                    }
                }
            }
        } catch (RuntimeException e) {
            shell.close();
            throw e;
        }
    }

    /** Runs the cell numbered {@code cell} (from 1, for messages); {@code count} is its execution count. */
    CellResult run(int cell, String source, int count) {
        List<Output> outputs = new ArrayList<>();
        try (OutputCapture capture = OutputCapture.start()) {
            CellError error = evaluate(cell, source, count, outputs);
            List<Output> all = new ArrayList<>(capture.outputs());
            all.addAll(outputs);
            return new CellResult(all, error);
        }
    }

    private CellError evaluate(int cell, String source, int count, List<Output> shown) {
        List<CellSnippets.Piece> pieces = CellSnippets.split(shell.sourceCodeAnalysis(), source);
        List<DeclarationSnippet> declared = new ArrayList<>();
        Map<DeclarationSnippet, CellSnippets.Piece> pieceOf = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            CellSnippets.Piece piece = pieces.get(i);
            if (piece.incomplete()) {
                return at(source, piece.start(), -1, "IncompleteCode",
                        "the code starting here is not finished: a closing brace, parenthesis or quotation mark is missing");
            }
            engine.clearValue();
            SnippetEvent main = null;
            for (SnippetEvent event : shell.eval(piece.text())) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                Snippet snippet = event.snippet();
                origins.put(snippet.id(), new Origin(cell, lineOf(source, piece.start())));
                if (event.status() == Snippet.Status.REJECTED) {
                    return compileError(source, piece, snippet);
                }
                if (event.exception() != null) {
                    return runtimeError(source, piece, snippet, event.exception());
                }
                if (snippet instanceof DeclarationSnippet declaration) {
                    declared.add(declaration);
                    pieceOf.put(declaration, piece);
                }
                main = event;
            }
            boolean last = i == pieces.size() - 1;
            if (last && piece.unterminated() && main != null && showsValue(main.snippet())) {
                try {
                    shown.addAll(display(engine.value(), main.value(), count));
                } catch (RuntimeException e) {
                    return at(source, piece.start(), -1, e.getClass().getName(),
                            "the value of this expression could not be shown: " + describe(e));
                }
            }
        }
        // A declaration that names something never defined compiles in JShell but cannot be used.
        for (DeclarationSnippet declaration : declared) {
            Snippet.Status status = shell.status(declaration);
            if (status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                return at(source, pieceOf.get(declaration).start(), -1, "UnresolvedReference",
                        declaration.name() + " refers to " + unresolved(declaration) + ", which is not defined");
            }
        }
        return null;
    }

    /** The value is shown for an expression, not for a declaration or a statement. */
    private static boolean showsValue(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static List<Output> display(Object value, String text, int count) {
        if (value instanceof Chart<?, ?> chart) {
            return List.of(ChartImages.of(chart));
        }
        if (value instanceof Show.Charts charts) {
            List<Output> images = new ArrayList<>();
            charts.list().forEach(chart -> images.add(ChartImages.of(chart)));
            return images;
        }
        if (value instanceof RenderedImage image) {
            return List.of(ChartImages.of(image));
        }
        return List.of(ExecuteResult.text(count, withoutWrapperNames(text == null ? "null" : text)));
    }

    private CellError compileError(String source, CellSnippets.Piece piece, Snippet snippet) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            return at(source, piece.start(), -1, "CompileError", "JShell did not accept this code");
        }
        Diag first = errors.get(0);
        int start = (int) Math.max(0, Math.min(first.getStartPosition(), piece.text().length()));
        int end = (int) Math.max(start + 1, Math.min(first.getEndPosition(), piece.text().length()));
        int offset = piece.start() + Math.min(start, source.length() - piece.start());
        return at(source, offset, end - start, "CompileError", compilerMessage(first));
    }

    private CellError runtimeError(String source, CellSnippets.Piece piece, Snippet snippet, JShellException exception) {
        int snippetLine = 1;
        Origin thrownIn = null;
        boolean topmost = true;
        for (StackTraceElement frame : exception.getStackTrace()) {
            String file = frame.getFileName();
            if (file == null || !file.startsWith("#")) {
                continue;
            }
            String id = file.substring(1);
            if (id.equals(snippet.id())) {
                snippetLine = Math.max(1, frame.getLineNumber());
                break;
            }
            if (topmost && origins.containsKey(id) && frame.getLineNumber() > 0) {
                Origin o = origins.get(id);
                thrownIn = new Origin(o.cell(), o.line() + frame.getLineNumber() - 1);
            }
            topmost = false;
        }
        int line = Math.min(lineOf(source, piece.start()) + snippetLine - 1, lineOf(source, source.length()));
        String name;
        String reason;
        if (exception instanceof UnresolvedReferenceException unresolved) {
            name = "UnresolvedReference";
            reason = unresolved.getSnippet().name() + " cannot run: it refers to " + unresolved(unresolved.getSnippet())
                    + ", which is not defined";
        } else {
            EvalException eval = (EvalException) exception;
            name = withoutWrapperNames(eval.getExceptionClassName());
            if (CheckFailure.class.getName().equals(eval.getExceptionClassName())) {
                reason = "the check did not pass: " + eval.getMessage();
            } else {
                reason = thrown(eval);
                if (thrownIn != null) {
                    reason += " (thrown in cell " + thrownIn.cell() + ", line " + thrownIn.line() + ")";
                }
            }
        }
        return new CellError(line, -1, 0, name, reason);
    }

    private String unresolved(DeclarationSnippet declaration) {
        String names = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
        return names.isEmpty() ? "something" : names;
    }

    private static String thrown(EvalException e) {
        StringBuilder b = new StringBuilder(withoutWrapperNames(e.getExceptionClassName()));
        if (e.getMessage() != null) {
            b.append(": ").append(withoutWrapperNames(e.getMessage()));
        }
        Throwable cause = e.getCause();
        Throwable root = null;
        while (cause != null && cause != root) {
            root = cause;
            cause = cause.getCause();
        }
        if (root instanceof EvalException r) {
            b.append(" (caused by ").append(withoutWrapperNames(r.getExceptionClassName()));
            if (r.getMessage() != null) {
                b.append(": ").append(withoutWrapperNames(r.getMessage()));
            }
            b.append(')');
        }
        return b.toString();
    }

    /** javac's message on one line, without the "location: class" line that names JShell's wrapper. */
    private static String compilerMessage(Diag diag) {
        List<String> lines = diag.getMessage(Locale.ROOT).lines().map(String::strip).filter(l -> !l.isEmpty())
                .filter(l -> !l.startsWith("location:")).map(l -> l.replaceAll("\\s+", " ")).collect(Collectors.toList());
        if (lines.isEmpty()) {
            return "does not compile";
        }
        String first = lines.get(0);
        return lines.size() == 1 ? withoutWrapperNames(first)
                : withoutWrapperNames(first + " (" + String.join(", ", lines.subList(1, lines.size())) + ")");
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** JShell compiles snippets into classes named like {@code REPL.$JShell$12}; students never wrote those. */
    private static String withoutWrapperNames(String text) {
        return text.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]?[.$]", "");
    }

    private static CellError at(String source, int offset, int width, String name, String reason) {
        int line = lineOf(source, offset);
        int column = width < 0 ? -1 : offset - lineStartOffset(source, line);
        return new CellError(line, column, Math.max(width, 0), name, reason);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStartOffset(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return text.length();
            }
            offset = next + 1;
        }
        return offset;
    }

    @Override
    public void close() {
        shell.close();
    }
}
