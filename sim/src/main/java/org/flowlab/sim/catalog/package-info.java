/**
 * The job catalog: for every scenario of the workload catalog, the jobs a user runs on it — the
 * ETL tables of {@code retail-etl}, {@code bank-eod} and {@code crm-warehouse}, the VWAPs of
 * {@code stock-ticks}, the fraud and CPU detectors of {@code card-fraud} and
 * {@code infra-monitoring}, and the Nexmark queries — each registered by name with a one-line
 * explanation in {@link org.flowlab.sim.catalog.JobCatalog}, built for a trace's schema by its
 * {@link org.flowlab.sim.catalog.CatalogJob}, together with the values their outputs carry (alerts,
 * reconciliations, Nexmark records), the exact percentile aggregate the CPU detector needs, and
 * {@link org.flowlab.sim.catalog.DetectionScore}, which scores a detector against the ground truth.
 */
package org.flowlab.sim.catalog;
