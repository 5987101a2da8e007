-- Durable run ingestion: a queue table written by the ingest endpoint (group commit) and drained by workers,
-- the record of finished jobs, the run's own reported usage, and hourly rollups for agent stats and dashboards.

-- The run-level usage and cost as last reported by the client; the run's totals are this plus its events, so
-- pieces of a run that arrive twice are never counted twice.
ALTER TABLE runs ADD COLUMN reported_usage jsonb;
ALTER TABLE runs ADD COLUMN reported_cost_usd numeric(20, 10) CHECK (reported_cost_usd >= 0);
ALTER TABLE events ADD COLUMN cost_breakdown jsonb;
ALTER TABLE events ADD COLUMN pricing_model text;

CREATE TABLE ingest_queue (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq             bigserial   NOT NULL,
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    api_key_id      uuid,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_queue_ready_idx ON ingest_queue (next_attempt_at, seq) WHERE status = 'queued';

-- Jobs that were processed (the queue row is deleted in the same transaction); pruned after a week.
CREATE TABLE ingest_jobs_done (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    run_id          uuid,
    processed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_jobs_done_time_idx ON ingest_jobs_done (processed_at);

-- Hourly rollups per organization, agent and model: what agent lists and dashboards read instead of raw runs.
CREATE TABLE run_rollups_hourly (
    organization_id    uuid           NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    agent_id           uuid           NOT NULL,
    model              text           NOT NULL DEFAULT '',
    bucket             timestamptz    NOT NULL,
    runs               bigint         NOT NULL DEFAULT 0,
    errors             bigint         NOT NULL DEFAULT 0,
    unpriced_runs      bigint         NOT NULL DEFAULT 0,
    cost_usd           numeric(24, 10) NOT NULL DEFAULT 0,
    input_tokens       bigint         NOT NULL DEFAULT 0,
    output_tokens      bigint         NOT NULL DEFAULT 0,
    duration_ms_sum    bigint         NOT NULL DEFAULT 0,
    duration_count     bigint         NOT NULL DEFAULT 0,
    PRIMARY KEY (organization_id, agent_id, model, bucket)
);
CREATE INDEX run_rollups_hourly_org_bucket_idx ON run_rollups_hourly (organization_id, bucket);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['ingest_queue', 'ingest_jobs_done', 'run_rollups_hourly']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = current_org_id()) '
                       'WITH CHECK (organization_id = current_org_id())', t);
    END LOOP;
END $$;

-- The ingestion door: the group committer and the workers handle many organizations in one transaction. Only
-- IngestQueue sets app.ingest (transaction-local); every run and event a worker writes still goes through the
-- job's own tenant scope.
CREATE POLICY ingest_worker ON ingest_queue
    USING (current_setting_or_null('app.ingest') = 'on') WITH CHECK (current_setting_or_null('app.ingest') = 'on');
CREATE POLICY ingest_worker ON ingest_jobs_done
    USING (current_setting_or_null('app.ingest') = 'on') WITH CHECK (current_setting_or_null('app.ingest') = 'on');
