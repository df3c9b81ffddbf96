package org.flowlab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.sim.catalog.HighestBids;
import org.flowlab.sim.catalog.HotAuctions;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.catalog.LocalItem;
import org.flowlab.sim.catalog.NexmarkBid;
import org.flowlab.sim.catalog.NewUser;
import org.flowlab.sim.engine.CommonSettings;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.SqlResults;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.table.SqlRow;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each file of {@code queries/nexmark/} compiled and run by the oracle and by batch, micro-batch and stream on
 * one 100 000-event Nexmark trace: every engine's rows equal the oracle's, and the oracle's equal a view of the
 * catalog job of the same name as SQL rows.
 */
class NexmarkQueriesTest {

    private static final Path QUERIES = Path.of("..", "queries", "nexmark");
    private static Trace trace;
    private static long origin;

    @BeforeAll
    static void trace() {
        WorkloadSpec spec = WorkloadSpec.defaults("nexmark").withDuration(200 * DurationText.NANOS_PER_SECOND).withRate(500);
        trace = WorkloadGenerator.generate(spec, 7);
        origin = trace.schema().tables().originMillis();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "q11"})
    void everyEngineAgreesWithTheOracleAndTheCatalogJob(String name) throws IOException {
        SqlQuery query = SqlQuery.compile(Files.readString(QUERIES.resolve(name + ".sql")), trace.schema());
        List<SqlRow> oracle = SqlResults.rows(ReferenceOracle.run(query.job(), trace));
        assertThat(oracle).as(name + " has results").isNotEmpty();
        CommonSettings common = CommonSettings.DEFAULTS.withEventTime(EventTimeContract.DEFAULT.withWatermarkDelay("10m"));
        for (EngineType<?> type : EngineRegistry.STANDARD.all()) {
            RunOutcome outcome = type.create(common, type.defaults(), FaultPlan.NONE, 1).run(query.job(), trace);
            assertThat(outcome.lateRecords()).as(type.id()).isZero();
            assertThat(SqlResults.canonical(outcome.results())).as(name + " on " + type.id())
                    .isEqualTo(SqlResults.table(oracle));
        }
        ResultTable catalog = ReferenceOracle.run(JobCatalog.get("nexmark", name).build(trace.schema()), trace);
        assertThat(SqlResults.table(oracle)).as(name + " against the catalog job")
                .isEqualTo(SqlResults.table(view(name, catalog)));
    }

    /** The catalog job's results as the SQL query's rows. */
    private static List<SqlRow> view(String name, ResultTable catalog) {
        List<SqlRow> rows = new ArrayList<>();
        int bid = trace.schema().kindIndex("bid");
        long tenSeconds = 10 * DurationText.NANOS_PER_SECOND;
        for (Output o : catalog.outputs()) {
            Object v = o.value();
            switch (name) {
                case "q0" -> {
                    Row r = (Row) v;
                    if (r.kind() == bid) {
                        rows.add(SqlRow.of(r.key(), r.attr1(), (long) r.value(), time(r.eventTime())));
                    }
                }
                case "q1" -> {
                    Row r = (Row) v;
                    rows.add(SqlRow.of(r.key(), new BigDecimal(Double.toString(r.value())), r.attr1(), time(r.eventTime())));
                }
                case "q2" -> rows.add(SqlRow.of(((Row) v).key(), (long) ((Row) v).value()));
                case "q3" -> {
                    LocalItem i = (LocalItem) v;
                    rows.add(SqlRow.of(i.personId(), i.city(), i.state(), i.auctionId()));
                }
                // AVG of a BIGINT is a BIGINT in Flink SQL: the exact mean, truncated.
                case "q4" -> rows.add(SqlRow.of(o.at().key(), (long) (double) (Double) v));
                case "q5" -> {
                    HotAuctions h = (HotAuctions) v;
                    long end = o.at().key();
                    for (long auction : h.auctions()) {
                        rows.add(SqlRow.of(auction, h.bids(), time(end - tenSeconds), time(end)));
                    }
                }
                case "q7" -> {
                    for (NexmarkBid b : ((HighestBids) v).bids()) {
                        rows.add(SqlRow.of(b.auction(), (long) b.priceCents(), b.bidder(), time(b.eventTime())));
                    }
                }
                case "q8" -> {
                    if (!((List<?>) v).isEmpty()) {
                        rows.add(SqlRow.of(o.at().key(), time(o.at().windowStart())));
                    }
                }
                case "q11" -> rows.add(SqlRow.of(o.at().key(), v, time(o.at().windowStart()), time(o.at().windowEnd())));
                default -> throw new IllegalArgumentException(name);
            }
        }
        return rows;
    }

    private static LocalDateTime time(long nanos) {
        return TraceColumn.timestamp(nanos, origin);
    }
}
