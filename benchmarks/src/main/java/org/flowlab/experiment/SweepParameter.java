package org.flowlab.experiment;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.RandomTaskFailures;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;

/**
 * What a sweep may vary, the kind of values it takes, and which engines it changes: a parameter
 * that does not concern an engine (a batch interval for the stream) leaves that engine's run as it
 * is, so the sweep runs it once for all those points.
 */
public enum SweepParameter {
    /** The batch schedule's interval. */
    BATCH_INTERVAL("batch-interval", Kind.DURATION, EnumSet.of(Paradigm.BATCH)),
    /** The micro-batch trigger interval. */
    MICROBATCH_INTERVAL("microbatch-interval", Kind.DURATION, EnumSet.of(Paradigm.MICROBATCH)),
    /** Both intervals at once: the continuum from batch to micro-batch, with the stream as its limit. */
    INTERVAL("interval", Kind.DURATION, EnumSet.of(Paradigm.BATCH, Paradigm.MICROBATCH)),
    /** The workload's mean input rate. */
    RATE("rate", Kind.RATE, EnumSet.allOf(Paradigm.class)),
    /** Workers of every cluster. */
    WORKERS("workers", Kind.WHOLE, EnumSet.allOf(Paradigm.class)),
    /** The stream's checkpoint interval. */
    CHECKPOINT_INTERVAL("checkpoint-interval", Kind.DURATION, EnumSet.of(Paradigm.STREAM)),
    /** The event-time contract's watermark delay, the same for every engine. */
    WATERMARK_DELAY("watermark-delay", Kind.DURATION_OR_ZERO, EnumSet.allOf(Paradigm.class)),
    /**
     * The contract's allowed lateness: what the engines that drop late records keep (the batch
     * engine corrects late records whatever the lateness, so its results do not depend on it).
     */
    ALLOWED_LATENESS("allowed-lateness", Kind.DURATION_OR_ZERO, EnumSet.of(Paradigm.MICROBATCH, Paradigm.STREAM)),
    /** Each worker's mean time between task failures (the fault plan's {@code task-fail:mtbf} part). */
    TASK_MTBF("task-mtbf", Kind.DURATION, EnumSet.allOf(Paradigm.class)),
    /** The Zipf exponent s of the scenario's key distribution. */
    KEY_SKEW("key-skew", Kind.POSITIVE, EnumSet.allOf(Paradigm.class));

    /** The kinds of value, how they are read and written. */
    public enum Kind {
        DURATION, DURATION_OR_ZERO, RATE, WHOLE, POSITIVE
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
    private final Set<Paradigm> affects;

    SweepParameter(String id, Kind kind, Set<Paradigm> affects) {
        this.id = id;
        this.kind = kind;
        this.affects = affects;
    }

    /** The name in {@code --vary}, for example {@code batch-interval}. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether changing it changes {@code paradigm}'s run. */
    public boolean affects(Paradigm paradigm) {
        return affects.contains(paradigm);
    }

    public static String ids() {
        return Arrays.stream(values()).map(SweepParameter::id).collect(Collectors.joining(", "));
    }

    public static SweepParameter parse(String text) {
        for (SweepParameter p : values()) {
            if (p.id.equals(text.trim())) {
                return p;
            }
        }
        throw new InvalidInputException("unknown parameter '" + text + "'; known: " + ids());
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
                    if (this == TASK_MTBF && nanos < RandomTaskFailures.MIN_MTBF) {
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

    /** {@code plan} with this parameter set to {@code v}. */
    public ComparisonPlan apply(ComparisonPlan plan, double v) {
        EngineSettings s = plan.settings();
        return switch (this) {
            case BATCH_INTERVAL -> plan.withSettings(s.withBatchInterval((long) v));
            case MICROBATCH_INTERVAL -> plan.withSettings(s.withMicrobatchInterval((long) v));
            case INTERVAL -> plan.withSettings(s.withBatchInterval((long) v).withMicrobatchInterval((long) v));
            case RATE -> plan.withRate(v);
            case WORKERS -> plan.withSettings(s.withWorkers((int) v));
            case CHECKPOINT_INTERVAL -> plan.withSettings(s.withCheckpointInterval((long) v));
            case WATERMARK_DELAY -> plan.withSettings(s.withWatermarkDelay((long) v));
            case ALLOWED_LATENESS -> plan.withSettings(s.withAllowedLateness((long) v));
            case TASK_MTBF -> plan.withFaults(withTaskFailures(plan.faults(), (long) v));
            case KEY_SKEW -> plan.withWorkload(withKeySkew(plan.workload(), v));
        };
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
    static WorkloadSpec withKeySkew(WorkloadSpec spec, double s) {
        checkKeySkew(spec);
        JsonObject distribution = new JsonObject();
        distribution.addProperty("s", s);
        JsonObject override = new JsonObject();
        override.add(KEY_FIELDS.get(spec.scenario()), distribution);
        return spec.merge(spec.source(), override);
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
