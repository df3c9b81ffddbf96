package org.flowlab.report;

import java.util.Map;
import org.flowlab.sim.engine.EngineType;

/**
 * One engine of a run, in run.json's parameters, as the engine registry describes it ({@link EngineType}):
 * what the report needs to name, colour and describe it without the registry.
 *
 * @param id       its id: {@code microbatch}
 * @param label    its name for people: {@code micro-batch}
 * @param colour   its colour in charts and tables, {@code #RRGGBB}
 * @param settings its own settings in its JSON form, as flags write the values ({@code "interval": "10s"});
 *                 empty for a run on Flink
 */
public record EngineEntry(String id, String label, String colour, Map<String, String> settings) {

    /** {@code type} with its own settings {@code own}. */
    public static EngineEntry of(EngineType<?> type, Object own) {
        return new EngineEntry(type.id(), type.label(), type.colour(), type.json(own));
    }
}
