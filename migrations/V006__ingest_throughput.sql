-- Ingestion at a thousand runs a second on a small machine.

-- The queue holds payloads the server itself serialised: text is enough, and PostgreSQL no longer parses each one
-- as jsonb on the way in and prints it back on the way out.
ALTER TABLE ingest_queue ALTER COLUMN payload TYPE text USING payload::text;

-- Workers take the oldest ready rows: an index in queue order lets them stop after a batch instead of sorting every
-- queued row (the old index led with next_attempt_at, so a backlog of thousands was sorted on every claim).
DROP INDEX ingest_queue_ready_idx;
CREATE INDEX ingest_queue_ready_idx ON ingest_queue (seq) WHERE status = 'queued';
