-- Costs and budgets: the organization's time zone (budget periods are calendar periods in it), budgets that know
-- a `total` period, auto-pause and notification channels, and the alert rows that make every threshold fire once.

ALTER TABLE organizations ADD COLUMN timezone text NOT NULL DEFAULT 'UTC' CHECK (length(timezone) BETWEEN 1 AND 64);

ALTER TABLE budgets RENAME COLUMN amount_usd TO max_amount_usd;
ALTER TABLE budgets DROP CONSTRAINT budgets_period_check;
ALTER TABLE budgets ADD CONSTRAINT budgets_period_check CHECK (period IN ('daily', 'weekly', 'monthly', 'total'));
-- replaced by auto_pause_at_percent (null = never pause)
ALTER TABLE budgets DROP COLUMN action_on_exceed;
ALTER TABLE budgets ADD COLUMN auto_pause_at_percent integer CHECK (auto_pause_at_percent BETWEEN 1 AND 1000);
ALTER TABLE budgets ADD COLUMN channels text[] NOT NULL DEFAULT '{in_app}'
    CHECK (channels <@ ARRAY['in_app', 'email', 'webhook']::text[]);
ALTER TABLE budgets ADD CONSTRAINT budgets_team_length CHECK (length(team) BETWEEN 1 AND 100);
ALTER TABLE budgets ADD CONSTRAINT budgets_org_id_unique UNIQUE (organization_id, id);

-- One row per crossed threshold (kind 'threshold') or auto-pause (kind 'auto_pause') per budget and period. The unique
-- key is what makes a crossing fire exactly once across workers and instances: evaluators insert with
-- ON CONFLICT DO NOTHING and only the one whose insert returned a row acts on it. The row is also the outbox of the
-- notifications work: notified_at stays null until a sender has handed it to every channel in `channels`.
CREATE TABLE budget_alerts (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid            NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    budget_id       uuid            NOT NULL,
    kind            text            NOT NULL CHECK (kind IN ('threshold', 'auto_pause')),
    threshold       integer         NOT NULL CHECK (threshold BETWEEN 1 AND 1000),
    period_start    timestamptz     NOT NULL,
    period_end      timestamptz,
    spent_usd       numeric(24, 10) NOT NULL,
    max_amount_usd  numeric(20, 10) NOT NULL,
    percent         numeric(12, 2)  NOT NULL,
    channels        text[]          NOT NULL,
    paused_agent_ids uuid[]         NOT NULL DEFAULT '{}',
    created_at      timestamptz     NOT NULL DEFAULT now(),
    notified_at     timestamptz,
    FOREIGN KEY (organization_id, budget_id) REFERENCES budgets (organization_id, id) ON DELETE CASCADE,
    UNIQUE (budget_id, period_start, kind, threshold)
);
CREATE INDEX budget_alerts_budget_time_idx ON budget_alerts (organization_id, budget_id, created_at DESC);
-- what a notification sender drains
CREATE INDEX budget_alerts_pending_idx ON budget_alerts (created_at) WHERE notified_at IS NULL;

ALTER TABLE budget_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE budget_alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON budget_alerts
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());

-- Cost views group the hourly rollups by the agents' team.
CREATE INDEX agents_org_team_idx ON agents (organization_id, team) WHERE team IS NOT NULL;
