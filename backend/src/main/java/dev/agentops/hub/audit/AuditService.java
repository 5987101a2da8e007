package dev.agentops.hub.audit;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.db.SqlFilter;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** Reads the audit trail and verifies its hash chain. */
@Singleton
class AuditService {

    private static final int VERIFY_BATCH = 1000;

    private final TenantTransactions tenants;
    private final Jdbc jdbc;

    AuditService(TenantTransactions tenants, Jdbc jdbc) {
        this.tenants = tenants;
        this.jdbc = jdbc;
    }

    List<AuditLogResponse> list(UUID organizationId, AuditQuery query) {
        SqlFilter filter = new SqlFilter("select * from audit_logs where organization_id = ?", organizationId)
            .and("actor_type = ?", query.actorType())
            .and("actor_id = ?", query.actorId())
            .and("action = ?", query.action())
            .and("entity_type = ?", query.entityType())
            .and("created_at >= ?", query.from())
            .and("created_at < ?", query.to())
            .and("seq < ?", query.beforeSeq())
            .append(" order by seq desc limit ?", query.limit() + 1);
        return tenants.read(organizationId, () -> jdbc.query(filter.sql(), AuditService::toResponse, filter.args()));
    }

    /**
     * Walks the chain in order: every row must name its predecessor's hash, carry the hash its own values give,
     * and follow it without a gap in {@code seq} (a deleted row breaks the chain at its successor).
     */
    ChainVerification verify(UUID organizationId) {
        return tenants.read(organizationId, () -> {
            long checked = 0;
            long lastSeq = 0;
            String lastHash = null;
            while (true) {
                List<ChainRow> batch = jdbc.query("""
                    select id, seq, prev_hash, hash,
                           audit_row_hash(prev_hash, organization_id, seq, actor_type, actor_id, action, entity_type,
                                          entity_id, changes, ip, user_agent, request_id, created_at) as expected
                      from audit_logs where organization_id = ? and seq > ? order by seq limit ?""",
                    row -> new ChainRow(row.uuid("id"), row.longValue("seq"), row.string("prev_hash"),
                        row.string("hash"), row.string("expected")),
                    organizationId, lastSeq, VERIFY_BATCH);
                for (ChainRow row : batch) {
                    checked++;
                    boolean linked = row.seq() == lastSeq + 1 && java.util.Objects.equals(row.prevHash(), lastHash);
                    if (!linked || !row.hash().equals(row.expected())) {
                        return new ChainVerification(false, checked, row.id());
                    }
                    lastSeq = row.seq();
                    lastHash = row.hash();
                }
                if (batch.size() < VERIFY_BATCH) {
                    return new ChainVerification(true, checked, null);
                }
            }
        });
    }

    private static AuditLogResponse toResponse(Jdbc.Row row) throws java.sql.SQLException {
        return new AuditLogResponse(row.uuid("id"), row.longValue("seq"), row.string("actor_type"), row.uuid("actor_id"),
            row.string("action"), row.string("entity_type"), row.string("entity_id"), row.jsonObject("changes"),
            row.string("ip"), row.string("user_agent"), row.string("request_id"), row.instant("created_at"),
            row.string("prev_hash"), row.string("hash"));
    }

    private record ChainRow(UUID id, long seq, String prevHash, String hash, String expected) {
    }
}
