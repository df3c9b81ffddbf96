package org.flowlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The README table from a small hand-made JMH result: figures, targets, ratios to the loop, the markers. */
class BenchTableTest {

    private static final String JSON = """
            [
              {"benchmark": "org.flowlab.bench.HandWrittenLoopBenchmark.mapFilter", "mode": "avgt",
               "primaryMetric": {"score": 2.0, "scoreUnit": "ns/op"}},
              {"benchmark": "org.flowlab.bench.HandWrittenLoopBenchmark.windowPaneUpdate", "mode": "avgt",
               "primaryMetric": {"score": 10.0, "scoreUnit": "ns/op"}},
              {"benchmark": "org.flowlab.bench.OperatorBenchmark.mapFilter", "mode": "avgt",
               "primaryMetric": {"score": 20.0, "scoreUnit": "ns/op"}},
              {"benchmark": "org.flowlab.bench.StreamEngineBenchmark.run", "mode": "avgt", "params": {"job": "nexmark/q0"},
               "primaryMetric": {"score": 250.0, "scoreUnit": "ns/op"}},
              {"benchmark": "org.flowlab.bench.StreamEngineBenchmark.run", "mode": "avgt", "params": {"job": "nexmark/q5"},
               "primaryMetric": {"score": 500.0, "scoreUnit": "ns/op"}},
              {"benchmark": "org.flowlab.bench.HandWrittenLoopBenchmark.groupBy10kKeys", "mode": "avgt",
               "primaryMetric": {"score": 5.0, "scoreUnit": "ns/op"}},
              {"benchmark": "org.flowlab.bench.BatchGroupByBenchmark.groupBy10kKeys", "mode": "avgt",
               "primaryMetric": {"score": 1.0, "scoreUnit": "us/op"}},
              {"benchmark": "org.flowlab.bench.BatchEngineBenchmark.run", "mode": "avgt", "params": {"job": "nexmark/q1"},
               "primaryMetric": {"score": 100.0, "scoreUnit": "ns/op"}},
              {"benchmark": "org.flowlab.bench.EventQueueBenchmark.queueHold", "mode": "avgt", "params": {"pending": "100000"},
               "primaryMetric": {"score": 100.0, "scoreUnit": "ns/op"}},
              {"benchmark": "org.flowlab.bench.TraceGenerationBenchmark.generate", "mode": "thrpt", "params": {"scenario": "nexmark"},
               "primaryMetric": {"score": 20.0, "scoreUnit": "ops/s"},
               "secondaryMetrics": {"records": {"score": 1000000.0, "scoreUnit": "ops/s"}}}
            ]
            """;

