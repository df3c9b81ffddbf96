/**
 * The scenario catalog: one generator and one commented JSON file of defaults per use case of batch and stream processing, registered explicitly by name, with no classpath scanning.
 */
package org.flowlab.workloads.scenario;
