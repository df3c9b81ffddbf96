package org.flowlab.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.flowlab.workloads.text.DurationText;

/**
 * Which configuration to run: the cheapest one whose results are correct, whose p99 per-record
 * latency is within the SLA and whose cost is within the budget — and a paragraph explaining the
 * choice in terms of latency need, throughput, cost, complexity and fault tolerance, built from the
 * measured numbers. Costs within {@value #COST_TIE_PERCENT} % of each other count as a tie, broken
 * in favour of the simpler paradigm (the one listed first: batch, then micro-batch, then stream), then the lower p99.
 * When nothing qualifies, {@link #closest()} names what comes closest and the paragraph says which
 * constraint fails. A configuration whose job failed for good (its restart strategy or retries were
 * exhausted) is never chosen nor named closest; the paragraph says which failed and why.
 *
 * @param sla         the SLA on p99 per-record latency, nanoseconds, if one was given
 * @param measure     which per-record latency the candidates' figures, and so the SLA, are of
 * @param budget      the budget per run, if one was given
 * @param outcome     whether a configuration was chosen, and if not why
 * @param choice      the chosen configuration
 * @param closest     when none qualifies: the one that comes closest
 * @param explanation the paragraph
 * @param candidates  every configuration weighed, in the order given
 */
public record Recommendation(OptionalLong sla, LatencyMeasure measure, OptionalDouble budget, Outcome outcome,
                             Optional<Candidate> choice,
                             Optional<Candidate> closest, String explanation, List<Candidate> candidates) {

    /** Up to this many other configurations, the paragraph names each; beyond, it sums them up. */
    static final int MAX_LISTED = 4;

    /** Costs this close, in percent of the cheaper, are a tie. */
    public static final double COST_TIE_PERCENT = 1.0;

    /** Whether a configuration was chosen, and if not, why. */
    public enum Outcome {
        /** A configuration meets every constraint. */
        CHOSEN,
        /** Some correct configuration meets the SLA, but none within the budget. */
        OVER_BUDGET,
        /** No correct configuration meets the SLA. */
        SLA_MISSED,
        /** No configuration that finished produced correct results. */
        NONE_CORRECT,
        /** Every configuration's job failed for good. */
        ALL_FAILED
    }

    public Recommendation {
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(closest, "closest");
        Objects.requireNonNull(explanation, "explanation");
        candidates = List.copyOf(candidates);
    }

    /** Whether {@code c} meets the SLA (always, without one). */
    public static boolean meetsSla(Candidate c, OptionalLong sla) {
        return sla.isEmpty() || c.p99Ms() * 1e6 <= sla.getAsLong();
    }

    /** Whether {@code c} is within the budget (always, without one). */
    public static boolean withinBudget(Candidate c, OptionalDouble budget) {
        return budget.isEmpty() || c.cost() <= budget.getAsDouble();
    }

    /**
     * How simple {@code c}'s engine is to run among {@code candidates}: the rank of the engine's first
     * candidate, since candidates come in the registry's order, from the simplest engine to the one with the
     * most moving parts (lower is simpler).
     */
    static int simplicity(List<Candidate> candidates, Candidate c) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).paradigm().equals(c.paradigm())) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a candidate: " + c);
    }

    /**
     * Weighs {@code candidates} (at least one, in the registry's order of their engines: simplest first),
     * whose latencies are {@code measure}'s, against the SLA and the budget.
     */
    public static Recommendation choose(List<Candidate> candidates, OptionalLong sla, LatencyMeasure measure,
                                        OptionalDouble budget) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nothing to recommend from");
        }
        List<Candidate> correct = candidates.stream().filter(c -> c.correct() && !c.failed()).toList();
        List<Candidate> meeting = correct.stream().filter(c -> meetsSla(c, sla)).toList();
        List<Candidate> eligible = meeting.stream().filter(c -> withinBudget(c, budget)).toList();
        Outcome outcome;
        Optional<Candidate> choice = Optional.empty();
        Optional<Candidate> closest = Optional.empty();
        if (!eligible.isEmpty()) {
            outcome = Outcome.CHOSEN;
            choice = Optional.of(cheapest(eligible));
        } else if (!meeting.isEmpty()) {
            outcome = Outcome.OVER_BUDGET;
            closest = Optional.of(cheapest(meeting));
        } else if (!correct.isEmpty()) {
            outcome = Outcome.SLA_MISSED;
            closest = correct.stream().min(Comparator.comparingDouble(Candidate::p99Ms)
                    .thenComparingDouble(Candidate::cost));
        } else if (candidates.stream().allMatch(Candidate::failed)) {
            outcome = Outcome.ALL_FAILED;
        } else {
            outcome = Outcome.NONE_CORRECT;
        }
        Optional<Candidate> subject = choice.isPresent() ? choice : closest;
        String text = new Paragraph(candidates, sla, measure, budget).write(outcome, subject);
        return new Recommendation(sla, measure, budget, outcome, choice, closest, text, candidates);
    }

    /** The cheapest, ties (within {@link #COST_TIE_PERCENT} %) to the simpler paradigm (listed first), then the lower p99. */
    static Candidate cheapest(List<Candidate> options) {
        double min = options.stream().mapToDouble(Candidate::cost).min().orElseThrow();
        double limit = min * (1 + COST_TIE_PERCENT / 100) + 1e-12;
        return options.stream().filter(c -> c.cost() <= limit)
                .min(Comparator.comparingInt((Candidate c) -> simplicity(options, c)).thenComparingDouble(Candidate::p99Ms)
                        .thenComparingDouble(Candidate::cost))
                .orElseThrow();
    }

    /** Writes the paragraph from the numbers. */
    private record Paragraph(List<Candidate> all, OptionalLong sla, LatencyMeasure measure, OptionalDouble budget) {

        String write(Outcome outcome, Optional<Candidate> subject) {
            StringBuilder s = new StringBuilder();
            switch (outcome) {
                case CHOSEN -> s.append("Recommended: ").append(subject.orElseThrow().title()).append(". ");
                case OVER_BUDGET -> s.append("Nothing fits both constraints: ")
                        .append(subject.orElseThrow().title()).append(" is the cheapest that meets the SLA, at ")
                        .append(money(subject.orElseThrow().cost())).append(" per run, over the budget of ")
                        .append(money(budget.orElseThrow())).append(". Raise the budget or relax the SLA. ");
                case SLA_MISSED -> s.append("No configuration meets the SLA of ").append(duration(sla.orElseThrow()))
                        .append(" on p99 ").append(measure.label()).append("; the closest is ").append(subject.orElseThrow().title())
                        .append(" at ").append(ms(subject.orElseThrow().p99Ms()))
                        .append(". Shorten the interval, add workers or relax the SLA. ");
                case NONE_CORRECT -> s.append("No configuration produced correct results (see the agreement section);"
                        + " none is recommended until they do. ");
                case ALL_FAILED -> s.append(all.size() == 1 ? "The configuration failed" : "Every configuration failed")
                        .append(", so none is recommended: a job that fails under these faults needs more retries, a"
                                + " restart strategy that allows more restarts, or fewer failures. ");
            }
            failures(s);
            if (subject.isEmpty()) {
                return s.toString().trim();
            }
            Candidate c = subject.get();
            latency(s, c);
            cost(s, c, outcome);
            throughput(s, c);
            s.append("Complexity: ").append(c.paradigm().label()).append(" is ").append(c.paradigm().complexity()).append(". ");
            faults(s, c);
            return s.toString().trim();
        }

        /** Which configurations failed and why; they are never recommended. */
        private void failures(StringBuilder s) {
            List<Candidate> failed = all.stream().filter(Candidate::failed).toList();
            if (failed.isEmpty()) {
                return;
            }
            List<String> named = new ArrayList<>();
            for (Candidate f : failed.subList(0, Math.min(failed.size(), MAX_LISTED))) {
                named.add(f.title() + " " + f.failure().clause());
            }
            s.append(failed.size() == 1 ? "Failed, so never recommended: " : "Failed, so never recommended (" + failed.size() + "): ")
                    .append(String.join("; ", named));
            if (failed.size() > MAX_LISTED) {
                s.append("; and ").append(failed.size() - MAX_LISTED).append(" more");
            }
            s.append(". ");
        }

        private void latency(StringBuilder s, Candidate c) {
            s.append("Latency need: ");
            if (sla.isPresent()) {
                s.append("its p99 per-record ").append(measure.label()).append(" of ").append(ms(c.p99Ms()))
                        .append(meetsSla(c, sla) ? " meets" : " misses").append(" the SLA of ").append(duration(sla.getAsLong()))
                        .append(" (median ").append(ms(c.p50Ms())).append(")");
            } else {
                s.append("no SLA was given, so every correct configuration qualifies; its p99 per-record ")
                        .append(measure.label()).append(" is ")
                        .append(ms(c.p99Ms())).append(" (median ").append(ms(c.p50Ms())).append(")");
            }
            if (c.lateRecords() > 0) {
                s.append(String.format(Locale.ROOT, ", its results without the %,d records it dropped as late", c.lateRecords()));
            }
            List<Candidate> rest = all.stream().filter(o -> o != c).toList();
            if (rest.size() <= MAX_LISTED) {
                List<String> others = new ArrayList<>();
                for (Candidate o : rest) {
                    if (o.failed()) {
                        others.add(o.title() + " failed");
                        continue;
                    }
                    others.add(o.title() + " " + ms(o.p99Ms())
                            + (sla.isPresent() ? (meetsSla(o, sla) ? ", meets it" : ", misses it") : "")
                            + (o.correct() ? "" : ", results wrong")
                            + (o.lateRecords() > 0 ? String.format(Locale.ROOT, ", %,d late", o.lateRecords()) : ""));
                }
                if (!others.isEmpty()) {
                    s.append("; p99 of the others: ").append(String.join("; ", others));
                }
            } else {
                long meeting = rest.stream().filter(o -> o.correct() && !o.failed() && meetsSla(o, sla)).count();
                Optional<Candidate> fastest = rest.stream().filter(o -> !o.failed())
                        .min(Comparator.comparingDouble(Candidate::p99Ms));
                s.append("; of the ").append(rest.size()).append(" other configurations");
                if (sla.isPresent()) {
                    s.append(", ").append(meeting).append(meeting == 1 ? " meets" : " meet").append(" the SLA too");
                }
                if (fastest.isPresent()) {
                    s.append(sla.isPresent() ? ", and" : "").append(rest.stream().anyMatch(Candidate::failed)
                                    ? " the fastest that finished is " : " the fastest is ").append(fastest.get().title())
                            .append(" with a p99 of ").append(ms(fastest.get().p99Ms()));
                } else {
                    s.append(sla.isPresent() ? ", and" : "").append(" none finished");
                }
            }
            s.append(". ");
        }

        private void cost(StringBuilder s, Candidate c, Outcome outcome) {
            s.append("Cost: ").append(money(c.cost())).append(" per run (")
                    .append(String.format(Locale.ROOT, "%,.0f", c.workerSeconds())).append(" worker-seconds)");
            if (budget.isPresent()) {
                s.append(withinBudget(c, budget) ? ", within" : ", over").append(" the budget of ").append(money(budget.getAsDouble()));
            }
            if (outcome == Outcome.CHOSEN) {
                // A failed run's cost covers it only up to the failure: no price to compare with.
                Candidate cheapestOverall = all.stream().filter(o -> !o.failed())
                        .min(Comparator.comparingDouble(Candidate::cost)).orElseThrow();
                if (cheapestOverall != c && cheapestOverall.cost() < c.cost() * (1 - COST_TIE_PERCENT / 100)) {
                    s.append("; ").append(cheapestOverall.title()).append(" would cost ").append(money(cheapestOverall.cost()))
                            .append(" but ").append(!cheapestOverall.correct() ? "its results are wrong"
                                    : !meetsSla(cheapestOverall, sla) ? "misses the SLA" : "is over the budget");
                }
                List<String> ties = new ArrayList<>();
                boolean simplest = true;
                for (Candidate o : all) {
                    if (o != c && o.correct() && meetsSla(o, sla) && withinBudget(o, budget)
                            && Math.abs(o.cost() - c.cost()) <= Math.min(o.cost(), c.cost()) * COST_TIE_PERCENT / 100 + 1e-12) {
                        ties.add(o.title());
                        simplest &= simplicity(all, o) > simplicity(all, c);
                    }
                }
                if (!ties.isEmpty()) {
                    String named = ties.size() <= 2 ? String.join(" and ", ties)
                            : ties.get(0) + ", " + ties.get(1) + " and " + (ties.size() - 2) + " more";
                    s.append("; it ties on cost with ").append(named)
                            .append(simplest ? " and wins as the simpler to run" : " and wins as the simplest, then the fastest");
                } else {
                    s.append("; the cheapest that qualifies");
                }
            }
            s.append(". ");
        }

        private void throughput(StringBuilder s, Candidate c) {
            s.append("Throughput: it processed ").append(rate(c.throughputPerSec())).append(" against an input of ")
                    .append(rate(c.inputRatePerSec())).append(", with at most ")
                    .append(String.format(Locale.ROOT, "%,d", c.maxBacklog())).append(" records waiting to be read. ");
        }

        private void faults(StringBuilder s, Candidate c) {
            boolean anyFault = all.stream().anyMatch(Paragraph::touched);
            if (!anyFault) {
                s.append("Fault tolerance: no failure touched the runs, so recovery was not measured"
                        + " (inject one with --faults, for example crash:worker=1@1h+30s).");
                return;
            }
            s.append("Fault tolerance: ").append(recovery(c, true));
            List<String> others = new ArrayList<>();
            if (all.size() <= MAX_LISTED + 1) {
                for (Candidate o : all) {
                    if (o != c) {
                        others.add(o.title() + ": " + recovery(o, false));
                    }
                }
            }
            if (!others.isEmpty()) {
                s.append(" (").append(String.join("; ", others)).append(")");
            }
            s.append(".");
        }

        /** Whether the faults cost {@code c} anything. */
        private static boolean touched(Candidate c) {
            return c.failed() || c.recoveryMs() > 0 || c.reprocessed() > 0 || c.duplicates() > 0;
        }

        private static String recovery(Candidate c, boolean full) {
            if (c.failed()) {
                return full ? c.failure().clause() : "failed (above)";
            }
            if (!touched(c)) {
                return full ? "the injected faults interrupted none of its work" : "untouched";
            }
            return (full ? "after the injected faults it recovered in " : "recovered in ") + ms(c.recoveryMs())
                    + (full ? ", reading " : ", ") + String.format(Locale.ROOT, "%,d", c.reprocessed())
                    + (full ? " records again, with " : " read again, ")
                    + (c.duplicates() == 0 ? "no duplicate outputs" : String.format(Locale.ROOT, "%,d duplicate outputs", c.duplicates()));
        }
    }

    /** Milliseconds as a duration people read: {@code 850 ms}, {@code 2.4 s}, {@code 1 h 05 m}. */
    static String ms(double millis) {
        return duration(Math.round(millis * 1e6));
    }

    static String duration(long nanos) {
        return DurationText.format(nanos);
    }

    /** An amount in the price's currency, to the cent above 1 and three significant digits below. */
    public static String money(double amount) {
        if (amount >= 1 || amount == 0) {
            return String.format(Locale.ROOT, "%,.2f", amount);
        }
        return String.format(Locale.ROOT, "%.3g", amount);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f records/s" : "%.3g records/s", perSecond);
    }
}
