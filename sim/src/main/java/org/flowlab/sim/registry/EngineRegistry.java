package org.flowlab.sim.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.engine.EngineOption;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.stream.StreamEngineType;
import org.flowlab.workloads.InvalidInputException;

/**
 * The engines a comparison can run, in the order tables and charts show them: from the one that waits
 * longest to the one that waits least. {@link #STANDARD} holds one registration line per engine of this
 * build; a test (or a user's own build) adds one with {@link #with}. Flags, run.json, the report, the
 * charts and the sweep read engines from here, never from a closed list.
 */
public final class EngineRegistry {

    /** The engines of this build: one line each. */
    public static final EngineRegistry STANDARD = new EngineRegistry(List.of())
            .with(BatchEngineTypes.BATCH)
            .with(BatchEngineTypes.MICROBATCH)
            .with(StreamEngineType.STREAM);

    private final List<EngineType<?>> types;

    private EngineRegistry(List<EngineType<?>> types) {
        this.types = List.copyOf(types);
    }

    /** This registry with {@code type} added last. */
    public EngineRegistry with(EngineType<?> type) {
        if (byId(type.id()).isPresent()) {
            throw new IllegalArgumentException("an engine with id " + type.id() + " is registered already");
        }
        for (EngineType<?> t : types) {
            for (EngineOption<?> o : type.options()) {
                EngineOption<?> same = t.option(o.name());
                if (same != null && (!same.paramLabel().equals(o.paramLabel()) || same.sweepable() != o.sweepable())) {
                    throw new IllegalArgumentException("option " + o.name() + " of " + type.id() + " differs from "
                            + t.id() + "'s option of that name");
                }
            }
        }
        List<EngineType<?>> more = new ArrayList<>(types);
        more.add(type);
        return new EngineRegistry(more);
    }

    /** This registry with every type replaced by {@code f}'s image of it, keeping ids and order (tests' doubles). */
    public EngineRegistry map(UnaryOperator<EngineType<?>> f) {
        List<EngineType<?>> mapped = new ArrayList<>();
        for (EngineType<?> t : types) {
            EngineType<?> m = f.apply(t);
            if (!m.id().equals(t.id())) {
                throw new IllegalArgumentException("a mapped engine keeps its id: " + t.id() + " became " + m.id());
            }
            mapped.add(m);
        }
        return new EngineRegistry(mapped);
    }

    /** Every engine, in order. */
    public List<EngineType<?>> all() {
        return types;
    }

    /** Every id, for messages: {@code batch, microbatch, stream}. */
    public String ids() {
        return types.stream().map(EngineType::id).collect(Collectors.joining(", "));
    }

    /** The engine whose id is {@code id} exactly, if any (run.json also names Flink's engines, which are none). */
    public Optional<EngineType<?>> byId(String id) {
        for (EngineType<?> t : types) {
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The engine with this id (or label); anything else is an error listing the known ones. */
    public EngineType<?> parse(String text) {
        String t = text.trim();
        for (EngineType<?> type : types) {
            if (type.id().equals(t) || type.label().equals(t)) {
                return type;
            }
        }
        throw new InvalidInputException("unknown engine '" + text + "'; known: " + ids());
    }

    /**
     * Every option of every engine by name, in registration order; an option two engines share is listed
     * once, with the engines that have it.
     */
    public Map<String, List<EngineType<?>>> options() {
        Map<String, List<EngineType<?>>> options = new LinkedHashMap<>();
        for (EngineType<?> t : types) {
            for (EngineOption<?> o : t.options()) {
                options.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(t);
            }
        }
        return options;
    }
}
