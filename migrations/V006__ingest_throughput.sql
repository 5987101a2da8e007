-- Ingestion at a thousand runs a second on a small machine.

-- The queue holds payloads the server itself serialised: text is enough, and PostgreSQL no longer parses each one
-- as jsonb on the way in and prints it back on the way out.
ALTER TABLE ingest_queue ALTER COLUMN payload TYPE text USING payload::text;

-- Workers take the oldest ready rows: an index in queue order lets them stop after a batch instead of sorting every
-- queued row (the old index led with next_attempt_at, so a backlog of thousands was sorted on every claim).
DROP INDEX ingest_queue_ready_idx;
CREATE INDEX ingest_queue_ready_idx ON ingest_queue (seq) WHERE status = 'queued';

-- An event's organization is that of its run, and events -> runs is already a foreign key that cascades: checking
-- the organization a second time cost a lookup per inserted event.
ALTER TABLE events DROP CONSTRAINT events_organization_id_fkey;

-- Events are read per run (in time order, a few thousand at most): the unique (run_id, event_id) index finds them,
-- and this one was a third index to maintain on every inserted event.
DROP INDEX events_org_run_time_idx;

-- Every processed row is deleted at once, so the queue is mostly dead rows that each claim walks past in the index
-- until a vacuum clears them: vacuum it after every thousand deletes instead of after a fifth of the table.
ALTER TABLE ingest_queue SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0,
                              autovacuum_vacuum_cost_delay = 0);
