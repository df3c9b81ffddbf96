package org.flowlab.torture;

/**
 * What every torture run must keep (DESIGN.md, "Results must agree" and "Faults"). Each is checked
 * per engine, except {@link #REPEATABLE}, per run; the checks that concern results hold only an
 * engine that did not fail for good: a failed engine's figures stop at its failure, which is a legal
 * outcome when the plan has crashes or task failures.
 */
public enum Invariant {
    /** The comparison returns; an exception from an engine, the oracle or the report is a bug. */
    COMPLETES("every engine run completes without an exception"),
    /** {@code recordsIn} is the trace's size, for every engine. */
    RECORDS_IN("records in equals the trace's size"),
    /** Only a crash or a task failure may make a job fail for good; slow workers and stalls never. */
    NO_FAILURE_WITHOUT_FAULT("no engine fails without a crash or task failure"),
    /** The Agreement rule: the table equals the oracle's without the records the engine counted late. */
    RESULTS("results equal the oracle's without the late records"),
    /** Every input record is reflected in a visible output or counted late. */
    NOTHING_LOST("nothing lost"),
    /** Under exactly-once, no output is made visible twice. */
    NO_DUPLICATES("no duplicates under exactly-once"),
    /** Without a crash or task failure: no restart, nothing reprocessed or duplicated, no recovery time, no failure counted. */
    QUIET_WITHOUT_FAILURES("no recovery figures without a crash or task failure"),
    /** The same case run again — with its engines in parallel instead of one after the other — writes the same run.json. */
    REPEATABLE("a repeated run writes the same run.json");

    private final String text;

    Invariant(String text) {
        this.text = text;
    }

    /** The invariant in a few words, for the summary. */
    public String text() {
        return text;
    }
}
