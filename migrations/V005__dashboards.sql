-- Dashboards read only rollups: run counts per status and a latency histogram per hour, agent and model.
-- Latency bucket i holds durations d (ms) with floor(ln(d + 1) / ln(1.3)) = i, capped at 63: about 15 % wide,
-- so percentiles read from it are within that resolution.
ALTER TABLE run_rollups_hourly ADD COLUMN completed_runs bigint NOT NULL DEFAULT 0;
ALTER TABLE run_rollups_hourly ADD COLUMN cancelled_runs bigint NOT NULL DEFAULT 0;
ALTER TABLE run_rollups_hourly ADD COLUMN latency_buckets bigint[] NOT NULL DEFAULT '{}';

-- Element-wise sum of two count arrays of any lengths (missing elements count as 0).
CREATE FUNCTION add_counts(a bigint[], b bigint[]) RETURNS bigint[]
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT coalesce(array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) ORDER BY i), '{}')
      FROM generate_series(1, greatest(coalesce(array_length(a, 1), 0), coalesce(array_length(b, 1), 0))) AS i
$$;
GRANT EXECUTE ON FUNCTION add_counts(bigint[], bigint[]) TO ${approle};

-- sum_counts(latency_buckets) adds histograms while grouping rollup rows.
CREATE AGGREGATE sum_counts(bigint[]) (SFUNC = add_counts, STYPE = bigint[], INITCOND = '{}');
GRANT EXECUTE ON FUNCTION sum_counts(bigint[]) TO ${approle};
