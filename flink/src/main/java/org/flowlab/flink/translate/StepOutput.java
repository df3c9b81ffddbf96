package org.flowlab.flink.translate;

/**
 * What a stateful step sends on, which depends on where it is in the job (as in the oracle).
 */
enum StepOutput {
    /** The job's last step: its results are the job's outputs ({@code Output(at, value)}). */
    RESULTS,
    /** The last stateful step, stateless steps after it: rows that keep its output key ({@code Output(at, row)}). */
    KEYED_ROWS,
    /** Another stateful step follows: plain rows for it. */
    ROWS
}
