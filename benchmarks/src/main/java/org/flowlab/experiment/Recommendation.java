package org.flowlab.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.text.DurationText;

/**
 * Which configuration to run: the cheapest one whose results are correct, whose p99 per-record
 * latency is within the SLA and whose cost is within the budget — said in a one-sentence
 * {@link #verdict()} and explained by one {@link Reason} per criterion (latency against the SLA,
 * results, cost, throughput, failures and recovery, complexity), built from the measured numbers.
 * Costs within {@value #COST_TIE_PERCENT} % of each other count as a tie, broken in favour of the
 * simpler paradigm (the one listed first: batch, then micro-batch, then stream), then the lower p99. When nothing
 * qualifies, {@link #closest()} names what comes closest and the verdict says which constraint
 * fails. A configuration whose job failed for good (its restart strategy or retries were exhausted)
 * is never chosen nor named closest; the failures reason says which failed and why.
 *
 * @param sla         the SLA on p99 per-record latency, nanoseconds, if one was given
 * @param measure     which per-record latency the candidates' figures, and so the SLA, are of
 * @param budget      the budget per run, if one was given
 * @param outcome     whether a configuration was chosen, and if not why
 * @param choice      the chosen configuration
 * @param closest     when none qualifies: the one that comes closest
 * @param verdict     what to run, and the one reason that decides it, in one sentence
 * @param reasons     the criteria weighed, one each, in the order people read them
 * @param candidates  every configuration weighed, in the order given
 */
