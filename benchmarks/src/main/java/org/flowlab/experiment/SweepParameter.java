package org.flowlab.experiment;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.flowlab.sim.engine.EngineOption;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.RandomTaskFailures;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;

/**
 * What a sweep may vary, the kind of values it takes, and which engines it changes: a parameter
 * that does not concern an engine (a batch interval for the stream) leaves that engine's run as it
 * is, so the sweep runs it once for all those points. The parameters every engine shares (rate,
 * workers, the event-time contract, task failures, key skew) are fixed; the others are the engines'
 * own sweepable options, read from the {@link EngineRegistry} ({@link #all}), plus {@code interval},
 * which sets every engine's option named {@code interval} in its JSON form at once: the continuum from
 * batch to micro-batch, with the stream as its limit.
 */
public final class SweepParameter {
    /** The workload's mean input rate. */
    public static final SweepParameter RATE = new SweepParameter("rate", Kind.RATE, t -> true,
            (plan, v, p) -> plan.withRate(v, p.given(v)));
    /** Workers of every cluster. */
    public static final SweepParameter WORKERS = new SweepParameter("workers", Kind.WHOLE, t -> true,
            (plan, v, p) -> plan.withSettings(plan.settings().withWorkers((int) v)));
    /** The event-time contract's watermark delay, the same for every engine. */
    public static final SweepParameter WATERMARK_DELAY = new SweepParameter("watermark-delay", Kind.DURATION_OR_ZERO,
            t -> true, (plan, v, p) -> plan.withSettings(plan.settings().withWatermarkDelay((long) v)));
    /** The contract's allowed lateness, the same for every engine. */
    public static final SweepParameter ALLOWED_LATENESS = new SweepParameter("allowed-lateness", Kind.DURATION_OR_ZERO,
            t -> true, (plan, v, p) -> plan.withSettings(plan.settings().withAllowedLateness((long) v)));
    /** Each worker's mean time between task failures (the fault plan's {@code task-fail:mtbf} part). */
    public static final SweepParameter TASK_MTBF = new SweepParameter("task-mtbf", Kind.DURATION, t -> true,
            (plan, v, p) -> plan.withFaults(withTaskFailures(plan.faults(), (long) v)));
    /** The Zipf exponent s of the scenario's key distribution. */
    public static final SweepParameter KEY_SKEW = new SweepParameter("key-skew", Kind.POSITIVE, t -> true,
            (plan, v, p) -> plan.withWorkload(withKeySkew(plan.generatedSpec(p.id()), v, p.given(v))));
    /** The name of the parameter that sets every engine's {@code interval} option. */
    public static final String INTERVAL = "interval";

    private static final List<SweepParameter> SHARED = List.of(RATE, WORKERS, WATERMARK_DELAY, ALLOWED_LATENESS,
            TASK_MTBF, KEY_SKEW);
    /** The parameters that change the workload, so the trace is generated again at each of their values. */
    private static final List<SweepParameter> REGENERATING = List.of(RATE, KEY_SKEW);

    /** The kinds of value, how they are read and written. */
    public enum Kind {
        DURATION, DURATION_OR_ZERO, RATE, WHOLE, POSITIVE
    }

    /** Sets a parameter's value in a plan. */
    @FunctionalInterface
    private interface Setter {
        ComparisonPlan apply(ComparisonPlan plan, double value, SweepParameter parameter);
    }

    /**
     * Per scenario, the spec field holding its key distribution. A scenario whose field is a Zipf
     * distribution can have its skew swept; the others cannot.
     */
    static final Map<String, String> KEY_FIELDS = new LinkedHashMap<>();

    static {
        KEY_FIELDS.put("retail-etl", "stores");
        KEY_FIELDS.put("bank-eod", "accounts");
        KEY_FIELDS.put("crm-warehouse", "customers");
        KEY_FIELDS.put("card-fraud", "cards");
        KEY_FIELDS.put("stock-ticks", "symbols");
    }

    private final String id;
    private final Kind kind;
    private final Predicate<EngineType<?>> affects;
    private final Setter setter;
    private final List<String> options;
    private final boolean interval;

    private SweepParameter(String id, Kind kind, Predicate<EngineType<?>> affects, Setter setter) {
        this(id, kind, affects, setter, List.of(), false);
    }

    private SweepParameter(String id, Kind kind, Predicate<EngineType<?>> affects, Setter setter, List<String> options,
                           boolean interval) {
        this.id = id;
        this.kind = kind;
        this.affects = affects;
        this.setter = setter;
        this.options = List.copyOf(options);
        this.interval = interval;
    }

