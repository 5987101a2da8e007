-- Failed ingest jobs: listed per organization, newest first, by admins (GET /api/v1/ingest/jobs?status=failed), and
-- counted every few seconds while /metrics is scraped (agentops_ingest_queue_failed). Without this index both read the
-- whole queue table, mostly dead rows between vacuums; failed rows are rare, so the index is tiny and queued rows never
-- enter it.
CREATE INDEX ingest_queue_failed_idx ON ingest_queue (organization_id, received_at DESC, id DESC) WHERE status = 'failed';