    @Test
    void eachRowHasItsFigureTargetAndRatioToTheLoop() {
        String table = BenchTable.markdown("hand.json", JSON, "Measured on test.");
        assertThat(table).startsWith("Measured on test.\n\n| benchmark |");
        assertThat(table).contains("| OperatorBenchmark.mapFilter |  | 50.00 M/s (20.0 ns each) |  | 10.0× slower than mapFilter |");
        assertThat(table).contains("| StreamEngineBenchmark.run | job=nexmark/q0 | 4.00 M/s (250 ns each) | ≥ 5 M rec/s ✗ | 125× slower than mapFilter |");
        assertThat(table).contains("| StreamEngineBenchmark.run | job=nexmark/q5 | 2.00 M/s (500 ns each) | ≥ 1 M rec/s ✓ | 50.0× slower than windowPaneUpdate |");
        assertThat(table).contains("| EventQueueBenchmark.queueHold | pending=100000 | 10.00 M/s (100 ns each) | ≥ 5 M events/s ✓ |  |");
        assertThat(table).contains("| TraceGenerationBenchmark.generate | scenario=nexmark | 1.00 M/s (1000 ns each) |  |  |");
        assertThat(table).contains("| BatchGroupByBenchmark.groupBy10kKeys |  | 1.00 M/s (1000 ns each) | ≥ 20 M rec/s ✗ | 200× slower than groupBy10kKeys |");
        assertThat(table).contains("| BatchEngineBenchmark.run | job=nexmark/q1 | 10.00 M/s (100 ns each) |  | 50.0× slower than mapFilter |");
        assertThat(table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| benchmark") && !l.startsWith("| ---")))
                .hasSize(10);
    }

    @Test
    void theLowRateScenariosHaveIssue18sTarget() {
        String json = "[{\"benchmark\": \"org.flowlab.bench.StreamEngineBenchmark.run\", \"params\": {\"job\": \"bank-eod/eod-balance\"}, "
                + "\"primaryMetric\": {\"score\": 400.0, \"scoreUnit\": \"ns/op\"}},"
                + "{\"benchmark\": \"org.flowlab.bench.StreamEngineBenchmark.run\", \"params\": {\"job\": \"crm-warehouse/interactions-per-segment-week\"}, "
                + "\"primaryMetric\": {\"score\": 3000.0, \"scoreUnit\": \"ns/op\"}}]";
        String table = BenchTable.markdown("x.json", json, "c");
        assertThat(table).contains("| job=bank-eod/eod-balance | 2.50 M/s (400 ns each) | ≥ 2 M rec/s ✓ |");
        assertThat(table).contains("| job=crm-warehouse/interactions-per-segment-week | 333.3 k/s (3000 ns each) | ≥ 2 M rec/s ✗ |");
    }

    /** With {@code bench --gc}, JMH's gc profiler adds the bytes an operation allocates: a column of its own. */
    @Test
    void allocationsMakeAColumnOnlyWhenMeasured() {
        String json = "[{\"benchmark\": \"org.flowlab.bench.StreamEngineBenchmark.run\", \"params\": {\"job\": \"nexmark/q5\"}, "
                + "\"primaryMetric\": {\"score\": 500.0, \"scoreUnit\": \"ns/op\"}, \"secondaryMetrics\": {"
                + "\"\u00b7gc.alloc.rate\": {\"score\": 600.0, \"scoreUnit\": \"MB/sec\"},"
                + "\"\u00b7gc.alloc.rate.norm\": {\"score\": 330.4, \"scoreUnit\": \"B/op\"}}},"
                + "{\"benchmark\": \"org.flowlab.bench.TraceGenerationBenchmark.generate\", \"params\": {\"scenario\": \"nexmark\"}, "
                + "\"primaryMetric\": {\"score\": 20.0, \"scoreUnit\": \"ops/s\"}, \"secondaryMetrics\": {"
                + "\"records\": {\"score\": 1000000.0, \"scoreUnit\": \"ops/s\"},"
                + "\"\u00b7gc.alloc.rate.norm\": {\"score\": 8000000.0, \"scoreUnit\": \"B/op\"}}},"
                + "{\"benchmark\": \"org.flowlab.bench.OperatorBenchmark.mapFilter\", "
                + "\"primaryMetric\": {\"score\": 20.0, \"scoreUnit\": \"ns/op\"}}]";
        String table = BenchTable.markdown("x.json", json, "c");
        assertThat(table).contains("| benchmark | parameters | figure | target | vs. hand-written loop | allocated |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        assertThat(table).contains("| job=nexmark/q5 | 2.00 M/s (500 ns each) | ≥ 1 M rec/s ✓ | (loop not run) | 330 B each |");
        assertThat(table).contains("| scenario=nexmark | 1.00 M/s (1000 ns each) |  |  | 8000000 B/op |");
        assertThat(table).contains("| OperatorBenchmark.mapFilter |  | 50.00 M/s (20.0 ns each) |  | (loop not run) |  |");
        assertThat(BenchTable.markdown("hand.json", JSON, "c")).doesNotContain("allocated");
    }

    @Test
    void aMissingLoopIsSaidNotGuessed() {
        String json = "[{\"benchmark\": \"org.flowlab.bench.OperatorBenchmark.keyedAggregate\", "
                + "\"primaryMetric\": {\"score\": 30.0, \"scoreUnit\": \"ns/op\"}}]";
        assertThat(BenchTable.markdown("x.json", json, "c")).contains("| (loop not run) |");
    }

    @Test
    void rewriteReplacesOnlyBetweenTheMarkers() {
        String readme = "# Title\n\nbefore\n" + BenchTable.START + "\nold table\n" + BenchTable.END + "\nafter\n";
        String out = BenchTable.rewrite("README.md", readme, "new table\n");
        assertThat(out).isEqualTo("# Title\n\nbefore\n" + BenchTable.START + "\nnew table\n" + BenchTable.END + "\nafter\n");
        assertThat(BenchTable.rewrite("README.md", out, "new table\n")).isEqualTo(out);
    }

    @Test
    void aReadmeWithoutMarkersIsAOneLineError() {
        assertThatThrownBy(() -> BenchTable.rewrite("README.md", "# no markers\n", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("README.md: needs the markers <!-- bench:start --> and <!-- bench:end -->")
                .hasMessageNotContaining("\n");
    }

    @Test
    void notJmhJsonIsAOneLineError() {
        assertThatThrownBy(() -> BenchTable.markdown("r.json", "{\"a\": 1}", "c"))
                .isInstanceOf(InvalidInputException.class).hasMessage("r.json: expected JMH's JSON result array");
        assertThatThrownBy(() -> BenchTable.markdown("r.json", "[{\"benchmark\": \"x\"}]", "c"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("r.json: result 0: not a JMH result");
        assertThatThrownBy(() -> BenchTable.markdown("r.json", "[{", "c"))
                .isInstanceOf(InvalidInputException.class).hasMessage("r.json: malformed JSON");
        assertThatThrownBy(() -> BenchTable.markdown("r.json", "[]", "c"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("r.json: no results");
        assertThatThrownBy(() -> BenchTable.markdown("r.json",
                "[{\"benchmark\": \"x\", \"primaryMetric\": {\"score\": \"NaN\", \"scoreUnit\": \"ops/s\"}}]", "c"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("r.json: result 0 (x): the score must be a finite number >= 0 (got NaN)");
    }
}
