package org.flowlab.flink;

import java.io.Serializable;
import java.util.List;
import org.flowlab.workloads.TraceSchema;

/** A {@link TraceSchema} in a serializable form, so it can travel to Flink tasks. */
public record SchemaFields(List<String> kinds, String key, String value, String attr1, String attr2,
                           String attr3, List<String> labels) implements Serializable {

    public SchemaFields {
        kinds = List.copyOf(kinds);
        labels = List.copyOf(labels);
    }

    public static SchemaFields of(TraceSchema schema) {
        return new SchemaFields(schema.kinds(), schema.key(), schema.value(), schema.attr1(), schema.attr2(),
                schema.attr3(), schema.labels());
    }

    public TraceSchema toSchema() {
        return new TraceSchema(kinds, key, value, attr1, attr2, attr3, labels);
    }
}
