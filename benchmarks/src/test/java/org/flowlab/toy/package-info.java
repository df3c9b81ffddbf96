/**
 * A toy engine that the tests register beside the engines of this build, to show that adding an engine is
 * one package and one registration line ({@code EngineRegistry.STANDARD.with(ToyEngine.TYPE)}), and that
 * {@code compare}'s whole path — flags, the comparison, the agreement, run.json, the table, the charts and
 * the report page — takes it as it takes the others.
 */
package org.flowlab.toy;

import org.flowlab.sim.registry.EngineRegistry;
