-- Approvals (issue #14): a request bound to the exact action a policy asked about. V001's table was never used by
-- any code; it is replaced rather than altered because its shape (a server run id, an action_type plus a loose payload,
-- no hash) does not fit: a check happens before the SDK has sent its run, so the run is the client's run id.

DROP TABLE approval_requests;

CREATE TABLE approval_requests (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id   uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    policy_id         uuid        NOT NULL,
    policy_version    integer     NOT NULL CHECK (policy_version >= 1),
    policy_name       text        CHECK (length(policy_name) <= 200),
    agent_id          uuid        NOT NULL,
    -- the client's run id (runs.external_reference), null when the check named no run
    run_id            text        CHECK (length(run_id) BETWEEN 1 AND 200),
    action_type       text        NOT NULL CHECK (length(action_type) BETWEEN 1 AND 100),
    action            jsonb       NOT NULL,
    -- SHA-256 hex of the RFC 8785 canonical JSON of {agent_id, action, policy_id, policy_version} (docs/api.md)
    action_hash       text        NOT NULL CHECK (action_hash ~ '^[0-9a-f]{64}$'),
    approvers         text[]      NOT NULL CHECK (cardinality(approvers) BETWEEN 1 AND 20),
    status            text        NOT NULL DEFAULT 'pending'
                                  CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    requested_by_key  uuid,
    requested_at      timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    decided_by        uuid        REFERENCES users (id) ON DELETE SET NULL,
    decided_at        timestamptz,
    comment           text        CHECK (length(comment) <= 2000),
    consumed_at       timestamptz,
    -- "<run_id>/<event_id>" of the external_action that used the approval (a retry of that same event is no second use)
    consumed_by_event text        CHECK (length(consumed_by_event) <= 401),
    FOREIGN KEY (organization_id, policy_id) REFERENCES policies (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, agent_id) REFERENCES agents (organization_id, id) ON DELETE CASCADE,
    CHECK (expires_at > requested_at),
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK (consumed_at IS NULL OR status = 'approved'),
    CHECK ((consumed_at IS NULL) = (consumed_by_event IS NULL))
);
-- the queue (pending, soonest expiry first), the sweep, and the reuse of an identical pending request
CREATE INDEX approval_requests_pending_idx ON approval_requests (organization_id, expires_at, id) WHERE status = 'pending';
CREATE INDEX approval_requests_pending_hash_idx ON approval_requests (organization_id, action_hash) WHERE status = 'pending';
CREATE INDEX approval_requests_sweep_idx ON approval_requests (expires_at) WHERE status = 'pending';
-- the history list, newest first, optionally for one agent
CREATE INDEX approval_requests_org_time_idx ON approval_requests (organization_id, requested_at DESC, id DESC);
CREATE INDEX approval_requests_agent_time_idx ON approval_requests (organization_id, agent_id, requested_at DESC, id DESC);

ALTER TABLE approval_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE approval_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON approval_requests
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());
-- The expiry sweep's door: it finds the overdue pending requests of every organization (read only; each
-- organization's rows are then expired inside that organization's own tenant scope). Only ApprovalSweep sets it.
CREATE POLICY approval_sweep ON approval_requests FOR SELECT
    USING (current_setting_or_null('app.approval_sweep') = 'on' AND status = 'pending');

-- Ingest has accepted approval_requested / approval_decided since the event types were named (EventType), but the
-- events table still refused them, so such a piece failed in the worker until it gave up. Widen the check.
ALTER TABLE events DROP CONSTRAINT events_event_type_check;
ALTER TABLE events ADD CONSTRAINT events_event_type_check CHECK (event_type IN ('llm_call', 'tool_call', 'external_action',
    'policy_check', 'approval_requested', 'approval_decided', 'approval', 'log', 'error', 'custom'));
