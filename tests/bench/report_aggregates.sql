-- The yearly report's core aggregates for 2025 in raw SQL (the reference of the
-- "yearly report" row of scripts/bench): activity split, distinct participants with the
-- sector of their first participation, institutions.
SELECT s.kind, count(DISTINCT s.id), count(*)
FROM attendance a JOIN session s ON s.id = a.session_id
WHERE s.status != 'cancelled' AND a.status = 'present' AND s.date BETWEEN '2025-01-01' AND '2025-12-31'
GROUP BY s.kind ORDER BY s.kind;

SELECT sector, count(*) FROM (
  SELECT a.person_id, (SELECT a2.sector_id FROM attendance a2 JOIN session s2 ON s2.id = a2.session_id
                       WHERE a2.person_id = a.person_id AND a2.status = 'present'
                       AND s2.date BETWEEN '2025-01-01' AND '2025-12-31' ORDER BY s2.date LIMIT 1) AS sector
  FROM attendance a JOIN session s ON s.id = a.session_id
  WHERE s.status != 'cancelled' AND a.status = 'present' AND s.date BETWEEN '2025-01-01' AND '2025-12-31'
    AND a.role = 'participant'
  GROUP BY a.person_id)
GROUP BY sector ORDER BY 2 DESC;

SELECT count(DISTINCT a.institution_id)
FROM attendance a JOIN session s ON s.id = a.session_id
WHERE s.status != 'cancelled' AND a.status = 'present' AND s.date BETWEEN '2025-01-01' AND '2025-12-31';
