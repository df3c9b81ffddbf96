/**
 * The engine registry: the one list of the engines a comparison can run ({@link
 * org.flowlab.sim.registry.EngineRegistry#STANDARD}), one registration line each. An engine is a package
 * of its own with an {@link org.flowlab.sim.engine.EngineType} — id, label, colour, its own settings record
 * with defaults, options and JSON form, and a factory — and everything above the simulator (the
 * comparison, the command line, run.json, the report, the charts, the sweep) reads engines from here.
 */
package org.flowlab.sim.registry;
