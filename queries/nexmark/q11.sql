-- Nexmark q11, user sessions: bids per bidder per session, a session closing after 10 s without a bid. Flink's
-- nexmark q11 uses the legacy GROUP BY SESSION(dateTime, INTERVAL '10' SECOND); this is Flink 2's session
-- window table function, keyed by bidder (Flowlab reads it as Calcite's form, the bidder as a second
-- DESCRIPTOR). Flink 2.3 runs it in streaming mode only: its batch mode runs no session window, in
-- this form or the legacy one ("SessionGroupWindow ... is not supported right now"). Sessions merge when a bid
-- comes at most 10 s after the session's last one, on millisecond times, as in Flink; the catalog's sessions
-- merge only when less than 10 s apart on nanosecond times, so a bid exactly 10 s after another may differ.
SELECT bidder, COUNT(*) AS bid_count, window_start AS starttime, window_end AS endtime
FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
GROUP BY bidder, window_start, window_end
