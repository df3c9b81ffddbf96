package org.flowlab.cli;

import java.nio.file.Path;
import org.flowlab.workloads.WorkloadSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that pick a generated workload: a catalog scenario or a spec file, a seed, and overrides. */
final class WorkloadOptions {

    static class Source {
        @Option(names = "--scenario", paramLabel = "NAME", required = true,
                description = "A scenario of the catalog (see 'flowlab scenarios').")
        String scenario;

        @Option(names = "--spec", paramLabel = "FILE", required = true,
                description = "A JSON spec file naming its \"scenario\" and overriding any of its defaults.")
        Path specFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    WorkloadOverrides overrides;

    /** The spec these options describe, with overrides applied. */
    WorkloadSpec spec() {
        return spec(source, overrides);
    }

    /** The catalog scenario's or the spec file's spec, with overrides applied. */
    static WorkloadSpec spec(Source source, WorkloadOverrides overrides) {
        return overrides.applyTo(source.scenario != null
                ? WorkloadSpec.defaults(source.scenario)
                : WorkloadSpec.fromFile(source.specFile));
    }

    long seed() {
        return overrides.seed;
    }
}
