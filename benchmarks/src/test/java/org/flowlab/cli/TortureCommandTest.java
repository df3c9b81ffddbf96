package org.flowlab.cli;

import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.sim.stream.StreamEngineType;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.sim.stream.Delivery;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.torture.BrokenEngines;
import org.flowlab.torture.CaseGenerator;
import org.flowlab.torture.Torture;
import org.flowlab.torture.TortureCase;
import org.flowlab.torture.TortureSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code flowlab torture} on the command line: its help, its one-line errors, a broken engine
 * caught with the command that replays it, and that command replaying the run exactly.
 */
class TortureCommandTest {

    @TempDir
    Path dir;

    @Test
    void theHelpNamesEveryFlagAndHowToRunALongTorture() {
        CommandLineRun run = CommandLineRun.of("torture", "--help");
        assertThat(run.exitCode()).isZero();
        String help = run.out().replaceAll("\\s+", " ");
        assertThat(help).contains("--runs=N", "--seed=S", "--minutes=M", "--scenario=NAME", "--help", "--version",
                "Exit code 0 if every invariant held, 1 if one broke, 2 on bad input", "./flowlab torture --runs 10000 --seed $RANDOM",
                "nothing lost", "no duplicates under exactly-once", "the same run.json", "crash", "task failure", "slow", "stall");
        assertThat(CommandLineRun.of("--help").out()).contains("torture");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        String[][] mistakes = {{"--runs", "0"}, {"--runs", "many"}, {"--minutes", "0"}, {"--minutes", "61"},
                {"--scenario", "no-such-scenario"}, {"--seed", "1.5"}, {"--frobnicate"}};
        for (String[] mistake : mistakes) {
            List<String> args = new ArrayList<>(List.of("torture"));
            args.addAll(List.of(mistake));
            CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", mistake)).isEqualTo(2);
            assertThat(run.errLines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("flowlab: ").doesNotContain("Exception", "\tat ");
            assertThat(run.out()).as("nothing runs").doesNotContain("runs from seed");
        }
        assertThat(CommandLineRun.of("torture", "--scenario", "no-such-scenario").err()).contains("nexmark");
    }

    @Test
    void aStreamThatDropsARowAfterARestoreIsCaughtAndThePrintedCommandReplaysIt() throws IOException {
        EngineRegistry broken = BrokenEngines.droppingARowAfterARestore();
        CommandLineRun torture = CommandLineRun.with(broken, "torture", "--runs", "6", "--seed", "1", "--minutes", "1");

        assertThat(torture.exitCode()).as(torture.out() + torture.err()).isEqualTo(1);
        assertThat(torture.out()).contains("6 runs from seed 1", "VIOLATED", "results equal the oracle's without the late records — ");
        Matcher first = Pattern.compile("first: run (\\d+), stream: (\\d+) of the oracle's").matcher(torture.out());
        assertThat(first.find()).as(torture.out()).isTrue();
        Matcher replay = Pattern.compile("replay: (\\./flowlab compare .*)").matcher(torture.out());
        assertThat(replay.find()).isTrue();
        TortureCase run = new TortureSettings(6, 1, 1, JobCatalog.scenarios()).generator().draw(Integer.parseInt(first.group(1)));
        assertThat(replay.group(1)).isEqualTo(run.command());

        List<String> args = shellWords(replay.group(1));
        assertThat(args.get(0)).isEqualTo("./flowlab");
        CommandLineRun withTheBug = CommandLineRun.with(broken, withOut(args.subList(1, args.size()), dir.resolve("broken")));
        assertThat(withTheBug.exitCode()).as(withTheBug.err()).isZero();
        assertThat(withTheBug.out()).contains("results differ ✗ — stream: ").containsPattern("stream: .*\\b" + first.group(2) + " outputs? differs?");
        CommandLineRun fixed = CommandLineRun.with(EngineRegistry.STANDARD, withOut(args.subList(1, args.size()), dir.resolve("fixed")));
        assertThat(fixed.out()).contains("results agree ✓");
    }

    @Test
    void theFlagsOfEveryPrintedCommandMakeTheRunsPlan() {
        CaseGenerator generator = new CaseGenerator(1, 5, JobCatalog.scenarios());
        for (int i = 0; i < 200; i++) {
            TortureCase run = generator.draw(i);
            List<String> words = shellWords(run.command());
            assertThat(words.subList(1, words.size())).isEqualTo(run.compareArguments());
            CommandLine cli = FlowlabCommand.commandLine();
            CommandLine.ParseResult parsed = cli.parseArgs(words.subList(1, words.size()).toArray(String[]::new));
            CompareCommand compare = parsed.subcommand().commandSpec().commandLine().getCommand();
            assertThat(compare.options.plan(ComparisonPlan.showcase(), EngineRegistry.STANDARD)).as(run.command()).isEqualTo(run.plan());
        }
    }

    /**
     * The printed command, run as {@code flowlab compare} (charts, report and all), writes the
     * run.json the torture checked: the same numbers, for a run in the updates mode with several
     * faults and one under exactly-once with a crash.
     */
    @Test
    void runningThePrintedCommandReproducesTheSameRunJson() throws IOException {
        CaseGenerator generator = new CaseGenerator(1, 1, JobCatalog.scenarios());
        List<TortureCase> runs = List.of(
                first(generator, c -> c.settings().output() == OutputMode.UPDATES && c.faults().faults().size() >= 2),
                first(generator, c -> c.settings().output() == OutputMode.FINAL && c.settings().of(StreamEngineType.STREAM).delivery() == Delivery.EXACTLY_ONCE
                        && !c.faults().crashes().isEmpty()));
        for (TortureCase run : runs) {
            Path out = dir.resolve("run" + run.index());
            List<String> words = shellWords(run.command());
            CommandLineRun compare = CommandLineRun.with(EngineRegistry.STANDARD, withOut(words.subList(1, words.size()), out));
            assertThat(compare.exitCode()).as(compare.err()).isZero();
            Path runJson;
            try (Stream<Path> folders = Files.list(out)) {
                runJson = folders.filter(Files::isDirectory).findFirst().orElseThrow().resolve("run.json");
            }
            assertThat(org.flowlab.torture.RunJson.comparable(Files.readString(runJson))).as(run.command())
                    .isEqualTo(Torture.runJson(run, EngineRegistry.STANDARD, FlowlabVersion.current()));
        }
    }

    private static TortureCase first(CaseGenerator generator, Predicate<TortureCase> wanted) {
        for (int i = 0; i < 1000; i++) {
            TortureCase c = generator.draw(i);
            if (wanted.test(c)) {
                return c;
            }
        }
        throw new AssertionError("no such run in 1000");
    }

    private static String[] withOut(List<String> args, Path out) {
        List<String> a = new ArrayList<>(args);
        a.add("--out");
        a.add(out.toString());
        return a.toArray(String[]::new);
    }

    /** The words a POSIX shell makes of {@code command}: split at spaces, single quotes kept together, {@code '\''} a quote. */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if ("\"$`;&|<>()*?[]#~".indexOf(c) >= 0) {
                throw new AssertionError("unquoted shell character '" + c + "' in " + command);
            } else {
                word.append(c);
                inWord = true;
            }
        }
        assertThat(quoted).as("unterminated quote in " + command).isFalse();
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
