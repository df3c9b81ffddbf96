package org.flowlab.torture;

import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.sim.engine.EngineOption;
import org.flowlab.workloads.text.DurationText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.experiment.EngineSettings;
import org.flowlab.experiment.JobChoice;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;

/**
 * One drawn run of a torture: a comparison plan built only from what {@code flowlab compare}'s
 * flags can say — a catalog scenario with its default spec, a catalog job, the trace's duration
 * and rate, the seed, the engine settings and the faults — so that {@link #command()} replays it.
 *
 * @param index     the run's number in its torture, from 0
 * @param scenario  the catalog scenario
 * @param job       the scenario's catalog job
 * @param duration  the span of event time to generate, nanoseconds
 * @param rate      the mean input rate, whole events per second
 * @param seed      the seed of the trace and of every engine
 * @param settings  the engines' settings (the default cost model)
 * @param faults    the faults injected into every engine
 */
public record TortureCase(int index, String scenario, String job, long duration, long rate, long seed,
                          EngineSettings settings, FaultPlan faults) {

    /** The engines a torture case runs: the standard ones, whose settings {@link CaseGenerator} draws. */
    public static final List<EngineType<?>> ENGINES = EngineRegistry.STANDARD.all();

    public TortureCase {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(faults, "faults");
        if (duration <= 0 || rate <= 0) {
            throw new IllegalArgumentException("a torture case needs a positive duration and rate");
        }
        if (!settings.costs().equals(EngineSettings.DEFAULTS.costs())) {
            throw new IllegalArgumentException("a torture case runs the default cost model, which no flag needs to name");
        }
    }

    /** The comparison: what {@code flowlab compare} builds from {@link #compareArguments()}. */
    public ComparisonPlan plan() {
        return ComparisonPlan.of(WorkloadSpec.defaults(scenario)).withDuration(duration).withRate(rate).withSeed(seed)
                .withJob(JobChoice.named(job)).withEngines(ENGINES).withSettings(settings)
                .withFaults(faults);
    }

    /** The arguments of {@code flowlab compare} that run this case: every drawn setting as a flag. */
    public List<String> compareArguments() {
        List<String> a = new ArrayList<>(List.of("compare", "--scenario", scenario, "--job", job, "--seed", Long.toString(seed),
                "--duration", DurationText.exact(duration), "--rate", rate + "/s",
                "--workers", Integer.toString(settings.cluster().workers()),
                "--watermark-delay", DurationText.exact(settings.eventTime().watermarkDelay()),
                "--allowed-lateness", DurationText.exact(settings.eventTime().allowedLateness()),
                "--output", settings.output().id()));
        List<String> named = new ArrayList<>();
        for (EngineType<?> engine : ENGINES) {
            optionFlags(engine, named, a);
        }
        a.add("--faults");
        a.add(faults.toString());
        return a;
    }

    /** Adds {@code engine}'s options not yet {@code named} to {@code arguments}, each as a flag and its value. */
    private <S> void optionFlags(EngineType<S> engine, List<String> named, List<String> arguments) {
        S own = settings.of(engine);
        for (EngineOption<S> option : engine.options()) {
            if (!named.contains(option.name())) {
                named.add(option.name());
                arguments.add("--" + option.name());
                arguments.add(option.text().apply(own));
            }
        }
    }

    /** The one shell command that replays this run: {@code ./flowlab compare --scenario ... --faults '...'}. */
    public String command() {
        StringBuilder s = new StringBuilder("./flowlab");
        for (String arg : compareArguments()) {
            s.append(' ').append(arg.matches("[A-Za-z0-9_./:=@,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }
}
