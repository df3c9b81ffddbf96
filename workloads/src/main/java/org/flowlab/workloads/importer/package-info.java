/**
 * Importing a user's event log, a CSV or JSON Lines file, as a trace: {@link org.flowlab.workloads.importer.TraceImporter}
 * reads the file in two streaming passes (check and infer each column's SQL type, then encode), maps the columns
 * onto the trace's fields (event time, key, value, three attributes) as one SQL table {@code events}, places virtual
 * time 0 at the UTC midnight before the first event, draws arrival times from a disorder model when the file has
 * none, and rescales time on request; {@link org.flowlab.workloads.importer.ImportSettings} says how.
 */
package org.flowlab.workloads.importer;
