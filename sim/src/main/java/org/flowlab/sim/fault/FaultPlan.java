package org.flowlab.sim.fault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * The faults to inject into a run, as data: the same plan is applied to every engine of a
 * comparison. One line of text gives a plan, parts joined by {@code ;}:
 * <pre>
 *   crash:worker=2@1h+30s        worker 2 dies at 1 h; restart 30 s after the failure is detected
 *                                (the "+30s" may be left out: {@value #DEFAULT_RESTART_TEXT})
 *   task-fail:mtbf=2h            each worker's tasks fail on average every 2 h, at seeded random
 *                                times that are the same for every engine (see {@link RandomTaskFailures})
 *   task-fail:worker=1@40m       what runs on worker 1 at 40 min fails (see {@link TaskFailure})
 *   slow:worker=1,x4@2h..3h      worker 1 is 4 times slower from 2 h to 3 h
 *   stall:source@10m..12m        nothing is read from the sources from 10 min to 12 min
 * </pre>
 * Times are virtual time from the start of the run; workers are numbered from 0. {@link #toString()}
 * writes the same syntax back, so {@code parse(plan.toString())} equals {@code plan}. Whether the
 * workers exist is checked against the cluster when a run starts ({@link #validateFor}).
 *
 * @param faults the faults, in the order given
 */
public record FaultPlan(List<Fault> faults) {

    /** No faults. Written {@code none}. */
    public static final FaultPlan NONE = new FaultPlan(List.of());

    static final String DEFAULT_RESTART_TEXT = "10s";

    /** The forms {@link #parse} accepts, for error messages. */
    public static final String ALLOWED = "crash:worker=N@TIME[+DELAY], task-fail:mtbf=DURATION, task-fail:worker=N@TIME,"
            + " slow:worker=N,xFACTOR@FROM..TO, stall:source@FROM..TO, joined by ';' (or none), times such as 90s, 10m, 1h30m";

    private static final Pattern CRASH = Pattern.compile("crash:worker=([^@]*)@([^+]*)(?:\\+(.*))?");
    private static final Pattern TASK_FAIL_MTBF = Pattern.compile("task-fail:mtbf=(.*)");
    private static final Pattern TASK_FAIL_AT = Pattern.compile("task-fail:worker=([^@]*)@(.*)");
    private static final Pattern TASK_FAIL_P = Pattern.compile("task-fail:p=.*");
    private static final Pattern SLOW = Pattern.compile("slow:worker=([^,]*),x([^@]*)@(.*)\\.\\.(.*)");
    private static final Pattern STALL = Pattern.compile("stall:source@(.*)\\.\\.(.*)");

    public FaultPlan {
        Objects.requireNonNull(faults, "faults");
        for (Fault f : faults) {
            Objects.requireNonNull(f, "a fault plan holds no null faults");
        }
        faults = List.copyOf(faults);
    }

    public static FaultPlan of(Fault... faults) {
        return new FaultPlan(List.of(faults));
    }

    /** This plan with one more fault. */
    public FaultPlan and(Fault fault) {
        List<Fault> more = new ArrayList<>(faults);
        more.add(fault);
        return new FaultPlan(more);
    }

    public boolean isNone() {
        return faults.isEmpty();
    }

    /**
     * The plan written in {@code text}; empty text or {@code none} is {@link #NONE}.
     *
     * @throws InvalidInputException naming the part that is wrong, what is wrong and the allowed forms
     */
    public static FaultPlan parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equals("none")) {
            return NONE;
        }
        List<Fault> faults = new ArrayList<>();
        String[] parts = trimmed.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            try {
                faults.add(parsePart(part));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("fault plan '" + trimmed + "': part " + (i + 1) + " '" + part + "': "
                        + e.getMessage() + "; allowed: " + ALLOWED);
            }
        }
        return new FaultPlan(faults);
    }

    private static Fault parsePart(String part) {
        if (part.isEmpty()) {
            throw new InvalidInputException("is empty (a stray ';'?)");
        }
        Matcher m = CRASH.matcher(part);
        if (m.matches()) {
            long delay = m.group(3) == null ? WorkerCrash.DEFAULT_RESTART_DELAY : duration(m.group(3), "the restart delay");
            return new WorkerCrash(worker(m.group(1)), duration(m.group(2), "the crash time"), delay);
        }
        m = TASK_FAIL_MTBF.matcher(part);
        if (m.matches()) {
            return new RandomTaskFailures(duration(m.group(1), "the mtbf"));
        }
        m = TASK_FAIL_AT.matcher(part);
        if (m.matches()) {
            return new TaskFailure(worker(m.group(1)), duration(m.group(2), "the failure time"));
        }
        if (TASK_FAIL_P.matcher(part).matches()) {
            throw new InvalidInputException("task-fail:p= is gone: a probability meant something different to each engine;"
                    + " task failures are now events in time, the same for every engine: write task-fail:mtbf=2h (each worker"
                    + " fails on average every 2 h) or task-fail:worker=1@40m");
        }
        m = SLOW.matcher(part);
        if (m.matches()) {
            return new SlowWorker(worker(m.group(1)), number(m.group(2), "the factor"),
                    duration(m.group(3), "the start"), duration(m.group(4), "the end"));
        }
        m = STALL.matcher(part);
        if (m.matches()) {
            return new SourceStall(duration(m.group(1), "the start"), duration(m.group(2), "the end"));
        }
        String kind = part.contains(":") ? part.substring(0, part.indexOf(':')) : part;
        if (kind.equals("crash") || kind.equals("task-fail") || kind.equals("slow") || kind.equals("stall")) {
            throw new InvalidInputException("is not a well-formed " + kind + " fault");
        }
        throw new InvalidInputException("'" + kind + "' is not a kind of fault");
    }

    private static int worker(String text) {
        String t = text.trim();
        if (!t.matches("\\d{1,9}")) {
            throw new InvalidInputException("the worker must be a whole number >= 0 (got '" + text + "')");
        }
        return Integer.parseInt(t);
    }

    private static double number(String text, String what) {
        try {
            double d = Double.parseDouble(text.trim());
            if (!Double.isFinite(d) || text.trim().matches(".*[a-zA-Z&&[^eE]].*")) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(what + " must be a number (got '" + text + "')");
        }
    }

    private static long duration(String text, String what) {
        try {
            return DurationText.parse(text.trim());
        } catch (DurationText.TooLongException e) {
            throw new InvalidInputException(what + " must be " + DurationText.LONGEST + " (got '" + text + "')");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(what + " must be " + DurationText.ALLOWED + " (got '" + text + "')");
        }
    }

    /**
     * Checks the plan against the cluster it will run on.
     *
     * @throws InvalidInputException if a fault names a worker the cluster does not have
     */
    public void validateFor(ClusterSpec cluster) {
        for (Fault f : faults) {
            int worker = f instanceof WorkerCrash c ? c.worker() : f instanceof SlowWorker s ? s.worker()
                    : f instanceof TaskFailure t ? t.worker() : -1;
            if (worker >= cluster.workers()) {
                throw new InvalidInputException("fault plan: " + f + " names worker " + worker + ", but the cluster has "
                        + cluster.workers() + (cluster.workers() == 1 ? " worker (0)" : " workers (0 to " + (cluster.workers() - 1) + ")"));
            }
        }
    }

    /** The worker crashes, by time (ties in plan order). */
    public List<WorkerCrash> crashes() {
        List<WorkerCrash> out = new ArrayList<>();
        for (Fault f : faults) {
            if (f instanceof WorkerCrash c) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingLong(WorkerCrash::at));
        return out;
    }

    /** The slow periods, in plan order. */
    public List<SlowWorker> slowdowns() {
        List<SlowWorker> out = new ArrayList<>();
        for (Fault f : faults) {
            if (f instanceof SlowWorker s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The source stalls, by start. */
    public List<SourceStall> stalls() {
        List<SourceStall> out = new ArrayList<>();
        for (Fault f : faults) {
            if (f instanceof SourceStall s) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong(SourceStall::from));
        return out;
    }

    /** Whether the plan has task failures, at fixed times or random ones. */
    public boolean hasTaskFailures() {
        for (Fault f : faults) {
            if (f instanceof TaskFailure || f instanceof RandomTaskFailures) {
                return true;
            }
        }
        return false;
    }

    /** When each worker's task failures happen on a cluster of {@code workers} workers, for the run seed {@code seed}. */
    public TaskFailureTimes taskFailureTimes(int workers, long seed) {
        return TaskFailureTimes.of(this, workers, seed);
    }

    /**
     * How many times slower {@code worker} runs at {@code t}: the product of the slow periods covering
     * it, or 1; at most {@link SlowWorker#MAX_FACTOR}, the bound of one period, however many overlap.
     */
    public double slowFactor(int worker, long t) {
        double factor = 1;
        for (Fault f : faults) {
            if (f instanceof SlowWorker s && s.worker() == worker && s.covers(t)) {
                factor *= s.factor();
            }
        }
        return Math.min(factor, SlowWorker.MAX_FACTOR);
    }

    /**
     * The first time after {@code t} at which {@code worker}'s {@linkplain #slowFactor slow factor}
     * may change (a slow period of it starts or ends), or {@code Long.MAX_VALUE} if none does.
     */
    public long nextSlowChange(int worker, long t) {
        long next = Long.MAX_VALUE;
        for (Fault f : faults) {
            if (f instanceof SlowWorker s && s.worker() == worker) {
                if (s.from() > t) {
                    next = Math.min(next, s.from());
                } else if (s.to() > t) {
                    next = Math.min(next, s.to());
                }
            }
        }
        return next;
    }

    /** The end of the stall covering {@code t}, stalls that overlap or touch taken together, or {@code t} if none covers it. */
    public long stallEnd(long t) {
        long end = t;
        boolean extended = true;
        while (extended) {
            extended = false;
            for (Fault f : faults) {
                if (f instanceof SourceStall s && s.covers(end)) {
                    end = s.to();
                    extended = true;
                }
            }
        }
        return end;
    }

    /** The plan syntax: parts joined by {@code ;}, or {@code none}. */
    @Override
    public String toString() {
        if (faults.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        for (Fault f : faults) {
            if (s.length() > 0) {
                s.append(';');
            }
            s.append(f);
        }
        return s.toString();
    }

    /** A number as text that {@link Double#parseDouble} reads back exactly: {@code 4}, {@code 2.5}, {@code 1.0E-4}. */
    static String exactNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
