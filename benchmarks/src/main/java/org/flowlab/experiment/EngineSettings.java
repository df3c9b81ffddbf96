package org.flowlab.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.CommonSettings;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.workloads.InvalidInputException;

/**
 * The knobs a comparison sets on its engines: the {@link CommonSettings} every engine gets alike (cluster,
 * cost model, event-time contract, output mode), and each engine's own settings record by engine id — an
 * engine whose own settings were never set runs with its type's defaults. Times are virtual nanoseconds.
 *
 * @param common what every engine gets alike
 * @param own    engines' own settings, by engine id, each of its type's {@link EngineType#settingsType()}
 */
public record EngineSettings(CommonSettings common, Map<String, Object> own) {

    /** {@link CommonSettings#DEFAULTS}, and every engine's own defaults. */
    public static final EngineSettings DEFAULTS = new EngineSettings(CommonSettings.DEFAULTS, Map.of());

    public EngineSettings {
        Objects.requireNonNull(common, "common");
        own = Map.copyOf(own);
    }

    public static EngineSettings defaults() {
        return DEFAULTS;
    }

    public ClusterSpec cluster() {
        return common.cluster();
    }

    public EventTimeContract eventTime() {
        return common.eventTime();
    }

    public OutputMode output() {
        return common.output();
    }

    public CostModel costs() {
        return common.costs();
    }

    /** {@code type}'s own settings: as set, or its defaults. */
    public <S> S of(EngineType<S> type) {
        Object s = own.get(type.id());
        return s == null ? type.defaults() : type.cast(s);
    }

    /** {@code type}'s own settings changed by {@code change}. */
    public <S> EngineSettings with(EngineType<S> type, UnaryOperator<S> change) {
        Map<String, Object> changed = new LinkedHashMap<>(own);
        changed.put(type.id(), Objects.requireNonNull(change.apply(of(type)), "settings"));
        return new EngineSettings(common, changed);
    }

    /**
     * These settings with option {@code name} set from {@code text} in every engine of {@code registry} that
     * has an option of that name, as the flag {@code --name text} does.
     *
     * @throws InvalidInputException if no engine has the option, or the value is bad
     */
    public EngineSettings set(EngineRegistry registry, String name, String text) {
        EngineSettings s = this;
        boolean found = false;
        for (EngineType<?> type : registry.all()) {
            if (type.option(name) != null) {
                s = s.setIn(type, name, text);
                found = true;
            }
        }
        if (!found) {
            throw new InvalidInputException("no engine has an option '" + name + "'; options: "
                    + String.join(", ", registry.options().keySet()));
        }
        return s;
    }

    private <S> EngineSettings setIn(EngineType<S> type, String name, String text) {
        return with(type, s -> type.set(s, name, text));
    }

    /** The engine of {@code type}, built from these settings, injecting {@code faults}, drawing its randomness from {@code seed}. */
    public Engine create(EngineType<?> type, FaultPlan faults, long seed) {
        return type.create(common, of(type), faults, seed);
    }

    /** How long {@code type} waits between runs with these settings, 0 for an engine that runs continuously. */
    public long triggerInterval(EngineType<?> type) {
        return type.triggerIntervalOf(of(type));
    }

    /** When {@code type} gives up after failures with these settings, one sentence. */
    public String givingUp(EngineType<?> type) {
        return type.givingUpOf(of(type));
    }

    /** The settings that concern {@code type}, for tables and legends: {@code every 1h}. */
    public String describe(EngineType<?> type) {
        return type.describe(of(type), common);
    }

    public EngineSettings withCommon(CommonSettings c) {
        return new EngineSettings(c, own);
    }

    public EngineSettings withCluster(ClusterSpec c) {
        return withCommon(common.withCluster(c));
    }

    public EngineSettings withWorkers(int workers) {
        return withCluster(cluster().withWorkers(workers));
    }

    public EngineSettings withEventTime(EventTimeContract contract) {
        return withCommon(common.withEventTime(contract));
    }

    public EngineSettings withOutput(OutputMode mode) {
        return withCommon(common.withOutput(mode));
    }

    public EngineSettings withCosts(CostModel c) {
        return withCommon(common.withCosts(c));
    }

    /** With the event-time contract's watermark delay {@code nanos}, its allowed lateness kept. */
    public EngineSettings withWatermarkDelay(long nanos) {
        return withEventTime(eventTime().withWatermarkDelay(nanos));
    }

    /** With the event-time contract's allowed lateness {@code nanos}, its watermark delay kept. */
    public EngineSettings withAllowedLateness(long nanos) {
        return withEventTime(eventTime().withAllowedLateness(nanos));
    }
}
