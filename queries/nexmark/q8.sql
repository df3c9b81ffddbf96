-- Nexmark q8, monitor new users: persons who joined and opened an auction in the same 10 s tumbling window
-- (Flink's nexmark q8, a window join of two window aggregates). Differences: persons have no `name`, so the id
-- stands alone. The catalog's q8 lists each (person, auction) pair of a window; the test reduces it to the
-- distinct (person, window start) pairs with at least one auction, which is what this query gives.
SELECT P.id, P.starttime
FROM (
    SELECT id, window_start AS starttime, window_end AS endtime
    FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
    GROUP BY id, window_start, window_end
) P
JOIN (
    SELECT seller, window_start AS starttime, window_end AS endtime
    FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
    GROUP BY seller, window_start, window_end
) A
ON P.id = A.seller AND P.starttime = A.starttime AND P.endtime = A.endtime
