package dev.agentops.hub.ingestion;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/** Job status for clients, read under the caller's tenant scope. */
@Singleton
class IngestJobs {

    private final Jdbc jdbc;
    private final TenantTransactions tenants;

    IngestJobs(Jdbc jdbc, TenantTransactions tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    Optional<JobStatus> find(UUID organizationId, UUID id) {
        return tenants.read(organizationId, () -> jdbc.queryOne("""
                select id, status, attempts, last_error, received_at from ingest_queue where organization_id = ? and id = ?""",
                row -> new JobStatus(row.uuid("id"), row.string("status"), row.intValue("attempts"), row.string("last_error"),
                    null, row.instant("received_at"), null), organizationId, id)
            .or(() -> jdbc.queryOne("select id, run_id, processed_at from ingest_jobs_done where organization_id = ? and id = ?",
                row -> new JobStatus(row.uuid("id"), "processed", 0, null, row.uuid("run_id"), null, row.instant("processed_at")),
                organizationId, id)));
    }
}
