package org.flowlab.flink;

import java.util.Map;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;

/**
 * A few thousand events of a scenario, long enough in event time for its jobs' windows (the sizes
 * the sim module's catalog tests use).
 */
final class SmallTraces {

    private record Size(String duration, double rate) {
    }

    private static final Map<String, Size> SIZES = Map.of(
            "card-fraud", new Size("1h", 1),
            "stock-ticks", new Size("10s", 300),
            "infra-monitoring", new Size("1h", 1),
            "nexmark", new Size("20s", 250),
            "retail-etl", new Size("2d", 0.025),
            "bank-eod", new Size("2d", 0.025),
            "crm-warehouse", new Size("28d", 0.002));

    private SmallTraces() {
    }

    static Trace of(String scenario, long seed) {
        Size size = SIZES.get(scenario);
        if (size == null) {
            throw new IllegalArgumentException("no small size for scenario " + scenario);
        }
        WorkloadSpec spec = WorkloadSpec.defaults(scenario).withDuration(DurationText.parse(size.duration())).withRate(size.rate());
        return WorkloadGenerator.generate(spec, seed);
    }
}
