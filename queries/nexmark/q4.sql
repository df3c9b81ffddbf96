-- Nexmark q4, average price per category: the average closing price — each auction's highest bid made while it
-- was open, from its dateTime to its expires inclusive — per category (Flink's nexmark q4, a non-windowed
-- aggregate over a regular join: its result is final only when the input ends). AVG of BIGINT is a BIGINT in
-- Flink SQL (integer division), and so here. The catalog's q4 computes the same, with an exact mean.
SELECT Q.category, AVG(Q.final) AS avg_price
FROM (
    SELECT MAX(B.price) AS final, A.category
    FROM auction A, bid B
    WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
    GROUP BY A.id, A.category
) Q
GROUP BY Q.category
