-- The metrics endpoint counts failed ingest jobs (agentops_ingest_queue_failed) every few seconds while it is scraped:
-- without this index that count reads the whole queue table, which is mostly dead rows between vacuums. Failed rows
-- are rare, so the index is tiny and queued rows never enter it.
CREATE INDEX ingest_queue_failed_idx ON ingest_queue (seq) WHERE status = 'failed';
