-- AgentOps Hub schema, version 1.
--
-- Runs as the OWNER role (the Flyway login). ${approle} is the RLS-bound role the application pool logs in
-- with: it owns nothing, has no BYPASSRLS, and only gets DML on the tables below.
--
-- Tenant isolation: every table with an organization_id has ENABLE + FORCE ROW LEVEL SECURITY and a policy on
-- the transaction-local setting app.org_id (set by TenantTransactions). NULLIF(..., ''): a pooled session that
-- once set the value reads '' afterwards, and ''::uuid would raise instead of matching nothing.

CREATE FUNCTION current_org_id() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT NULLIF(current_setting('app.org_id', true), '')::uuid $$;

-- organizations ---------------------------------------------------------------------------------------------
CREATE TABLE organizations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    logo_url    text        CHECK (length(logo_url) <= 2048),
    plan        text        NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'team', 'business', 'enterprise')),
    status      text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    paused_at   timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- users: global identities (one person may belong to several organizations through organization_members).
-- Not a tenant table: login must find a user before any organization is known.
CREATE TABLE users (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email             text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320 AND email = lower(email)),
    password_hash     text        NOT NULL,
    full_name         text        NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    email_verified_at timestamptz,
    mfa_enabled       boolean     NOT NULL DEFAULT false,
    mfa_secret        text,
    last_login_at     timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE organization_members (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id   uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id           uuid        REFERENCES users (id) ON DELETE CASCADE,
    email             text        NOT NULL CHECK (email = lower(email)),
    role              text        NOT NULL CHECK (role IN ('admin', 'team_lead', 'member', 'viewer')),
    teams             text[]      NOT NULL DEFAULT '{}',
    status            text        NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active')),
    invite_token_hash text,
    invite_expires_at timestamptz,
    invited_by        uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (status = 'invited' OR user_id IS NOT NULL)
);
CREATE UNIQUE INDEX organization_members_org_email_key ON organization_members (organization_id, email);
CREATE UNIQUE INDEX organization_members_org_user_key ON organization_members (organization_id, user_id);
CREATE INDEX organization_members_user_idx ON organization_members (user_id);
CREATE UNIQUE INDEX organization_members_invite_token_key ON organization_members (invite_token_hash)
    WHERE invite_token_hash IS NOT NULL;

CREATE TABLE api_keys (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix          text        NOT NULL UNIQUE,
    key_hash        text        NOT NULL,
    scopes          text[]      NOT NULL DEFAULT '{}',
    created_by      uuid        REFERENCES users (id) ON DELETE SET NULL,
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_org_idx ON api_keys (organization_id, created_at DESC);

-- audit_logs: append-only; each organization's rows form a hash chain ordered by seq.
CREATE TABLE audit_logs (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    seq             bigint      NOT NULL,
    actor_type      text        NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
    actor_id        uuid,
    action          text        NOT NULL,
    entity_type     text        NOT NULL,
    entity_id       text,
    changes         jsonb       NOT NULL DEFAULT '{}',
    ip              text,
    user_agent      text,
    request_id      text,
    prev_hash       text,
    hash            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, seq)
);
CREATE INDEX audit_logs_org_time_idx ON audit_logs (organization_id, created_at DESC, id DESC);
CREATE INDEX audit_logs_org_action_idx ON audit_logs (organization_id, action, created_at DESC);
CREATE INDEX audit_logs_org_entity_idx ON audit_logs (organization_id, entity_type, entity_id);

-- agents, runs, events ----------------------------------------------------------------------------------------
CREATE TABLE agents (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug            text        NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    type            text        NOT NULL DEFAULT 'custom' CHECK (length(type) BETWEEN 1 AND 50),
    provider        text        CHECK (length(provider) <= 50),
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'error', 'archived')),
    team            text        CHECK (length(team) <= 100),
    tags            text[]      NOT NULL DEFAULT '{}',
    environment     text        NOT NULL DEFAULT 'production' CHECK (length(environment) BETWEEN 1 AND 50),
    config          jsonb       NOT NULL DEFAULT '{}',
    created_by      uuid        REFERENCES users (id) ON DELETE SET NULL,
    last_run_at     timestamptz,
    archived_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, slug),
    UNIQUE (organization_id, id)
);
CREATE INDEX agents_org_status_idx ON agents (organization_id, status);

CREATE TABLE runs (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id    uuid          NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    agent_id           uuid          NOT NULL,
    external_reference text          NOT NULL CHECK (length(external_reference) BETWEEN 1 AND 200),
    status             text          NOT NULL DEFAULT 'running'
                                     CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
    input              jsonb,
    output             jsonb,
    error              text,
    start_time         timestamptz   NOT NULL,
    end_time           timestamptz,
    duration_ms        bigint        CHECK (duration_ms >= 0),
    model              text,
    input_tokens       bigint        NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens      bigint        NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    cache_read_tokens  bigint        NOT NULL DEFAULT 0 CHECK (cache_read_tokens >= 0),
    cache_write_tokens bigint        NOT NULL DEFAULT 0 CHECK (cache_write_tokens >= 0),
    reasoning_tokens   bigint        NOT NULL DEFAULT 0 CHECK (reasoning_tokens >= 0),
    cost_usd           numeric(20, 10) CHECK (cost_usd >= 0),
    cost_breakdown     jsonb,
    cost_source        text          NOT NULL DEFAULT 'unpriced'
                                     CHECK (cost_source IN ('computed', 'provided', 'unpriced')),
    pricing_model      text,
    pricing_version    text,
    tags               text[]        NOT NULL DEFAULT '{}',
    metadata           jsonb         NOT NULL DEFAULT '{}',
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (organization_id, external_reference),
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, agent_id) REFERENCES agents (organization_id, id)
);
-- keyset paging newest first, per organization and per agent; status and model filters
CREATE INDEX runs_org_start_idx ON runs (organization_id, start_time DESC, id DESC);
CREATE INDEX runs_org_agent_start_idx ON runs (organization_id, agent_id, start_time DESC, id DESC);
CREATE INDEX runs_org_status_start_idx ON runs (organization_id, status, start_time DESC, id DESC);
CREATE INDEX runs_org_model_start_idx ON runs (organization_id, model, start_time DESC);
CREATE INDEX runs_tags_idx ON runs USING gin (tags);

