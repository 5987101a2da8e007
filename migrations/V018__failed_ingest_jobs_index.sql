-- Failed ingest jobs are listed per organization, newest first, by admins (GET /api/v1/ingest/jobs?status=failed).
-- The queue's only other index covers queued rows; this one stays tiny because failed rows are rare.
CREATE INDEX ingest_queue_failed_idx ON ingest_queue (organization_id, received_at DESC, id DESC) WHERE status = 'failed';
