-- Nexmark q3, local item suggestion: sellers in OR, ID or CA and their auctions in category 10 (Flink's nexmark
-- q3, a regular join). Differences: persons have no `name`, so the seller's id is selected instead. The catalog
-- job forgets a person 600 s after their last event (Beam's state expiry); on the test's trace no auction comes
-- that late, so both give every match.
SELECT P.id, P.city, P.state, A.id AS auction
FROM auction AS A INNER JOIN person AS P ON A.seller = P.id
WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA')
