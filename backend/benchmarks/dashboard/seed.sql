-- Seeds :runs runs for organization :org over the last 30 days, spread over its agents and four models, then
-- rebuilds that organization's hourly rollups from them (what the workers would have written).
-- psql -v org=<uuid> -v runs=1000000 -f seed.sql   (as a superuser: seeding bypasses row-level security)
\set ON_ERROR_STOP on
BEGIN;
SELECT set_config('app.org_id', :'org', true);
CREATE TEMP TABLE seed_agents AS
    SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total FROM agents WHERE organization_id = :'org';

INSERT INTO runs (organization_id, agent_id, external_reference, status, start_time, end_time, duration_ms, model,
                  input_tokens, output_tokens, cost_usd, cost_source, tags)
SELECT :'org', a.id, 'seed-' || g, s.status, t.start_time, t.start_time + d.duration * interval '1 millisecond', d.duration,
       m.model, 1000 + g % 3000, 100 + g % 500, ((1000 + g % 3000) * 0.0000025 + (100 + g % 500) * 0.00001)::numeric(20, 10),
       'computed', ARRAY['seed']
  FROM generate_series(1::bigint, :runs) AS g
  JOIN seed_agents a ON a.n = g % a.total
  CROSS JOIN LATERAL (SELECT now() - (g % 2592000) * interval '1 second' AS start_time) t
  CROSS JOIN LATERAL (SELECT (200 + (g * 7919) % 9000)::bigint AS duration) d
  CROSS JOIN LATERAL (SELECT (ARRAY['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4-5', 'o3'])[1 + g % 4] AS model) m
  CROSS JOIN LATERAL (SELECT CASE WHEN g % 17 = 0 THEN 'failed' WHEN g % 53 = 0 THEN 'cancelled' ELSE 'completed' END AS status) s;

DELETE FROM run_rollups_hourly WHERE organization_id = :'org';
INSERT INTO run_rollups_hourly (organization_id, agent_id, model, bucket, runs, errors, completed_runs, cancelled_runs,
                                unpriced_runs, cost_usd, input_tokens, output_tokens, duration_ms_sum, duration_count,
                                latency_buckets)
SELECT organization_id, agent_id, coalesce(model, ''), date_trunc('hour', start_time, 'UTC'), count(*),
       count(*) FILTER (WHERE status = 'failed'), count(*) FILTER (WHERE status = 'completed'),
       count(*) FILTER (WHERE status = 'cancelled'), count(*) FILTER (WHERE cost_source = 'unpriced'),
       coalesce(sum(cost_usd), 0), sum(input_tokens), sum(output_tokens), coalesce(sum(duration_ms), 0), count(duration_ms),
       sum_counts(array_fill(0::bigint, ARRAY[least(63, floor(ln(duration_ms + 1) / ln(1.3)))::int]) || ARRAY[1::bigint])
  FROM runs WHERE organization_id = :'org'
 GROUP BY organization_id, agent_id, coalesce(model, ''), date_trunc('hour', start_time, 'UTC');
COMMIT;
ANALYZE runs;
ANALYZE run_rollups_hourly;
