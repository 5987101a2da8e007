-- Identity and access: sessions, password resets, 2FA, and the narrow "lookup doors" that authentication needs
-- before it knows the organization. Each door is a SELECT policy that shows a row only to a transaction that
-- already holds a secret naming it (a key prefix, a token hash) or that acts for one user; TenantTransactions
-- and LookupTransactions set these transaction-local values, nothing else does.

CREATE FUNCTION current_setting_or_null(name text) RETURNS text
    LANGUAGE sql STABLE
AS $$ SELECT NULLIF(current_setting(name, true), '') $$;
GRANT EXECUTE ON FUNCTION current_setting_or_null(text) TO ${approle};

ALTER TABLE users ADD COLUMN mfa_last_step bigint;

-- Refresh tokens: single use, rotated; a family is one login. Reusing a dead token revokes the whole family.
CREATE TABLE refresh_tokens (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id       uuid        NOT NULL,
    token_hash      text        NOT NULL UNIQUE,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    revoked_at      timestamptz,
    revoked_reason  text,
    ip              text,
    user_agent      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON refresh_tokens
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());
-- a refresh call knows only its token; the hash names exactly one row
CREATE POLICY token_lookup ON refresh_tokens FOR SELECT
    USING (token_hash = current_setting_or_null('app.token_hash'));
-- password reset and logout everywhere act for one user across all organizations
CREATE POLICY user_sessions ON refresh_tokens
    USING (user_id = current_setting_or_null('app.user_id')::uuid)
    WITH CHECK (user_id = current_setting_or_null('app.user_id')::uuid);

-- login finds the organizations of the user it authenticates; accepting an invitation finds it by its token
CREATE POLICY own_memberships ON organization_members FOR SELECT
    USING (user_id = current_setting_or_null('app.user_id')::uuid);
CREATE POLICY invitation_lookup ON organization_members FOR SELECT
    USING (invite_token_hash = current_setting_or_null('app.token_hash'));
CREATE POLICY member_organizations ON organizations FOR SELECT
    USING (id IN (SELECT m.organization_id FROM organization_members m
                  WHERE m.user_id = current_setting_or_null('app.user_id')::uuid
                     OR m.invite_token_hash = current_setting_or_null('app.token_hash')));
-- an API key is found by the public prefix it carries; its hash is then compared in constant time
CREATE POLICY key_lookup ON api_keys FOR SELECT
    USING (prefix = current_setting_or_null('app.api_key_prefix'));

-- users-level secrets: no organization, no tenant policy needed
CREATE TABLE password_reset_tokens (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash text        NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id);

CREATE TABLE mfa_recovery_codes (
    id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash text        NOT NULL,
    used_at   timestamptz,
    UNIQUE (user_id, code_hash)
);

-- Audit hash chain. The hash is computed by the database from the stored values (jsonb has one canonical text
-- form), so writing and verifying use the very same function.
CREATE FUNCTION audit_row_hash(prev_hash text, organization_id uuid, seq bigint, actor_type text, actor_id uuid,
                               action text, entity_type text, entity_id text, changes jsonb, ip text,
                               user_agent text, request_id text, created_at timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT encode(sha256(convert_to(concat_ws(chr(31),
        coalesce(prev_hash, ''), organization_id::text, seq::text, actor_type, coalesce(actor_id::text, ''),
        action, entity_type, coalesce(entity_id, ''), changes::text, coalesce(ip, ''), coalesce(user_agent, ''),
        coalesce(request_id, ''), to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
        'UTF8')), 'hex')
$$;
GRANT EXECUTE ON FUNCTION audit_row_hash(text, uuid, bigint, text, uuid, text, text, text, jsonb, text, text, text,
    timestamptz) TO ${approle};

GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_tokens, password_reset_tokens, mfa_recovery_codes TO ${approle};
