package org.flowlab.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flowlab.experiment.Recommendation;
import org.flowlab.workloads.text.DurationText;

/**
 * What each engine of a comparison was charged and why, in a sentence each, from run.json's cost
 * figures: {@code batch: 4 workers held 1 h 12 m — 2 cold starts: 3 m 00 s starting, 2.4 s running,
 * 1 h 09 m idle in the warm pool of 10 m 00 s; 17,284 worker-seconds at 0.2 per worker-hour = 0.960.}
 * A run.json written before the bill had its parts has no sentences.
 */
public final class BillSentences {

    private BillSentences() {
    }

    /** One sentence per simulated engine with a bill, in the report's order. */
    public static List<String> of(RunReport report) {
        RunReport.Parameters p = report.parameters();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, RunReport.EngineFigures> e : report.engines().entrySet()) {
            RunReport.Cost cost = e.getValue().cost();
            if (cost != null && cost.held() != null && cost.cluster() != null) {
                out.add(sentence(ReportPage.label(p, e.getKey()), cost, p.workers(), p.pricePerWorkerHour()));
            }
        }
        return out;
    }

    /** The rules the engines' bills followed, each once. */
    public static List<String> rules(RunReport report) {
        Set<String> rules = new LinkedHashSet<>();
        for (RunReport.EngineFigures f : report.engines().values()) {
            if (f.cost() != null && f.cost().rule() != null) {
                rules.add(f.cost().rule());
            }
        }
        return List.copyOf(rules);
    }

    /** The sentence of one engine, whose cluster had {@code workers} workers at {@code price} per worker-hour. */
    static String sentence(String engine, RunReport.Cost cost, int workers, double price) {
        boolean ephemeral = "ephemeral".equals(cost.cluster());
        StringBuilder s = new StringBuilder(engine).append(": ").append(workers).append(workers == 1 ? " worker " : " workers ")
                .append(ephemeral ? "held " : "always on for ").append(DurationText.format(Math.round(cost.heldMs() * 1e6)));
        List<String> parts = new ArrayList<>();
        RunReport.Held h = cost.held();
        if (h.starting() > 0) {
            parts.add(duration(h.starting(), workers) + " starting");
        }
        if (h.running() > 0) {
            parts.add(duration(h.running(), workers) + " running");
        }
        if (h.idle() > 0) {
            parts.add(duration(h.idle(), workers) + (ephemeral
                    ? " idle in the warm pool of " + DurationText.format(Math.round(cost.warmPoolMs() * 1e6))
                    : " idle between runs"));
        }
        if (ephemeral) {
            s.append(" — ").append(cost.coldStarts()).append(cost.coldStarts() == 1 ? " cold start" : " cold starts");
            s.append(parts.isEmpty() ? "" : ": " + String.join(", ", parts));
        } else if (!parts.isEmpty()) {
            s.append(" — ").append(String.join(", ", parts));
        }
        return s.append(String.format(Locale.ROOT, "; %,.0f worker-seconds at %s per worker-hour = %s.", cost.workerSeconds(),
                price, Recommendation.money(cost.amount()))).toString();
    }

    /** {@code workerSeconds} spread over {@code workers}, as a duration. */
    private static String duration(double workerSeconds, int workers) {
        return DurationText.format(Math.round(workerSeconds / Math.max(1, workers) * 1e9));
    }
}
