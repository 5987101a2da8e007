-- Issue #18: a usage object of no known shape is stored unpriced with cost_source 'usage_unrecognized' (never priced
-- as 0), and the keys that were not understood are kept as pricing provenance. A run keeps its own usage's keys in
-- reported_usage (jsonb, already there); an event has no such column, hence usage_unrecognized_keys.

ALTER TABLE runs DROP CONSTRAINT runs_cost_source_check;
ALTER TABLE runs ADD CONSTRAINT runs_cost_source_check
    CHECK (cost_source IN ('computed', 'provided', 'unpriced', 'usage_unrecognized')) NOT VALID;
ALTER TABLE runs VALIDATE CONSTRAINT runs_cost_source_check;

ALTER TABLE events DROP CONSTRAINT events_cost_source_check;
ALTER TABLE events ADD CONSTRAINT events_cost_source_check
    CHECK (cost_source IN ('computed', 'provided', 'unpriced', 'usage_unrecognized')) NOT VALID;
ALTER TABLE events VALIDATE CONSTRAINT events_cost_source_check;

ALTER TABLE events ADD COLUMN usage_unrecognized_keys text[];
