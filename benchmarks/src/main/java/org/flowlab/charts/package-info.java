/**
 * Charts drawn with XChart and saved as PNG and SVG through temporary files, so a chart on disk
 * is always whole. Each chart is titled and its axes carry units; the time axis picks its unit
 * from the span it shows.
 */
package org.flowlab.charts;
