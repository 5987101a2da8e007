-- Pending signups. Signup answers the same for every address (whether it has an account is nobody's business), so
-- it creates nothing yet: a new address gets a row here and an e-mail with a one-time link; confirming the link
-- creates the organization and its admin. Not a tenant table: no organization exists until the confirmation, like
-- password_reset_tokens. Only the token's SHA-256 is stored; the password is already an Argon2id hash.
CREATE TABLE signup_requests (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token_hash        text        NOT NULL UNIQUE,
    email             text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320 AND email = lower(email)),
    password_hash     text        NOT NULL,
    full_name         text        NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    organization_name text        NOT NULL CHECK (length(organization_name) BETWEEN 1 AND 200),
    expires_at        timestamptz NOT NULL,
    used_at           timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now()
);
-- Serves the sweep of expired requests that every signup runs.
CREATE INDEX signup_requests_expires_idx ON signup_requests (expires_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON signup_requests TO ${approle};
