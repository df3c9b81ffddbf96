package org.flowlab.lessons.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NotebookRoundTripProperties {

    @Property(tries = 200)
    void writingThenReadingGivesTheSameNotebook(@ForAll("notebooks") Notebook notebook) {
        String json = NotebookFiles.toJson(notebook);
        Notebook back = NotebookFiles.parse(json, "generated.ipynb");
        // Ids are made up on write for nbformat 4.5; everything else must come back as it was.
        assertThat(withoutIds(back)).isEqualTo(withoutIds(notebook));
        assertThat(NotebookFiles.toJson(back)).isEqualTo(json);
    }

    @Provide
    Arbitrary<Notebook> notebooks() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), metadata(), cell().list().ofMaxSize(6))
                .as(Notebook::new);
    }

    private Arbitrary<Cell> cell() {
        Arbitrary<Cell> markdown = Combinators.combine(text(), metadata()).as((s, m) -> new MarkdownCell(null, s, m, null));
        Arbitrary<Cell> raw = Combinators.combine(text(), metadata()).as((s, m) -> new RawCell(null, s, m, null));
        Arbitrary<Cell> code = Combinators.combine(text(), metadata(), Arbitraries.integers().between(1, 99).injectNull(0.3),
                output().list().ofMaxSize(4)).as((s, m, n, o) -> new CodeCell(null, s, m, n, o));
        return Arbitraries.oneOf(markdown, raw, code);
    }

    private Arbitrary<Output> output() {
        Arbitrary<Output> stream = Combinators.combine(Arbitraries.of("stdout", "stderr"), text()).as(StreamOutput::new);
        Arbitrary<Output> result = Combinators.combine(Arbitraries.integers().between(1, 99), text())
                .as(ExecuteResult::text);
        Arbitrary<Output> display = Arbitraries.strings().withCharRange('A', 'Z').ofMaxLength(12)
                .map(b64 -> DisplayData.png(b64, "chart", 640, 480));
        Arbitrary<Output> error = Combinators.combine(text(), text(), text().list().ofMaxSize(3)).as(ErrorOutput::new);
        Arbitrary<Output> json = Arbitraries.integers().map(i -> new DisplayData(Map.of("application/json",
                "{\"n\":" + i + "}"), null));
        return Arbitraries.oneOf(stream, result, display, error, json);
    }

    private Arbitrary<String> text() {
        return Arbitraries.strings().withChars("ab \n\t\"\\<>&é—😀{}[]").ofMaxLength(20);
    }

    private Arbitrary<JsonObject> metadata() {
        return Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3).list().ofMaxSize(3).map(keys -> {
            JsonObject m = new JsonObject();
            for (String k : keys) {
                m.addProperty(k, k.length() % 2 == 0 ? k : "x");
            }
            return m;
        });
    }

    private static Notebook withoutIds(Notebook nb) {
        return nb.withCells(nb.cells().stream().map(c -> {
            if (c instanceof CodeCell code) {
                return (Cell) new CodeCell(null, code.source(), code.metadata(), code.executionCount(), code.outputs());
            } else if (c instanceof MarkdownCell md) {
                return new MarkdownCell(null, md.source(), md.metadata(), md.attachments());
            }
            RawCell raw = (RawCell) c;
            return new RawCell(null, raw.source(), raw.metadata(), raw.attachments());
        }).toList());
    }

}
