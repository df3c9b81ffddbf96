package org.flowlab.workloads.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.workloads.Trace;

class TraceFilesProperties {
    private Path dir;

    @BeforeProperty
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("trace-files-");
    }

    @AfterProperty
    void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Any traces, and as many built to have events out of order. jqwik mixes in an edge case in at
     * most one try in six, so a try has disorder with probability 5/6 × 1/2 at least, and 20 % or
     * fewer of 300 tries have it with probability 1.4e-15 (the binomial tail).
     */
    @Provide
    Arbitrary<Trace> traces() {
        return Arbitraries.frequencyOf(Tuple.of(1, TraceArbitraries.withOvertaking()), Tuple.of(1, TraceArbitraries.traces()));
    }

    @Property(tries = 300)
    void writingThenReadingGivesTheSameTrace(@ForAll("traces") Trace trace) throws IOException {
        Path file = dir.resolve("t.jsonl");
        TraceFiles.write(trace, file);
        Trace back = TraceFiles.read(file);
        TraceArbitraries.assertSameTrace(back, trace);
        assertThat(back.spec().source()).isEqualTo(file.toString());
        Statistics.label("disorder").collect(disordered(trace));
        Statistics.label("events").collect(trace.size() == 0 ? "none" : trace.size() < 10 ? "few" : "many");
        Statistics.label("disorder").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    @Property(tries = 200)
    void equalTracesGiveByteIdenticalFiles(@ForAll("traces") Trace trace) throws IOException {
        Path first = dir.resolve("a.jsonl");
        Path second = dir.resolve("b.jsonl");
        Path again = dir.resolve("c.jsonl");
        TraceFiles.write(trace, first);
        TraceFiles.write(trace, second);
        // The trace read back is equal, so it must give the same bytes too: the file is a fixed point.
        TraceFiles.write(TraceFiles.read(first), again);
        byte[] bytes = Files.readAllBytes(first);
        assertThat(Files.readAllBytes(second)).isEqualTo(bytes);
        assertThat(Files.readAllBytes(again)).isEqualTo(bytes);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.filter(p -> p.getFileName().toString().contains(".tmp"))).isEmpty();
        }
    }

    private static boolean disordered(Trace trace) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.eventTime(i) < max) {
                return true;
            }
            max = Math.max(max, trace.eventTime(i));
        }
        return false;
    }
}
