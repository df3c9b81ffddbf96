package org.flowlab.sim.catalog;

import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.text.DurationText;

/**
 * The jobs of {@code crm-warehouse} (key = customer, attr1 = segment: 0 consumer, 1 small-business,
 * 2 enterprise; value = purchase amount). Weeks are 7 days of event time from virtual time 0, so
 * week 0 is days 0 to 6 of the trace whatever the weekday.
 */
final class CrmJobs {

    static final long WEEK = 7 * DurationText.NANOS_PER_DAY;

    private CrmJobs() {
    }

    /** How many interactions of any kind customers of each segment had per week; the key is the segment. */
    static Job interactionsPerSegmentWeek(TraceSchema schema, JobParameters p) {
        return Job.named("interactions-per-segment-week", "interactions (emails, calls, visits, purchases) per customer segment per week")
                .from(RowFilter.ALL)
                .keyBy("segment", Row::attr1)
                .window(Windows.tumbling(WEEK))
                .aggregate(Aggregates.count())
                .build();
    }

    /** Purchase revenue per segment per week, exact. */
    static Job revenuePerSegmentWeek(TraceSchema schema, JobParameters p) {
        return Job.named("revenue-per-segment-week", "purchase revenue per customer segment per week")
                .from(RowFilter.kind("purchase"))
                .keyBy("segment", Row::attr1)
                .window(Windows.tumbling(WEEK))
                .aggregate(Aggregates.sum())
                .build();
    }
}
