package org.flowlab.sim.catalog;

import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.TraceSchema;

/**
 * The jobs of {@code retail-etl} (key = store, attr1 = product, value = +amount for a sale and
 * -amount for a return): the nightly ETL's revenue tables, per calendar day of event time (day 0
 * starts at virtual time 0, midnight). Revenue is net of returns and exact: the sum of the cents
 * as recorded, rounded to a double once.
 */
final class RetailJobs {

    private RetailJobs() {
    }

    /** Revenue per store and product per day; the key is a {@link StoreProduct}. */
    static Job revenuePerStoreProductDay(TraceSchema schema, JobParameters p) {
        return Job.named("revenue-per-store-product-day", "net revenue per store and product per day")
                .from(RowFilter.kind("sale", "return"))
                .keyBy("store-product", row -> StoreProduct.key(row.key(), row.attr1()))
                .window(Windows.tumbling("1d"))
                .aggregate(Aggregates.sum())
                .build();
    }

    /** Revenue per store per day. */
    static Job revenuePerStoreDay(TraceSchema schema, JobParameters p) {
        return Job.named("revenue-per-store-day", "net revenue per store per day")
                .from(RowFilter.kind("sale", "return"))
                .keyBy("store", Row::key)
                .window(Windows.tumbling("1d"))
                .aggregate(Aggregates.sum())
                .build();
    }
}
