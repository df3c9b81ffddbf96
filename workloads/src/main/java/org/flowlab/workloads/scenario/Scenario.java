package org.flowlab.workloads.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.flowlab.workloads.WorkloadSpec;

/**
 * One use case of the catalog: its name, a one-line summary, the generator, and its commented
 * defaults at {@code /scenarios/<name>.json} on the class path.
 */
public record Scenario(String name, String summary, ScenarioGenerator generator) {

    /** The resource holding this scenario's commented defaults. */
    public String defaultsResource() {
        return "/scenarios/" + name + ".json";
    }

    /** This scenario's defaults as a spec. */
    public WorkloadSpec defaults() {
        String resource = defaultsResource();
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing scenario defaults " + resource + " on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String source = "scenarios/" + name + ".json";
            return new WorkloadSpec(name, source, WorkloadSpec.parseObject(source, text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
