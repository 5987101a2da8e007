-- Idempotency-Key (docs/api.md, "Idempotency"): the first response to a POST, kept 24 hours per organization,
-- credential (user or API key) and key. A row with no status is a request still in flight; its lease
-- (locked_until) lets a later request take the key over when the instance that held it died mid-request.
-- Version 6.1: V006 was taken when this number was handed out; 6.1 sorts before the V007/V008 of parallel branches.
CREATE TABLE idempotency_keys (
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    credential_id   uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    locked_until    timestamptz,
    response_status integer,
    response_body   text,
    response_location text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, credential_id, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (organization_id, expires_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO ${approle};
