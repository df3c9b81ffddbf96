-- Nexmark q1, currency conversion: each bid's price in euros, 0.908 x the dollar price (Flink's nexmark q1).
-- Differences: no `extra` column. 0.908 * price is BIGINT x DECIMAL(4,3) = an exact DECIMAL, as in Flink SQL;
-- the catalog job computes the same product as a double (cents x 908 / 1000, rounded once); the test compares
-- the two as numbers.
SELECT auction, 0.908 * price AS price, bidder, `dateTime` FROM bid
