package dev.agentops.hub.ingestion;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.db.SqlFilter;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Failed ingest jobs for admins: list them and put them back in the queue. A job fails for good after
 * {@code agentops.ingest.max-attempts} attempts (or at once when it can never succeed, e.g. its agent was deleted);
 * it stays in the queue, invisible to workers, until requeued here. Requeueing resets its attempts, so a job that
 * fails again is retried the full number of times. Everything runs under the organization's tenant scope.
 */
@Singleton
class FailedJobs {

    /** One call requeues at most this many jobs, so that it stays a short transaction; the answer says how many remain. */
    static final int MAX_REQUEUE = 10_000;

    private final Jdbc jdbc;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final IngestJobs jobs;

    FailedJobs(Jdbc jdbc, TenantTransactions tenants, AuditTrail audit, IngestJobs jobs) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.jobs = jobs;
    }

    ListResponse<FailedJob> list(UUID org, String cursor, Integer limit) {
        int size = Paging.limit(limit);
        Paging.TimeAndId before = Paging.decodeTimeAndId(cursor);
        SqlFilter query = new SqlFilter("""
            select id, attempts, last_error, received_at from ingest_queue
             where organization_id = ? and status = 'failed'""", org);
        if (before != null) {
            query.append(" and (received_at, id) < (?, ?)", before.at(), before.id());
        }
        query.append(" order by received_at desc, id desc limit ?", size + 1);
        List<FailedJob> rows = tenants.read(org, () -> jdbc.query(query.sql(),
            row -> new FailedJob(row.uuid("id"), "failed", row.intValue("attempts"), row.string("last_error"), row.instant("received_at")),
            query.args()));
        return Paging.page(rows, size, job -> new Paging.TimeAndId(job.receivedAt(), job.id()).key());
    }

    JobStatus requeue(UUID org, AuditActor by, UUID id) {
        return tenants.write(org, () -> {
            JobStatus job = jobs.find(org, id).orElseThrow(() -> Problems.notFound("ingest job", id));
            if (!"failed".equals(job.status())) {
                throw Problems.conflict("job_not_failed",
                    "Ingest job " + id + " is " + job.status() + "; only failed jobs can be requeued.");
            }
            jdbc.update("""
                update ingest_queue set status = 'queued', attempts = 0, last_error = null, next_attempt_at = now()
                 where organization_id = ? and id = ? and status = 'failed'""", org, id);
            audit.record(org, by, AuditEvent.of("ingest_job.requeued", "ingest_job", id)
                .with("attempts", job.attempts()).with("error", job.error()));
            return new JobStatus(id, "queued", 0, null, null, job.receivedAt(), null);
        });
    }

    RequeueResult requeueAll(UUID org, AuditActor by, String status) {
        if (!"failed".equals(status)) {
            throw Problems.validation("status", "must be \"failed\" (only failed jobs can be requeued)");
        }
        return tenants.write(org, () -> {
            List<UUID> requeued = jdbc.query("""
                update ingest_queue set status = 'queued', attempts = 0, last_error = null, next_attempt_at = now()
                 where id in (select id from ingest_queue where organization_id = ? and status = 'failed'
                               order by received_at limit ? for update skip locked)
                returning id""", row -> row.uuid("id"), org, MAX_REQUEUE);
            long remaining = jdbc.queryOne("select count(*) as n from ingest_queue where organization_id = ? and status = 'failed'",
                row -> row.longValue("n"), org).orElse(0L);
            if (!requeued.isEmpty()) {
                audit.record(org, by, AuditEvent.of("ingest_jobs.requeued", "organization", org)
                    .with("requeued", requeued.size()).with("remaining", remaining));
            }
            return new RequeueResult(requeued.size(), remaining);
        });
    }
}
