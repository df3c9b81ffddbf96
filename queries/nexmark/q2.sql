-- Nexmark q2, selection: the bids on every 123rd auction (Flink's nexmark q2 keeps auction = 1007 OR 1020 OR
-- 2001 OR 2019 OR 2087; Beam's and the catalog's keep auction % 123 = 0, which is what this file does).
SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0
