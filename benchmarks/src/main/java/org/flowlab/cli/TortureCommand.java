package org.flowlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.torture.Torture;
import org.flowlab.torture.TortureSettings;
import org.flowlab.torture.TortureSummary;
import org.flowlab.workloads.text.DurationText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowlab torture}: many small random comparisons with random faults, each held to the
 * invariants every engine must keep ({@link org.flowlab.torture}); exit 1 if one broke.
 */
@Command(name = "torture", mixinStandardHelpOptions = true,
        description = {"Simulation testing of Flowlab's own engines (the VOPR of FoundationDB and TigerBeetle): many small "
                + "random comparisons under random faults, each held to the invariants every engine must keep.",
                "Each run draws, from the seed and its number alone, a scenario and job, a small trace (30 s to --minutes "
                        + "of event time, 5 to 100 events/s), a run seed, engine settings (workers, batch, micro-batch and "
                        + "checkpoint intervals, watermark delay, allowed lateness, output mode, delivery) and 0 to 3 faults of "
                        + "every kind: crashes, most just after a checkpoint trigger or in a micro-batch's or batch run's "
                        + "commit; task failures, at an instant (most in a run's task phase) or with a mean time between "
                        + "failures; slow workers; source stalls. It runs batch, micro-batch and stream on it as 'flowlab "
                        + "compare' does, twice, and checks:",
                "  - every engine run completes without an exception, and its records in equal the trace's size;",
                "  - no engine fails for good without a crash or task failure in the plan (with one, failing is legal, "
                        + "and counted);",
                "  - for each engine that did not fail: results equal the reference oracle's without the records the "
                        + "engine counted late; nothing lost; no duplicates under exactly-once; and without crashes or task "
                        + "failures no restart, nothing reprocessed or duplicated, no recovery time, no failure counted;",
                "  - the run repeated, its engines in parallel, writes the same run.json.",
                "Prints a progress bar, then the faults that fired per engine, the engines that failed, each invariant's "
                        + "checks and violations, and for each violated invariant the one './flowlab compare' command that "
                        + "replays its first violation. Writes no files. Exit code 0 if every invariant held, 1 if one broke, "
                        + "2 on bad input."},
        footer = {"", "Examples:", "  ./flowlab torture", "  ./flowlab torture --runs 200 --seed 1",
                "  ./flowlab torture --runs 10000 --seed $RANDOM",
                "  ./flowlab torture --runs 50 --minutes 2 --scenario nexmark stock-ticks"})
final class TortureCommand implements Callable<Integer> {

    /** Runs when --runs is not given. */
    static final int DEFAULT_RUNS = 100;

    private final EngineRegistry engines;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", description = "How many runs, 1 to " + TortureSettings.MAX_RUNS
            + " (default: " + DEFAULT_RUNS + ").")
    int runs = DEFAULT_RUNS;

    @Option(names = "--seed", paramLabel = "S", description = "The torture's seed: with the other flags it fixes every run "
            + "(default: 1).")
    long seed = 1;

    @Option(names = "--minutes", paramLabel = "M", description = "The longest trace, minutes of event time, 1 to "
            + TortureSettings.MAX_MINUTES + " (default: " + TortureSettings.DEFAULT_MINUTES + ").")
    int minutes = TortureSettings.DEFAULT_MINUTES;

    @Option(names = "--scenario", paramLabel = "NAME", arity = "1..*",
            description = "Draw only from these catalog scenarios (default: all; see 'flowlab scenarios').")
    List<String> scenarios;

    TortureCommand(EngineRegistry engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        TortureSettings settings = new TortureSettings(runs, seed, minutes, scenarios == null ? JobCatalog.scenarios() : scenarios);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "torture: %,d runs from seed %d, traces up to %d min; batch, micro-batch and stream in each, twice%n",
                settings.runs(), settings.seed(), settings.maxMinutes());
        w.flush();
        RunsProgressBar progress = new RunsProgressBar(w, System.console() != null);
        long start = System.nanoTime();
        TortureSummary summary = Torture.run(settings, engines, FlowlabVersion.current(), progress);
        progress.finish();
        long wall = System.nanoTime() - start;
        w.println();
        w.print(summary.toText());
        w.printf(Locale.ROOT, "wall clock: %s, %d runs at a time%n", DurationText.format(wall),
                Math.min(settings.runs(), Runtime.getRuntime().availableProcessors()));
        w.flush();
        return summary.ok() ? 0 : 1;
    }
}
