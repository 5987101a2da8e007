package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.db.TimeOrderedIds;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The durable queue of accepted payloads. Every method runs in a transaction with the INGEST door open
 * (see V003__ingestion.sql): these statements span organizations by design.
 */
// Hand-written SQL on purpose (#17): the ingest hot path (group commit, SKIP LOCKED claims across organizations).
@Singleton
class IngestQueue {

    record Job(UUID id, UUID organizationId, UUID apiKeyId, String payload, int attempts, Instant receivedAt) {
    }

    record Pending(UUID id, UUID organizationId, UUID apiKeyId, String payload) {

        /** A new job for a validated piece and the agent it was resolved to now. */
        static Pending of(JsonMapper json, UUID org, UUID apiKeyId, UUID agentId, IngestRunRequest run) {
            try {
                return new Pending(TimeOrderedIds.next(), org, apiKeyId,
                    json.writeValueAsString(new QueuedRun(agentId, Instant.now(), run)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Jdbc jdbc;

    IngestQueue(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<Pending> batch) {
        jdbc.rows("insert into ingest_queue (id, organization_id, api_key_id, payload) values", "(?, ?, ?, ?)",
            batch.stream().map(p -> new Object[]{p.id(), p.organizationId(), p.apiKeyId(), p.payload()}).toList(), "", null);
    }

    /**
     * Locks up to {@code max} ready jobs of any organization; rows locked by other workers are skipped. Always through
     * the queue-order index: the table is mostly rows deleted since the last vacuum, and a sequential scan (which the
     * planner picks once the table has grown) reads all of them on every claim, while index scans mark dead entries
     * as they pass, so that later claims skip them without reading the table.
     */
    List<Job> claim(int max) {
        jdbc.update("set local enable_seqscan = off");
        List<Job> jobs = jdbc.query("""
            select id, organization_id, api_key_id, payload, attempts, received_at from ingest_queue
             where status = 'queued' and next_attempt_at <= now()
             order by seq limit ? for update skip locked""", IngestQueue::map, max);
        jdbc.update("set local enable_seqscan = on");
        return jobs;
    }

    /**
     * Lets the current (worker) transaction commit without waiting for its WAL to reach the disk. A crash before the disk
     * has it loses the transaction whole: its jobs are still queued and merge again, and a piece merged twice counts once.
     * Only the acknowledgements' commits promise durability; they keep waiting for the disk, and flush this WAL with theirs,
     * as does any later commit that depends on it (an alert, a pause). The worker no longer waits on a flush of its own.
     */
    void commitWithoutWaitingForDisk() {
        jdbc.update("set local synchronous_commit = off");
    }

    Optional<Job> claimOne(UUID id) {
        return jdbc.queryOne("""
            select id, organization_id, api_key_id, payload, attempts, received_at from ingest_queue
             where id = ? and status = 'queued' for update skip locked""", IngestQueue::map, id);
    }

    /** Deletes the processed jobs and remembers them (with their run) for {@code GET /ingest/jobs/:id}. */
    void complete(List<Job> jobs, List<UUID> runIds) {
        jdbc.update("delete from ingest_queue where id = any(?::uuid[])", jobs.stream().map(Job::id).toList());
        List<Object[]> rows = IntStream.range(0, jobs.size())
            .mapToObj(i -> new Object[]{jobs.get(i).id(), jobs.get(i).organizationId(), runIds.get(i)}).toList();
        jdbc.rows("insert into ingest_jobs_done (id, organization_id, run_id) values", "(?, ?, ?)", rows,
            "on conflict do nothing", null);
    }

    /** Backs off exponentially; after {@code maxAttempts} the job stays visible as failed with its reason. */
    int fail(UUID id, String reason, boolean permanent, int maxAttempts, Duration baseDelay) {
        return jdbc.update("""
            update ingest_queue set attempts = attempts + 1, last_error = ?,
                   status = case when ? or attempts + 1 >= ? then 'failed' else 'queued' end,
                   next_attempt_at = now() + (? * power(2, attempts)) * interval '1 millisecond'
             where id = ?""", reason, permanent, maxAttempts, baseDelay.toMillis(), id);
    }

    int pruneDone(Duration olderThan) {
        return jdbc.update("delete from ingest_jobs_done where processed_at < now() - ? * interval '1 second'", olderThan.toSeconds());
    }

    private static Job map(Jdbc.Row row) throws SQLException {
        return new Job(row.uuid("id"), row.uuid("organization_id"), row.uuid("api_key_id"), row.string("payload"),
            row.intValue("attempts"), row.instant("received_at"));
    }
}
