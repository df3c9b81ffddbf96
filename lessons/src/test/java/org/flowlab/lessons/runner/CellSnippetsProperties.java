package org.flowlab.lessons.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jdk.jshell.JShell;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link CellSnippets#split} on cells of three statements of every shape. A class of its own, with
 * jqwik's lifecycle for its shell: in {@link CellSnippetsTest} it used the shell of JUnit Jupiter's
 * {@code @BeforeAll}, which worked only because Jupiter's engine ran first (and had closed it by
 * then); {@code -Pexplore}, which runs jqwik's engine alone, found it null.
 */
class CellSnippetsProperties {
    private static JShell shell;

    @BeforeContainer
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
    }

    @AfterContainer
    static void stop() {
        shell.close();
    }

    private static final List<String> STATEMENTS = List.of(
            "int a = 1;", "// note\nString s = \"; // not a comment\";", "/* block */ a++;",
            "void f() {\n    a += 2;\n}", "if (a > 0) {\n    a--;\n}", "var t = \"\"\"\n    text; more\n    \"\"\";",
            "char c = ';';", "record P(int x) {}");

    @Property(tries = 60)
    void everyPieceStartsWhereItsTextIsInTheCell(@ForAll @IntRange(min = 0, max = 7) int first,
            @ForAll @IntRange(min = 0, max = 7) int second, @ForAll @IntRange(min = 0, max = 7) int third) {
        String cell = STATEMENTS.get(first) + "\n  " + STATEMENTS.get(second) + " // trailing\n" + STATEMENTS.get(third);
        List<CellSnippets.Piece> pieces = CellSnippets.split(shell.sourceCodeAnalysis(), cell);
        assertThat(pieces).hasSize(3);
        for (CellSnippets.Piece piece : pieces) {
            assertThat(cell.substring(piece.start())).startsWith(piece.text());
            assertThat(piece.unterminated()).isEqualTo(piece.text().endsWith("}"));
            assertThat(piece.incomplete()).isFalse();
        }
    }
}
