package org.flowlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;
import org.flowlab.workloads.trace.TraceFiles;

/**
 * Where a comparison's trace comes from: generated from a scenario's spec and the plan's seed, or
 * read from a trace file ({@code flowlab workload generate --out}, {@code flowlab workload import}),
 * which fixes every event. A file is read once, when its source is made ({@link #read}), so a
 * comparison or a sweep replays exactly the events that were checked.
 * <pre>{@code
 * ComparisonPlan generated = ComparisonPlan.of(TraceSource.generated(WorkloadSpec.defaults("nexmark")));
 * ComparisonPlan replayed = ComparisonPlan.of(TraceSource.read(Path.of("nexmark.jsonl")));
 * }</pre>
 */
public sealed interface TraceSource permits TraceSource.Generated, TraceSource.FromFile {

    /** A trace generated from {@code spec} with the plan's seed. */
    static Generated generated(WorkloadSpec spec) {
        return new Generated(spec);
    }

    /**
     * Reads the trace file {@code path}, checking every line, and its SHA-256.
     *
     * @throws InvalidInputException naming the file, and the line and what is wrong with it when it is malformed
     */
    static FromFile read(Path path) {
        Trace trace = TraceFiles.read(path);
        return new FromFile(path, sha256(path), trace);
    }

    /** The spec that made the trace: the scenario's settings, or the spec a trace file's header carries. */
    WorkloadSpec spec();

    /** The scenario the spec names: a catalog scenario, or for an imported trace {@code imported}. */
    default String scenario() {
        return spec().scenario();
    }

    /** The trace every engine replays: generated with {@code seed}, or the file's, whatever the seed. */
    Trace trace(long seed);

    /** What fixes the trace with {@code seed}: equal keys, equal traces (a sweep shares one trace among its points). */
    String key(long seed);

    /** The seed a plan of this source takes unless told otherwise. */
    long defaultSeed();

    /** One line for people, before a run: {@code nexmark, seed 1: 30 s of event time at 20000/s}. */
    String headline(long seed);

    /** The spec's span of event time, nanoseconds; empty for a trace file whose spec does not say (an imported one). */
    default OptionalLong duration() {
        return spec().settings().has("duration") ? OptionalLong.of(spec().duration()) : OptionalLong.empty();
    }

    /** The spec's mean input rate, events per second; empty for a trace file whose spec does not say. */
    default OptionalDouble rate() {
        return spec().settings().has("rate") ? OptionalDouble.of(spec().rate()) : OptionalDouble.empty();
    }

    /**
     * A trace to generate.
     *
     * @param spec the scenario and its settings
     */
    record Generated(WorkloadSpec spec) implements TraceSource {
        public Generated {
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public Trace trace(long seed) {
            return WorkloadGenerator.generate(spec, seed);
        }

        @Override
        public String key(long seed) {
            return spec.toJson() + "#" + seed;
        }

        @Override
        public long defaultSeed() {
            return ComparisonPlan.DEFAULT_SEED;
        }

        @Override
        public String headline(long seed) {
            return String.format(Locale.ROOT, "%s, seed %d: %s of event time at %s", spec.scenario(), seed,
                    DurationText.format(spec.duration()), RateText.format(spec.rate()));
        }
    }

    /**
     * A trace read from a file. A plan of it takes the file's seed unless told otherwise: the engines'
     * randomness is then what it was when the trace was generated.
     *
     * @param path   the file, as given
     * @param sha256 the SHA-256 of the file's bytes, 64 lower-case hex digits
     * @param trace  its events, as read
     */
    record FromFile(Path path, String sha256, Trace trace) implements TraceSource {
        public FromFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(trace, "trace");
        }

        @Override
        public WorkloadSpec spec() {
            return trace.spec();
        }

        @Override
        public Trace trace(long seed) {
            return trace;
        }

        @Override
        public String key(long seed) {
            return "sha256:" + sha256;
        }

        @Override
        public long defaultSeed() {
            return trace.seed();
        }

        @Override
        public String headline(long seed) {
            return String.format(Locale.ROOT, "trace %s (%s, %,d events), seed %d", path, scenario(), trace.size(), seed);
        }

        /**
         * The error for an option that would change the trace, which the file fixes: {@code --duration}, a
         * sweep of {@code rate} …
         */
        public InvalidInputException fixes(String what) {
            return fixedBy(path, what);
        }
    }

    /**
     * The error for {@code what} (an option that would generate the trace: {@code --duration}, {@code --vary rate} …)
     * given with the trace file {@code path}: {@code --rate does not go with --trace: the trace file t.jsonl fixes the
     * events; …}.
     */
    static InvalidInputException fixedBy(Path path, String what) {
        return new InvalidInputException(what + " does not go with --trace: the trace file " + path
                + " fixes the events; to change them, regenerate it ('flowlab workload generate') or re-import it "
                + "('flowlab workload import')");
    }

    private static String sha256(Path path) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the stream digests what passes through it
            }
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw InvalidInputException.cannot("read the trace file", path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