CREATE TABLE events (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id    uuid          NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    run_id             uuid          NOT NULL,
    event_id           text          NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
    event_type         text          NOT NULL CHECK (event_type IN ('llm_call', 'tool_call', 'external_action',
                                         'policy_check', 'approval', 'log', 'error', 'custom')),
    timestamp          timestamptz   NOT NULL,
    duration_ms        bigint        CHECK (duration_ms >= 0),
    payload            jsonb         NOT NULL DEFAULT '{}',
    model              text,
    input_tokens       bigint        NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens      bigint        NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    cache_read_tokens  bigint        NOT NULL DEFAULT 0 CHECK (cache_read_tokens >= 0),
    cache_write_tokens bigint        NOT NULL DEFAULT 0 CHECK (cache_write_tokens >= 0),
    reasoning_tokens   bigint        NOT NULL DEFAULT 0 CHECK (reasoning_tokens >= 0),
    cost_usd           numeric(20, 10) CHECK (cost_usd >= 0),
    cost_source        text          NOT NULL DEFAULT 'unpriced'
                                     CHECK (cost_source IN ('computed', 'provided', 'unpriced')),
    created_at         timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (run_id, event_id),
    FOREIGN KEY (organization_id, run_id) REFERENCES runs (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX events_org_run_time_idx ON events (organization_id, run_id, timestamp, id);

-- policies, approvals, budgets --------------------------------------------------------------------------------
CREATE TABLE policies (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description     text        CHECK (length(description) <= 2000),
    agent_id        uuid,
    rules           jsonb       NOT NULL DEFAULT '[]',
    default_decision text       NOT NULL DEFAULT 'allow' CHECK (default_decision IN ('allow', 'block', 'require_approval')),
    enabled         boolean     NOT NULL DEFAULT true,
    priority        integer     NOT NULL DEFAULT 100,
    created_by      uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, agent_id) REFERENCES agents (organization_id, id)
);
CREATE INDEX policies_org_agent_idx ON policies (organization_id, agent_id) WHERE enabled;

CREATE TABLE approval_requests (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    policy_id       uuid,
    agent_id        uuid        NOT NULL,
    run_id          uuid,
    action_type     text        NOT NULL CHECK (length(action_type) BETWEEN 1 AND 100),
    payload         jsonb       NOT NULL DEFAULT '{}',
    reason          text,
    status          text        NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    requested_at    timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    decided_by      uuid        REFERENCES users (id) ON DELETE SET NULL,
    decided_at      timestamptz,
    decision_note   text        CHECK (length(decision_note) <= 2000),
    FOREIGN KEY (organization_id, policy_id) REFERENCES policies (organization_id, id),
    FOREIGN KEY (organization_id, agent_id) REFERENCES agents (organization_id, id),
    FOREIGN KEY (organization_id, run_id) REFERENCES runs (organization_id, id),
    CHECK ((status IN ('pending', 'expired')) = (decided_at IS NULL))
);
CREATE INDEX approval_requests_org_pending_idx ON approval_requests (organization_id, requested_at)
    WHERE status = 'pending';

CREATE TABLE budgets (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id  uuid          NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name             text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    scope_type       text          NOT NULL CHECK (scope_type IN ('organization', 'agent', 'team')),
    agent_id         uuid,
    team             text,
    period           text          NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly')),
    amount_usd       numeric(20, 10) NOT NULL CHECK (amount_usd > 0),
    alert_thresholds integer[]     NOT NULL DEFAULT '{50,80,100}',
    action_on_exceed text          NOT NULL DEFAULT 'alert' CHECK (action_on_exceed IN ('alert', 'pause')),
    enabled          boolean       NOT NULL DEFAULT true,
    created_by       uuid          REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    FOREIGN KEY (organization_id, agent_id) REFERENCES agents (organization_id, id),
    CHECK ((scope_type = 'agent') = (agent_id IS NOT NULL)),
    CHECK ((scope_type = 'team') = (team IS NOT NULL))
);
CREATE INDEX budgets_org_idx ON budgets (organization_id, scope_type);

-- row-level security ------------------------------------------------------------------------------------------
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations
    USING (id = current_org_id()) WITH CHECK (id = current_org_id());

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organization_members', 'api_keys', 'audit_logs', 'agents', 'runs', 'events',
                             'policies', 'approval_requests', 'budgets']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = current_org_id()) '
                       'WITH CHECK (organization_id = current_org_id())', t);
    END LOOP;
END $$;

-- privileges for the application role: DML only, nothing owned ------------------------------------------------
GRANT USAGE ON SCHEMA public TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON organizations, users, organization_members, api_keys, agents, runs, events,
    policies, approval_requests, budgets TO ${approle};
-- audit rows are never changed by the application
GRANT SELECT, INSERT ON audit_logs TO ${approle};
GRANT EXECUTE ON FUNCTION current_org_id() TO ${approle};
-- tables and sequences created later by this (owner) role get the same grants automatically
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${approle};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${approle};
-- functions are EXECUTE-able by PUBLIC by default; make new ones opt-in
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
