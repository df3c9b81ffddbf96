package org.flowlab.lessons.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellSnippetsTest {
    private static JShell shell;

    @BeforeAll
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void aCellSplitsIntoItsStatementsWithTheirPositions() {
        String cell = "int a = 1;\n\n// why\nvoid f() {\n    a++;\n}\nf();\na";
        List<CellSnippets.Piece> pieces = CellSnippets.split(shell.sourceCodeAnalysis(), cell);
        assertThat(pieces).extracting(CellSnippets.Piece::text).containsExactly("int a = 1;", "void f() {\n    a++;\n}", "f();", "a");
        assertThat(pieces).extracting(CellSnippets.Piece::start).containsExactly(0, 19, 41, 46);
        assertThat(pieces).extracting(CellSnippets.Piece::unterminated).containsExactly(false, true, false, true);
    }

    @Test
    void anUnfinishedBlockIsIncomplete() {
        List<CellSnippets.Piece> pieces = CellSnippets.split(shell.sourceCodeAnalysis(), "int a = 1;\nwhile (a < 3) {\n  a++;");
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(1).incomplete()).isTrue();
        assertThat(pieces.get(1).start()).isEqualTo(11);
    }

    @Test
    void commentsAndBlankCellsHoldNoSnippets() {
        assertThat(CellSnippets.split(shell.sourceCodeAnalysis(), "")).isEmpty();
        assertThat(CellSnippets.split(shell.sourceCodeAnalysis(), "\n  // only a comment\n/* and another */\n")).isEmpty();
    }

    @Test
    void theLastCodeCharacterIgnoresCommentsAndStrings() {
        assertThat(CellSnippets.lastCodeChar("x; // done")).isEqualTo(';');
        assertThat(CellSnippets.lastCodeChar("x /* ; */")).isEqualTo('x');
        assertThat(CellSnippets.lastCodeChar("\"a;\"")).isEqualTo('"');
        assertThat(CellSnippets.lastCodeChar("\"a\\\";\"")).isEqualTo('"');
        assertThat(CellSnippets.lastCodeChar("'\\''")).isEqualTo('\'');
        assertThat(CellSnippets.lastCodeChar("\"\"\"\n  ; \\\"\"\" ;\n  \"\"\"")).isEqualTo('"');
        assertThat(CellSnippets.lastCodeChar("  \n")).isEqualTo((char) 0);
    }

    @Test
    void codeStartsAfterBlankLinesAndComments() {
        assertThat(CellSnippets.codeStart("\n  // a\n /* b */ x")).isEqualTo(17);
        assertThat(CellSnippets.codeStart("/* open")).isZero();
        assertThat(CellSnippets.codeStart("   ")).isEqualTo(3);
    }
}
