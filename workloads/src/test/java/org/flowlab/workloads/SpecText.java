package org.flowlab.workloads;

import org.flowlab.workloads.spec.SpecReader;

/** Test fixtures: a {@link SpecReader} over JSON text, as if read from a file named {@code test.json}. */
public final class SpecText {
    public static final String SOURCE = "test.json";

    private SpecText() {
    }

    public static SpecReader reader(String json) {
        return new SpecReader(SOURCE, WorkloadSpec.parseObject(SOURCE, json));
    }
}
