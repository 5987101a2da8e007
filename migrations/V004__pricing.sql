-- Pricing: an organization's own model prices, which win over the shipped catalog
-- (backend/src/main/resources/pricing/catalog.json) for that organization only.
--
-- Prices are USD per token, numeric(20, 12): exact, never floating point; the API refuses values with more
-- decimals instead of letting them round here. Rows are never updated (replace = delete + create), so a run's
-- pricing_model 'org:<id>' names one set of prices for good: the application role gets no UPDATE.

CREATE TABLE model_prices (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id      uuid            NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    model                text            NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
    -- Java regex, case-insensitive, whole name; NULL = the model name exactly
    match_pattern        text            CHECK (length(match_pattern) BETWEEN 1 AND 500),
    provider             text            CHECK (length(provider) BETWEEN 1 AND 100),
    input_price          numeric(20, 12) CHECK (input_price >= 0),
    output_price         numeric(20, 12) CHECK (output_price >= 0),
    cache_read_price     numeric(20, 12) CHECK (cache_read_price >= 0),
    cache_write_5m_price numeric(20, 12) CHECK (cache_write_5m_price >= 0),
    cache_write_1h_price numeric(20, 12) CHECK (cache_write_1h_price >= 0),
    reasoning_price      numeric(20, 12) CHECK (reasoning_price >= 0),
    -- [{"above_input_tokens": 200000, "prices": {"input": "0.000005", ...}}], prices as decimal strings
    tiers                jsonb           NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tiers) = 'array'),
    effective_from       date,
    created_by           uuid            REFERENCES users (id) ON DELETE SET NULL,
    created_at           timestamptz     NOT NULL DEFAULT now(),
    UNIQUE (organization_id, model),
    CHECK (input_price IS NOT NULL OR output_price IS NOT NULL)
);
-- the API's list (newest first, keyset) and the pricing cache's load
CREATE INDEX model_prices_org_created_idx ON model_prices (organization_id, created_at DESC, id DESC);

ALTER TABLE model_prices ENABLE ROW LEVEL SECURITY;
ALTER TABLE model_prices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON model_prices
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());

REVOKE UPDATE ON model_prices FROM ${approle};
GRANT SELECT, INSERT, DELETE ON model_prices TO ${approle};
