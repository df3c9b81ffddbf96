package org.flowlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowlab.experiment.Agreement;
import org.flowlab.experiment.Comparison;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.experiment.ComparisonResult;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.experiment.EngineFailure;
import org.flowlab.experiment.EngineRun;
import org.flowlab.experiment.FlinkComparisonResult;
import org.flowlab.experiment.Recommendation;
import org.flowlab.report.ComparisonTable;
import org.flowlab.report.RunInput;
import org.flowlab.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowlab compare}: one trace through batch, micro-batch and stream, side by side. Without
 * a scenario it runs the showcase. Every flag is checked before anything is written, so a mistake
 * leaves no run folder behind; a failure during the run deletes the unfinished folder.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Replay one trace, generated or read from a file (--trace), through batch, micro-batch and stream processing, each in its own "
                + "simulation, and compare them: per-record latency, latency of outputs, throughput, staleness, recovery "
                + "from faults, cost, and whether the results agree with the reference oracle.",
                "Writes run.json, charts (PNG and SVG) and report.html to results/runs/<yyyyMMdd-HHmmss>-<scenario>/ and "
                        + "updates results/index.html.",
                "Without --scenario it runs the showcase: card-fraud, about a million events over 4 h, worker 1 crashing at "
                        + "1 h 30 m (any flag changes it)."},
        footer = {"", "Examples:", "  ./flowlab compare",
                "  ./flowlab compare --scenario nexmark --job q5 --duration 30s --rate 20000/s",
                "  ./flowlab compare --scenario stock-ticks --engines microbatch,stream --microbatch-interval 1s --sla 2s --budget 0.5",
                "  ./flowlab compare --scenario card-fraud --faults 'crash:worker=2@1h+30s;task-fail:mtbf=2h' --delivery at-least-once",
                "  ./flowlab compare --scenario retail-etl --faults 'task-fail:mtbf=10m' --restart-strategy fixed-delay:attempts=3,delay=10s",
                "  ./flowlab compare --scenario my-shop.json --out /tmp/flowlab-runs",
                "  ./flowlab workload generate --scenario nexmark --duration 30s --out nexmark.jsonl && ./flowlab compare --trace nexmark.jsonl --job q5"})
final class CompareCommand implements Callable<Integer> {

    private final EngineRegistry engines;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ComparisonOptions options;

    @Option(names = "--out", paramLabel = "DIR", converter = FolderConverter.class,
            description = "Put the run folder under DIR instead of results/runs/ (DIR/index.html lists the runs in it).")
    Path out;

    CompareCommand(EngineRegistry engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        ComparisonPlan plan = options.plan(ComparisonPlan.showcase(), engines);
        Comparison.check(plan);
        PrintWriter w = spec.commandLine().getOut();
        ComparisonRunFolder run = ComparisonRunFolder.write(out, plan.scenario(), ZonedDateTime.now(), () -> {
            String headline = String.format(Locale.ROOT, "%s%s; engines %s; faults %s", options.noScenario() ? "showcase: " : "",
                    plan.input().headline(plan.seed()), String.join(", ", plan.engineIds()), plan.faults());
            ProgressDisplay progress = new ProgressDisplay(w, headline, plan.engines(), System.console() != null);
            ComparisonResult result = Comparison.run(plan, progress);
            progress.finish();
            return FlinkComparisonResult.withoutFlink(result);
        });
        print(w, run.result().flowlab(), run.report(), run.dir(), run.index());
        return 0;
    }

    private static void print(PrintWriter w, ComparisonResult result, RunReport report, Path dir, Path index) {
        w.printf(Locale.ROOT, "%n%s / %s: %,d events%n%n", RunInput.name(report.parameters().input(), report.scenario()),
                report.job(), report.trace().events());
        w.print(ComparisonTable.of(report).toText());
        w.println();
        for (EngineRun r : result.runs()) {
            EngineFailure failure = r.failure();
            if (failure != null) {
                w.println(wrap(r.paradigm().label() + " FAILED: its job " + failure.clause()
                        + ". Its figures cover the run up to the failure; its results are not compared.", 100));
            }
        }
        Agreement a = result.agreement();
        if (a.failed().size() == result.runs().size()) {
            w.println("results not compared: " + a.explanation());
        } else {
            w.println(a.resultsAgree()
                    ? "results agree ✓ (" + a.explanation() + ")"
                    : "results differ ✗ — " + String.join("; ", a.differences()));
        }
        w.println();
        printRecommendation(w, result.recommendation());
        w.println();
        w.println("report: " + dir.resolve("report.html"));
        w.println("run:    " + dir.resolve("run.json"));
        w.println("index:  " + index);
        w.flush();
    }

    /** The recommendation's verdict, then one bullet per reason, each wrapped under its own indent. */
    static void printRecommendation(PrintWriter w, Recommendation r) {
        w.println(wrap(r.verdict(), 100));
        for (Recommendation.Reason reason : r.reasons()) {
            w.println("  - " + wrap(reason.line(), 96).replace("\n", "\n    "));
        }
    }

    /** Breaks {@code text} into lines of at most {@code width} characters at spaces. */
    static String wrap(String text, int width) {
        StringBuilder s = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (s.length() - lineStart + word.length() + 1 > width && s.length() > lineStart) {
                s.append('\n');
                lineStart = s.length();
            } else if (s.length() > lineStart) {
                s.append(' ');
            }
            s.append(word);
        }
        return s.toString();
    }
}