    /** The parameter that sets the engines' options {@code names} of {@code registry} to one duration. */
    private static SweepParameter ofOptions(String id, List<String> names, boolean interval, EngineRegistry registry) {
        return new SweepParameter(id, Kind.DURATION, t -> names.stream().anyMatch(n -> t.option(n) != null),
                (plan, v, p) -> {
                    EngineSettings s = plan.settings();
                    for (String name : names) {
                        s = s.set(registry, name, p.format(v));
                    }
                    return plan.withSettings(s);
                }, names, interval);
    }

    /**
     * Every parameter a sweep over {@code registry}'s engines may vary: each engine's sweepable options,
     * {@code interval} when some engine has a sweepable option of that JSON name, and the shared ones.
     */
    public static List<SweepParameter> all(EngineRegistry registry) {
        List<SweepParameter> all = new ArrayList<>();
        List<String> intervals = new ArrayList<>();
        for (Map.Entry<String, List<EngineType<?>>> e : registry.options().entrySet()) {
            EngineOption<?> option = e.getValue().get(0).option(e.getKey());
            if (option.sweepable()) {
                all.add(ofOptions(e.getKey(), List.of(e.getKey()), option.jsonName().equals(INTERVAL), registry));
                if (option.jsonName().equals(INTERVAL)) {
                    intervals.add(e.getKey());
                }
            }
        }
        if (!intervals.isEmpty()) {
            all.add(ofOptions(INTERVAL, intervals, true, registry));
        }
        all.addAll(SHARED);
        return all;
    }

    /** Whether a new value generates the trace again ({@code rate}, {@code key-skew}): a trace file fixes it. */
    public boolean regeneratesTrace() {
        return REGENERATING.contains(this);
    }

    /**
     * The ids of the parameters a sweep over {@code engines} may vary with a trace read from a file: every
     * one that leaves the trace as it is (the engines' own, {@code interval}, the shared ones but {@code rate}
     * and {@code key-skew}), for messages.
     */
    public static List<String> idsKeepingTheTrace(List<EngineType<?>> engines) {
        Map<String, EngineOption<?>> sweepable = new LinkedHashMap<>();
        for (EngineType<?> t : engines) {
            for (EngineOption<?> o : t.options()) {
                if (o.sweepable()) {
                    sweepable.putIfAbsent(o.name(), o);
                }
            }
        }
        List<String> ids = new ArrayList<>(sweepable.keySet());
        if (sweepable.values().stream().anyMatch(o -> o.jsonName().equals(INTERVAL))) {
            ids.add(INTERVAL);
        }
        SHARED.stream().filter(p -> !p.regeneratesTrace()).forEach(p -> ids.add(p.id));
        return ids;
    }

    /** Whether it sets how long engines wait between runs: {@code interval}, or an engine's option of that JSON name. */
    public boolean isInterval() {
        return interval;
    }

    /** The engines' options this parameter sets ({@code interval}: every interval option), empty for a shared one. */
    public List<String> options() {
        return options;
    }

    /** The name in {@code --vary}, for example {@code batch-interval}. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether changing it changes {@code paradigm}'s run. */
    public boolean affects(EngineType<?> paradigm) {
        return affects.test(paradigm);
    }

    /** Every parameter's name for {@code registry}'s engines, for messages. */
    public static String ids(EngineRegistry registry) {
        return all(registry).stream().map(SweepParameter::id).collect(Collectors.joining(", "));
    }

    /** The parameter named {@code text} among {@code registry}'s; anything else is an error listing them. */
    public static SweepParameter parse(String text, EngineRegistry registry) {
        for (SweepParameter p : all(registry)) {
            if (p.id.equals(text.trim())) {
                return p;
            }
        }
        throw new InvalidInputException("unknown parameter '" + text + "'; known: " + ids(registry));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepParameter p && p.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }

