package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.spec.SpecReader;

/** The JSON fields both batch configurations share: how runs execute. */
final class ConfigJson {
    static final List<String> COMMON = List.of("cluster", "workers", "slotsPerWorker", "pricePerWorkerHour",
            "targetTaskRecords", "maxAttempts", "rerunDelay", "speculation", "faults", "heartbeatTimeout", "warmPool", "seed");

    private ConfigJson() {
    }

    static List<String> withCommon(String... own) {
        List<String> all = new ArrayList<>(List.of(own));
        all.addAll(COMMON);
        return all;
    }

    /**
     * {@code c} with the fields every batch configuration shares: the event-time contract, the
     * output mode and the execution settings, each optional.
     */
    static <C extends RunLoopConfig<C>> C shared(SpecReader r, C c) {
        c = c.withEventTime(eventTime(r, c.eventTime()));
        if (r.has("output")) {
            c = c.withOutput(output(r));
        }
        return c.withExecution(execution(r, c.execution()));
    }

    /** The JSON's {@code output}: {@code final} or {@code updates}. */
    static OutputMode output(SpecReader r) {
        return OutputMode.parse(r.oneOf("output", List.of("final", "updates")));
    }

    /** The contract {@code c} with the JSON's {@code watermarkDelay} and {@code allowedLateness}, each optional. */
    static EventTimeContract eventTime(SpecReader r, EventTimeContract c) {
        for (String field : List.of("watermarkDelay", "allowedLateness")) {
            if (!r.has(field)) {
                continue;
            }
            long nanos = r.durationOrZero(field);
            try {
                c = field.equals("watermarkDelay") ? c.withWatermarkDelay(nanos) : c.withAllowedLateness(nanos);
            } catch (InvalidInputException e) {
                throw r.error(field, "must be a duration from 0s to 366d (got \"" + r.string(field) + "\")");
            }
        }
        return c;
    }

    static ExecutionSettings execution(SpecReader r, ExecutionSettings e) {
        if (r.has("cluster")) {
            e = e.withClusterMode(ClusterMode.valueOf(r.oneOf("cluster", List.of("fixed", "ephemeral")).toUpperCase(Locale.ROOT)));
        }
        if (r.has("workers")) {
            e = e.withCluster(e.cluster().withWorkers(r.positiveInt("workers")));
        }
        if (r.has("slotsPerWorker")) {
            e = e.withCluster(e.cluster().withSlotsPerWorker(r.positiveInt("slotsPerWorker")));
        }
        if (r.has("pricePerWorkerHour")) {
            e = e.withCluster(e.cluster().withPricePerWorkerHour(r.nonNegative("pricePerWorkerHour")));
        }
        if (r.has("targetTaskRecords")) {
            e = e.withTargetTaskRecords(r.integer("targetTaskRecords", 1, Long.MAX_VALUE));
        }
        if (r.has("maxAttempts")) {
            e = e.withRetries(e.retries().withMaxAttempts((int) r.integer("maxAttempts", 1, 1000)));
        }
        if (r.has("rerunDelay")) {
            e = e.withRetries(e.retries().withRerunDelay(r.durationOrZero("rerunDelay")));
        }
        if (r.has("speculation")) {
            e = e.withSpeculation(r.bool("speculation") ? Speculation.SPARK : Speculation.OFF);
        }
        if (r.has("faults")) {
            try {
                e = e.withFaults(FaultPlan.parse(r.string("faults")));
            } catch (InvalidInputException ex) {
                throw r.error("faults", ex.getMessage());
            }
        }
        if (r.has("heartbeatTimeout")) {
            e = e.withHeartbeatTimeout(r.durationOrZero("heartbeatTimeout"));
        }
        if (r.has("warmPool")) {
            e = e.withWarmPool(r.durationOrZero("warmPool"));
        }
        if (r.has("seed")) {
            e = e.withSeed(r.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
        return e;
    }
}