public record Recommendation(OptionalLong sla, LatencyMeasure measure, OptionalDouble budget, Outcome outcome,
                             Optional<Candidate> choice,
                             Optional<Candidate> closest, String verdict, List<Reason> reasons, List<Candidate> candidates) {

    /** Up to this many other configurations, a reason names each; beyond, it sums them up. */
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
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        candidates = List.copyOf(candidates);
    }

    /**
     * One criterion of the recommendation and what the numbers say about it.
     *
     * @param criterion what is weighed, for example {@code Latency} or {@code Failures and recovery}
     * @param text      the finding, one or two sentences
     */
    public record Reason(String criterion, String text) {
        public Reason {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(text, "text");
        }

        /** {@code Latency: its p99 …}: the criterion, then the finding. */
        public String line() {
            return criterion + ": " + text;
        }
    }

    /** The verdict and every reason as one paragraph. */
    public String explanation() {
        StringBuilder s = new StringBuilder(verdict);
        for (Reason r : reasons) {
            s.append(' ').append(r.line());
        }
        return s.toString();
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
        return choose(candidates, sla, measure, budget, FaultPlan.NONE);
    }

    /** As {@link #choose(List, OptionalLong, LatencyMeasure, OptionalDouble)}, for runs given {@code faults}. */
    public static Recommendation choose(List<Candidate> candidates, OptionalLong sla, LatencyMeasure measure,
                                        OptionalDouble budget, FaultPlan faults) {
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
        Reasons why = new Reasons(candidates, sla, measure, budget, faults);
        return new Recommendation(sla, measure, budget, outcome, choice, closest, why.verdict(outcome, subject),
                why.list(outcome, subject), candidates);
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

    /** Writes the verdict and the reasons from the numbers. */
    private record Reasons(List<Candidate> all, OptionalLong sla, LatencyMeasure measure, OptionalDouble budget, FaultPlan faults) {

        String verdict(Outcome outcome, Optional<Candidate> subject) {
            return switch (outcome) {
                case CHOSEN -> "Run " + subject.orElseThrow().title() + ": " + why(subject.orElseThrow()) + ".";
                case OVER_BUDGET -> "Nothing fits both constraints: " + subject.orElseThrow().title()
                        + " is the cheapest that meets the SLA, at " + money(subject.orElseThrow().cost())
                        + " per run, over the budget of " + money(budget.orElseThrow()) + " — raise the budget or relax the SLA.";
                case SLA_MISSED -> "No configuration meets the SLA of " + duration(sla.orElseThrow()) + " on p99 "
                        + measure.label() + "; the closest is " + subject.orElseThrow().title() + " at "
                        + ms(subject.orElseThrow().p99Ms()) + " — shorten the interval, add workers or relax the SLA.";
                case NONE_CORRECT -> "None is recommended: no configuration produced correct results (see the agreement section).";
                case ALL_FAILED -> (all.size() == 1 ? "The configuration failed" : "Every configuration failed")
                        + ", so none is recommended: a job that fails under these faults needs more retries, a"
                        + " restart strategy that allows more restarts, or fewer failures.";
            };
        }

        /** One reason per criterion about {@code subject}; without one, only what went wrong. */
        List<Reason> list(Outcome outcome, Optional<Candidate> subject) {
            List<Reason> reasons = new ArrayList<>();
            if (subject.isEmpty()) {
                List<String> wrong = all.stream().filter(o -> !o.failed() && !o.correct()).map(Candidate::title).toList();
                if (!wrong.isEmpty()) {
                    reasons.add(new Reason("Results", "wrong for " + listed(wrong) + "."));
                }
                String failures = failures();
                if (!failures.isEmpty()) {
                    reasons.add(new Reason("Failures and recovery", failures));
                }
                return reasons;
            }
            Candidate c = subject.get();
            reasons.add(new Reason("Latency", latency(c)));
            reasons.add(new Reason("Results", results(c)));
            reasons.add(new Reason("Cost", cost(c, outcome)));
            reasons.add(new Reason("Throughput", throughput(c)));
            reasons.add(new Reason("Failures and recovery", faults(c)));
            reasons.add(new Reason("Complexity", c.paradigm().label() + " is " + c.paradigm().complexity() + "."));
            return reasons;
        }

        /** Why the chosen {@code c} wins, a clause: the only one that qualifies, or the cheapest of those that do. */
        private String why(Candidate c) {
            long qualifying = all.stream().filter(o -> o.correct() && meetsSla(o, sla) && withinBudget(o, budget)).count();
            if (qualifying == 1) {
                return "the only one that " + constraints(false);
            }
            String cheapest = "the cheapest of the " + qualifying + " that " + constraints(true);
            List<Candidate> ties = ties(c);
            if (ties.isEmpty()) {
                return cheapest;
            }
            return cheapest + ", tied on cost with " + listed(ties.stream().map(Candidate::title).toList())
                    + (simplest(c, ties) ? " and simpler to run" : ", and of those the simplest to run, then the fastest");
        }

        /**
         * What a configuration must do to qualify, a predicate for one ({@code meets the SLA …}) or
         * several; correct results are named when some configuration lacks them or nothing else is asked.
         */
        private String constraints(boolean plural) {
            List<String> clauses = new ArrayList<>();
            if ((sla.isEmpty() && budget.isEmpty()) || all.stream().anyMatch(o -> !o.failed() && !o.correct())) {
                clauses.add((plural ? "have" : "has") + " correct results");
            }
            sla.ifPresent(nanos -> clauses.add((plural ? "meet" : "meets") + " the SLA of " + duration(nanos) + " on p99 "
                    + measure.label()));
            budget.ifPresent(amount -> clauses.add((plural ? "are" : "is") + " within the budget of " + money(amount)));
            return listed(clauses);
        }

        /** The other qualifying configurations whose cost ties with {@code c}'s. */
        private List<Candidate> ties(Candidate c) {
            return all.stream().filter(o -> o != c && o.correct() && meetsSla(o, sla) && withinBudget(o, budget)
                    && Math.abs(o.cost() - c.cost()) <= Math.min(o.cost(), c.cost()) * COST_TIE_PERCENT / 100 + 1e-12).toList();
        }

        /** Whether {@code c} won a tie on cost by being simpler than every configuration it tied with. */
        private boolean simplest(Candidate c, List<Candidate> ties) {
            return ties.stream().allMatch(o -> simplicity(all, o) > simplicity(all, c));
        }

        /** {@code a}, {@code a and b}, or {@code a, b and 3 more}. */
        private static String listed(List<String> names) {
            if (names.size() <= 2) {
                return String.join(" and ", names);
            }
            return names.size() == 3 ? names.get(0) + ", " + names.get(1) + " and " + names.get(2)
                    : names.get(0) + ", " + names.get(1) + " and " + (names.size() - 2) + " more";
        }

        /** Which configurations failed and why; they are never recommended. Empty when none failed. */
        private String failures() {
            List<Candidate> failed = all.stream().filter(Candidate::failed).toList();
            if (failed.isEmpty()) {
                return "";
            }
            StringBuilder s = new StringBuilder();
            List<String> named = new ArrayList<>();
            for (Candidate f : failed.subList(0, Math.min(failed.size(), MAX_LISTED))) {
                named.add(f.title() + " " + f.failure().clause());
            }
            s.append(failed.size() == 1 ? "Failed, so never recommended: " : "Failed, so never recommended (" + failed.size() + "): ")
                    .append(String.join("; ", named));
            if (failed.size() > MAX_LISTED) {
                s.append("; and ").append(failed.size() - MAX_LISTED).append(" more");
            }
            return s.append(".").toString();
        }

        private String latency(Candidate c) {
            StringBuilder s = new StringBuilder();
            if (sla.isPresent()) {
                s.append("its p99 per-record ").append(measure.label()).append(" of ").append(ms(c.p99Ms()))
                        .append(meetsSla(c, sla) ? " meets" : " misses").append(" the SLA of ").append(duration(sla.getAsLong()))
                        .append(" (median ").append(ms(c.p50Ms())).append(")");
            } else {
                s.append("no SLA was given, so every correct configuration qualifies; its p99 per-record ")
                        .append(measure.label()).append(" is ")
                        .append(ms(c.p99Ms())).append(" (median ").append(ms(c.p50Ms())).append(")");
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
                            + (sla.isPresent() ? (meetsSla(o, sla) ? ", meets it" : ", misses it") : ""));
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
            return s.append(".").toString();
        }

        /** Whether {@code c}'s results and the others' agree with the oracle's, and without which late records. */
        private String results(Candidate c) {
            StringBuilder s = new StringBuilder("its results agree with the reference oracle's");
            if (c.lateRecords() > 0) {
                s.append(String.format(Locale.ROOT, ", without the %,d records it dropped as late", c.lateRecords()));
            }
            List<Candidate> rest = all.stream().filter(o -> o != c && !o.failed()).toList();
            if (rest.size() <= MAX_LISTED) {
                for (Candidate o : rest) {
                    s.append("; ").append(o.title()).append(!o.correct() ? " is wrong" : o.lateRecords() > 0
                            ? String.format(Locale.ROOT, " agrees without the %,d it dropped as late", o.lateRecords()) : " agrees");
                }
            } else {
                long wrong = rest.stream().filter(o -> !o.correct()).count();
                s.append("; of the ").append(rest.size()).append(" other configurations that finished, ")
                        .append(wrong == 0 ? "every one agrees" : wrong + (wrong == 1 ? " is" : " are") + " wrong");
            }
            return s.append(".").toString();
        }

        private String cost(Candidate c, Outcome outcome) {
            StringBuilder s = new StringBuilder();
            s.append(money(c.cost())).append(" per run (")
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
                List<Candidate> ties = ties(c);
                if (!ties.isEmpty()) {
                    s.append("; it ties on cost with ").append(listed(ties.stream().map(Candidate::title).toList()))
                            .append(simplest(c, ties) ? " and wins as the simpler to run" : " and wins as the simplest, then the fastest");
                } else {
                    s.append("; the cheapest that qualifies");
                }
            }
            return s.append(".").toString();
        }

        private String throughput(Candidate c) {
            return "it processed " + rate(c.throughputPerSec()) + " against an input of " + rate(c.inputRatePerSec())
                    + ", with at most " + String.format(Locale.ROOT, "%,d", c.maxBacklog()) + " records waiting to be read.";
        }

        /** How {@code c} and the others that finished came through the faults, then which failed for good. */
        private String faults(Candidate c) {
            boolean anyFault = all.stream().anyMatch(Reasons::touched);
            if (!anyFault && faults.isNone()) {
                return "no failure touched the runs, so recovery was not measured"
                        + " (inject one with --faults, for example crash:worker=1@1h+30s).";
            }
            if (!anyFault) {
                return "the faults given (" + faults + ") made no run fail or read anything again, so recovery was not"
                        + " measured (a fault after a run has ended, or on a worker without tasks, does nothing).";
            }
            StringBuilder s = new StringBuilder(recovery(c, true));
            List<String> others = new ArrayList<>();
            if (all.size() <= MAX_LISTED + 1) {
                for (Candidate o : all) {
                    if (o != c && !o.failed()) {
                        others.add(o.title() + ": " + recovery(o, false));
                    }
                }
            }
            if (!others.isEmpty()) {
                s.append(" (").append(String.join("; ", others)).append(")");
            }
            s.append(".");
            String failures = failures();
            return failures.isEmpty() ? s.toString() : s + " " + failures;
        }

        /** Whether the faults cost {@code c} anything. */
        private static boolean touched(Candidate c) {
            return c.failed() || c.recoveryMs() > 0 || c.reprocessed() > 0 || c.duplicates() > 0;
        }

        /** How {@code c}, which finished, came through the faults: in full for the subject, briefly for the others. */
        private static String recovery(Candidate c, boolean full) {
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
