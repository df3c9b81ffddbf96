-- Nexmark q7, highest bid: per 10 s tumbling window, every bid at the window's highest price. Flink's nexmark q7
-- joins the unwindowed bid table with the windows' maxima on `B.dateTime BETWEEN window_end - 10 s AND window_end`,
-- which also matches a bid at exactly a window's end with the next window; here both sides are the same TUMBLE
-- windows joined on their bounds (a window join), so each bid is matched with its own window only, as in the
-- catalog's q7. No `extra` column.
SELECT B.auction, B.price, B.bidder, B.`dateTime`
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND)) B
JOIN (
    SELECT MAX(price) AS maxprice, window_start, window_end
    FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
    GROUP BY window_start, window_end
) B1
ON B.window_start = B1.window_start AND B.window_end = B1.window_end AND B.price = B1.maxprice
