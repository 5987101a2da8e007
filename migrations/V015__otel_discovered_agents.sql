-- OpenTelemetry ingest (issue #16): an agent first seen in a trace is created on the fly and marked discovered, so
-- that people can tell it from the agents they registered; an organization may turn that off (its traces then need
-- agents that exist).
ALTER TABLE agents ADD COLUMN discovered boolean NOT NULL DEFAULT false;
ALTER TABLE organizations ADD COLUMN discover_agents boolean NOT NULL DEFAULT true;
