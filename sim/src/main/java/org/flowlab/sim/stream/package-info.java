/**
 * The stream engine: a job's chain cut at each keyBy into stages of parallel tasks placed on the
 * cluster's slots; sources reading the trace's partitions as logs with offsets at the records'
 * arrival times; bounded channels whose back-pressure blocks producers in virtual time; periodic
 * watermarks with bounded out-of-orderness and idle partitions; windows and keyed process
 * functions that reproduce the reference oracle exactly; aligned checkpoint barriers; worker
 * crashes, task failures, slow workers and source stalls; at-least-once and exactly-once sinks;
 * and the per-record latency, staleness and recovery figures of {@link org.flowlab.sim.metrics}.
 *
 * <p>Late data, by the rules of the {@link org.flowlab.sim.engine.EventTimeContract} every engine
 * shares. Each source row carries its partition's watermark at the moment it is read: the
 * contract's watermark after the largest event time read before it from that partition (Kafka
 * Streams judges lateness by a partition's stream time in the same way). A window row is late when
 * the first of its windows ends at or before that bound less the allowed lateness; a session or
 * process-function row when its event time is at or before it; in both cases the task's watermark
 * counts instead when it is higher, which only an idle partition left out of the minimum makes
 * possible. The bound depends on the partition's log alone, so a replay after a restart judges
 * every row as the first attempt did, and the results differ from the oracle's by exactly the
 * counted late rows, failures or not. (Flink judges against the operator's watermark, which the
 * slowest partition holds back, so it accepts a little more, differently on each replay.) Late
 * rows go to a counted side output, never silently lost. Allowed lateness applies only to a
 * window aggregate that is the job's last step.
 *
 * <p>Output modes. In the {@code final} mode a window or alert is sent once, when the watermark
 * completes it. In {@code updates} a last-step window also fires early, every early-fire interval
 * of processing time, and a detector runs each accepted row at once through a provisional copy of
 * itself, in arrival order, sending its alerts straight away; when the watermark passes them the
 * final, event-time-ordered evaluation confirms or retracts them at the sink. Records are then
 * first visible at the provisional run's commit, and final at the final one's.
 *
 * <p>Quiet time. A long trace with few records spends most of its span with nothing in flight,
 * and what happens then is computed rather than played event by event, with every simulated
 * number and every order among actions at the same time kept: watermark ticks skip the stretches
 * where no source can change ({@link org.flowlab.sim.stream.StreamRun}; a tick is the last action
 * of its instant and leaves a source it changes nothing for alone, so the ticks skipped are
 * nowhere missed), a checkpoint timer that would find
 * nothing to checkpoint is not fired again until something else happens, a checkpoint of a
 * graph that holds nothing passes in one step ({@code CheckpointCoordinator}), and so does a
 * source's tick that sends an idle mark or a watermark to keyed tasks holding nothing, with their
 * wake-ups ({@code SourceTask#takeTickInOneStep}). The last three only within a call that runs the
 * simulation past them, so a run stepped from outside sees the same states as one played event by
 * event.
 *
 * <p>Checkpoints nobody restores. A run the engine runs through itself, with no worker crash and
 * no task failure in its fault plan, can never restore a checkpoint, so its checkpoints keep no
 * copy of the keyed state (the operators track no changed keys): barriers, alignment, the virtual
 * time charged for snapshotting every state entry and the commit of what the tasks staged all
 * happen as before, and so does every simulated number. A run handed out to be stepped
 * ({@link org.flowlab.sim.stream.StreamEngine#start}) keeps them, since it may be crashed.
 */
package org.flowlab.sim.stream;
