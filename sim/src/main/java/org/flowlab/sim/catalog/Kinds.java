package org.flowlab.sim.catalog;

import org.flowlab.workloads.TraceSchema;

/** Event kinds by name, for jobs whose steps tell kinds apart. */
final class Kinds {

    private Kinds() {
    }

    /** The index of the named kind in the schema; a schema without it cannot feed the job. */
    static int index(TraceSchema schema, String kind) {
        int i = schema.kindIndex(kind);
        if (i < 0) {
            throw new IllegalArgumentException("the trace has no event kind '" + kind + "' (its kinds are "
                    + schema.kinds() + "); generate it from the job's scenario");
        }
        return i;
    }
}
