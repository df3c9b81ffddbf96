-- Nexmark q0, pass-through: every bid, unchanged (Flink's nexmark q0: SELECT auction, bidder, price, dateTime, extra FROM bid).
-- Differences: no `extra` column (our bids have none); `dateTime` is back-quoted (Calcite reserves DATETIME; Flink accepts both).
-- The catalog's q0 passes every event (persons, auctions and bids) through; the test compares this query with
-- the catalog's bids only.
SELECT auction, bidder, price, `dateTime` FROM bid
