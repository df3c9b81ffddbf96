package org.flowlab.cli;

import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.workloads.WorkloadSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The seed and the overrides of a generated workload: {@code --seed}, {@code --duration}, {@code --rate}. */
final class WorkloadOverrides {

    /** The seed used when none is given: the same as a comparison's, so describe shows the trace compare replays. */
    static final long DEFAULT_SEED = ComparisonPlan.DEFAULT_SEED;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DEFAULT_SEED,
            description = "Random seed; the same scenario, seed and version give the same trace (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Event-time span to generate, e.g. 500ms, 10s, 5m, 2h, 1d (default: the scenario's).")
    Long duration;

    @Option(names = "--rate", paramLabel = "R", converter = RateConverter.class,
            description = "Mean input rate, e.g. 20000/s or 3/ms (default: the scenario's).")
    Double rate;

    /** Where these options are mixed in: it keeps their text as given, for messages. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** {@code spec} with the overrides applied; an error about one names the option. */
    WorkloadSpec applyTo(WorkloadSpec spec) {
        WorkloadSpec result = spec;
        if (duration != null) {
            result = result.withDuration(duration, GivenOption.text(command, "--duration"));
        }
        if (rate != null) {
            result = result.withRate(rate, GivenOption.text(command, "--rate"));
        }
        return result;
    }

    /** Whether any override other than the seed was given. */
    boolean changesSpec() {
        return duration != null || rate != null;
    }
}
