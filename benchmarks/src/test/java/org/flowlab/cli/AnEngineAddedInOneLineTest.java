package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.toy.ToyEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's promise: an engine is one package ({@link ToyEngine}) and one registration line, and
 * {@code compare}'s whole path takes it as it takes the engines of this build — its own flag, the
 * comparison and the agreement with the oracle, the table, run.json, the report page with its colour, and
 * the recommendation; {@code sweep} varies its option.
 */
class AnEngineAddedInOneLineTest {

    /** The one line. */
    static final EngineRegistry WITH_TOY = EngineRegistry.STANDARD.with(ToyEngine.TYPE);

    static final String[] SMALL = {"--scenario", "stock-ticks", "--job", "vwap-1s", "--duration", "30s", "--rate", "200/s"};

    @TempDir
    Path dir;

    private static String[] args(String command, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(more));
        a.addAll(List.of("--out", out.toString()));
        return a.toArray(String[]::new);
    }

    @Test
    void compareRunsTheToyBesideTheOthersWithItsOwnFlagAndReportsIt() throws IOException {
        CommandLineRun run = CommandLineRun.with(WITH_TOY, args("compare", dir, "--toy-delay", "7s"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("toy", "one run, 7s", "results agree ✓");

        Path folder;
        try (var folders = Files.list(dir)) {
            folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("run.json"))).getAsJsonObject();
        assertThat(json.getAsJsonObject("engines").keySet()).containsExactly("batch", "microbatch", "stream", "toy");
        JsonObject toy = json.getAsJsonObject("engines").getAsJsonObject("toy");
        assertThat(toy.get("configuration").getAsString()).isEqualTo("one run, 7s");
        assertThat(toy.get("resultsAgree").getAsBoolean()).isTrue();
        JsonArray engines = json.getAsJsonObject("parameters").getAsJsonArray("engines");
        JsonObject toyParameters = engines.get(3).getAsJsonObject();
        assertThat(toyParameters.get("id").getAsString()).isEqualTo("toy");
        assertThat(toyParameters.get("colour").getAsString()).isEqualTo("#CC79A7");
        assertThat(toyParameters.getAsJsonObject("settings").get("delay").getAsString()).isEqualTo("7s");
        assertThat(json.getAsJsonObject("agreement").get("resultsAgree").getAsBoolean()).isTrue();

        String page = Files.readString(folder.resolve("report.html"));
        assertThat(page).contains("background:#CC79A7", "toy settings", "delay 7s");
    }

    @Test
    void theToyRunsAloneAndItsFlagIsCheckedByItsOwnParser() {
        CommandLineRun alone = CommandLineRun.with(WITH_TOY, args("compare", dir, "--engines", "toy"));
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        assertThat(alone.out()).contains("toy").doesNotContain("micro-batch");

        CommandLineRun bad = CommandLineRun.with(WITH_TOY, args("compare", dir, "--toy-delay", "0s"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).hasSize(1);
        assertThat(bad.err()).contains("Invalid value for option '--toy-delay': '0s' must be a positive duration")
                .doesNotContain("--toy-delay: ");

        CommandLineRun unknown = CommandLineRun.of(args("compare", dir, "--toy-delay", "7s"));
        assertThat(unknown.exitCode()).as("without the registration line there is no such flag").isEqualTo(2);
    }

    @Test
    void sweepVariesTheToysOption() {
        CommandLineRun run = CommandLineRun.with(WITH_TOY, args("sweep", dir, "--engines", "toy,stream",
                "--vary", "toy-delay=1s..10s:2"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("toy@toy-delay=1s", "toy@toy-delay=10s");
    }
}
