-- Nexmark q4, average price per category: the average of the winning (highest) bid of each auction made while
-- it was open, per category (Flink's nexmark q4, a non-windowed aggregate over a regular join). AVG of BIGINT is
-- a BIGINT in Flink SQL (integer division), and so here.
-- The catalog's q4 is Beam's: winning bids at or above the reserve, averaged over 10 s windows every 5 s — a
-- different computation, so the test checks this file on every engine against the oracle only.
SELECT Q.category, AVG(Q.final) AS avg_price
FROM (
    SELECT MAX(B.price) AS final, A.category
    FROM auction A, bid B
    WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
    GROUP BY A.id, A.category
) Q
GROUP BY Q.category
