-- Emergency controls: who paused an agent, why, and through which path; the organization-wide halt (kill switch).

-- A paused agent carries its pause: the reason, where it came from (a person, the kill switch, a budget, a policy)
-- and who took it (a user, an API key or the system; the name is kept as it was then, so the record survives the
-- key's deletion or the user's rename). The kill switch marks the agents it paused with pause_source = 'kill_switch':
-- its release resumes exactly those, and agents paused for another reason stay paused.
ALTER TABLE agents ADD COLUMN paused_reason  text        CHECK (length(paused_reason) <= 500);
ALTER TABLE agents ADD COLUMN pause_source   text        CHECK (pause_source IN ('person', 'kill_switch', 'budget', 'policy'));
ALTER TABLE agents ADD COLUMN paused_by_type text        CHECK (paused_by_type IN ('user', 'api_key', 'system'));
ALTER TABLE agents ADD COLUMN paused_by_id   uuid;
ALTER TABLE agents ADD COLUMN paused_by_name text        CHECK (length(paused_by_name) <= 200);
ALTER TABLE agents ADD COLUMN paused_at      timestamptz;

-- The halt is the organization row's status ('paused' = halted since paused_at) plus who engaged it and why.
-- Engaging updates this row and the agents in one transaction; pauses and resumes lock the row FOR SHARE, so they
-- are ordered with an engage or release of the same organization.
ALTER TABLE organizations ADD COLUMN halt_reason     text CHECK (length(halt_reason) <= 500);
ALTER TABLE organizations ADD COLUMN halted_by_type  text CHECK (halted_by_type IN ('user', 'api_key', 'system'));
ALTER TABLE organizations ADD COLUMN halted_by_id    uuid;
ALTER TABLE organizations ADD COLUMN halted_by_name  text CHECK (length(halted_by_name) <= 200);