    /** Reads one value of this parameter from text: a duration, a rate, a whole number or a number. */
    public double read(String text) {
        String t = text.trim();
        try {
            return switch (kind) {
                case DURATION, DURATION_OR_ZERO -> {
                    if (t.startsWith("-")) {
                        throw new IllegalArgumentException("'" + t + "' must not be negative");
                    }
                    long nanos = DurationText.parse(t);
                    if (nanos <= 0 && kind == Kind.DURATION) {
                        throw new IllegalArgumentException("'" + t + "' must be a positive duration");
                    }
                    if (this.equals(TASK_MTBF) && nanos < RandomTaskFailures.MIN_MTBF) {
                        throw new IllegalArgumentException("'" + t + "' must be at least 1s");
                    }
                    yield nanos;
                }
                case RATE -> t.matches("[0-9.]+") ? positive(Double.parseDouble(t), t) : RateText.parse(t);
                case WHOLE -> {
                    if (!t.matches("\\d{1,6}") || Integer.parseInt(t) < 1) {
                        throw new IllegalArgumentException("'" + t + "' must be a whole number >= 1");
                    }
                    yield Integer.parseInt(t);
                }
                case POSITIVE -> positive(Double.parseDouble(t), t);
            };
        } catch (NumberFormatException e) {
            throw new InvalidInputException(id + ": '" + t + "' is not a number");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(id + ": " + e.getMessage());
        }
    }

    private static double positive(double v, String text) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("'" + text + "' must be a number > 0");
        }
        return v;
    }

    /** A value rounded to what the parameter can take: whole milliseconds, whole workers, four significant digits. */
    public double round(double v) {
        return switch (kind) {
            case DURATION -> Math.max(1_000_000L, Math.round(v / 1e6) * 1_000_000L);
            case DURATION_OR_ZERO -> Math.round(v / 1e6) * 1_000_000L;
            case WHOLE -> Math.max(1, Math.round(v));
            case RATE, POSITIVE -> v == 0 ? 0 : new java.math.BigDecimal(v)
                    .round(new java.math.MathContext(4)).doubleValue();
        };
    }

    /** A value as text, the way {@code --vary} reads it: {@code 1h}, {@code 2500/s}, {@code 4}, {@code 0.01}. */
    public String format(double v) {
        return switch (kind) {
            case DURATION, DURATION_OR_ZERO -> DurationText.exact((long) v);
            case RATE -> plain(v) + "/s";
            case WHOLE -> Long.toString((long) v);
            case POSITIVE -> plain(v);
        };
    }

    static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** How the user gave this parameter the value {@code v}, for messages: {@code --vary rate=500/s}. */
    String given(double v) {
        return "--vary " + id + "=" + format(v);
    }

    /** {@code plan} with this parameter set to {@code v}. */
    public ComparisonPlan apply(ComparisonPlan plan, double v) {
        return setter.apply(plan, v, this);
    }

    /** The plan's faults with any {@code task-fail:mtbf} part replaced by one of mean time between failures {@code mtbf}. */
    static FaultPlan withTaskFailures(FaultPlan faults, long mtbf) {
        List<Fault> kept = new ArrayList<>();
        for (Fault f : faults.faults()) {
            if (!(f instanceof RandomTaskFailures)) {
                kept.add(f);
            }
        }
        kept.add(new RandomTaskFailures(mtbf));
        return new FaultPlan(kept);
    }

    /**
     * The workload with its key distribution's Zipf exponent set to {@code s}.
     *
     * @throws InvalidInputException if the scenario has no Zipf key distribution, naming those that have one
     */
    static WorkloadSpec withKeySkew(WorkloadSpec spec, double s, String how) {
        checkKeySkew(spec);
        JsonObject distribution = new JsonObject();
        distribution.addProperty("s", s);
        JsonObject override = new JsonObject();
        override.add(KEY_FIELDS.get(spec.scenario()), distribution);
        return spec.override(override, how);
    }

    /** Checks that {@code spec}'s scenario has a Zipf key distribution. */
    static void checkKeySkew(WorkloadSpec spec) {
        if (!hasZipfKeys(spec)) {
            List<String> have = new ArrayList<>();
            for (String scenario : KEY_FIELDS.keySet()) {
                if (hasZipfKeys(WorkloadSpec.defaults(scenario))) {
                    have.add(scenario);
                }
            }
            throw new InvalidInputException("key-skew: scenario " + spec.scenario() + " has no Zipf key distribution; "
                    + "scenarios that have one: " + String.join(", ", have));
        }
    }

    private static boolean hasZipfKeys(WorkloadSpec spec) {
        String field = KEY_FIELDS.get(spec.scenario());
        if (field == null) {
            return false;
        }
        JsonObject settings = spec.settings();
        return settings.has(field) && settings.get(field).isJsonObject()
                && settings.getAsJsonObject(field).has("type")
                && "zipf".equals(settings.getAsJsonObject(field).get("type").getAsString().toLowerCase(Locale.ROOT));
    }
}
