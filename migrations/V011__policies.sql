-- Policy engine (issue #14): one rule per policy (the JSON of docs/api.md "Policies"), a status instead of the old
-- enabled flag, and a version that every change bumps. The old rule columns of V001 were never used by any code.

ALTER TABLE policies DROP COLUMN rules;
ALTER TABLE policies DROP COLUMN default_decision;
ALTER TABLE policies DROP COLUMN enabled;   -- takes policies_org_agent_idx with it
ALTER TABLE policies DROP COLUMN priority;  -- precedence is by decision (block > require_approval > allow), not by order
ALTER TABLE policies ADD COLUMN rule_definition jsonb NOT NULL
    DEFAULT '{"type": "conditional", "conditions": [], "action": "allow"}';
ALTER TABLE policies ADD COLUMN status text NOT NULL DEFAULT 'disabled' CHECK (status IN ('active', 'shadow', 'disabled'));
ALTER TABLE policies ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE policies ADD COLUMN updated_by uuid REFERENCES users (id) ON DELETE SET NULL;
-- what the check loads for an organization (the cache's miss path)
CREATE INDEX policies_org_live_idx ON policies (organization_id) WHERE status <> 'disabled';

-- Every version of every policy, as it was saved: decisions name (policy_id, version), and approvals bind to a
-- version, so a version is never changed or deleted by the application (no UPDATE/DELETE grant below).
CREATE TABLE policy_versions (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    policy_id       uuid        NOT NULL,
    version         integer     NOT NULL CHECK (version >= 1),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description     text        CHECK (length(description) <= 2000),
    rule_definition jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('active', 'shadow', 'disabled')),
    change          text        NOT NULL CHECK (change IN ('created', 'updated', 'deactivated')),
    created_by_type text        NOT NULL CHECK (created_by_type IN ('user', 'api_key', 'system')),
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (policy_id, version),
    FOREIGN KEY (organization_id, policy_id) REFERENCES policies (organization_id, id) ON DELETE CASCADE
);

-- Decisions per policy version, hour, mode and decision: the list's "would have blocked 12 actions in the last 24 h"
-- for shadow policies, "blocked 3" for active ones. Counted in memory and added here once a second (upsert), so the
-- check's hot path never writes this table itself.
CREATE TABLE policy_decision_counts (
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    policy_id       uuid        NOT NULL,
    version         integer     NOT NULL,
    bucket          timestamptz NOT NULL,
    mode            text        NOT NULL CHECK (mode IN ('enforced', 'shadow')),
    decision        text        NOT NULL CHECK (decision IN ('allow', 'block', 'require_approval')),
    count           bigint      NOT NULL CHECK (count >= 0),
    PRIMARY KEY (policy_id, version, bucket, mode, decision),
    FOREIGN KEY (organization_id, policy_id) REFERENCES policies (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX policy_decision_counts_org_bucket_idx ON policy_decision_counts (organization_id, bucket);

-- Back-tests replay the external actions and tool calls of a time range in time order.
CREATE INDEX events_org_actions_time_idx ON events (organization_id, timestamp, id)
    WHERE event_type IN ('external_action', 'tool_call');

ALTER TABLE policy_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE policy_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON policy_versions
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());
ALTER TABLE policy_decision_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE policy_decision_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON policy_decision_counts
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());

REVOKE UPDATE, DELETE ON policy_versions FROM ${approle};
