package dev.agentops.hub.audit;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.web.ClientInfo;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Writes audit rows. Call it inside the tenant transaction of the change it records, so the row commits or rolls
 * back with the change. Rows of one organization form a hash chain: each row stores the previous row's hash and
 * its own, computed by the database function {@code audit_row_hash} from the stored values. An advisory lock
 * per organization orders concurrent writers, so the chain never forks.
 */
@Singleton
public class AuditTrail {

    private static final String APPEND = """
        with p as (select ?::uuid as org, ?::text as actor_type, ?::uuid as actor_id, ?::text as action,
                          ?::text as entity_type, ?::text as entity_id, ?::jsonb as changes, ?::text as ip,
                          ?::text as user_agent, ?::text as request_id, date_trunc('milliseconds', now()) as at),
             last as (select seq, hash from audit_logs where organization_id = (select org from p)
                      order by seq desc limit 1)
        insert into audit_logs (organization_id, seq, actor_type, actor_id, action, entity_type, entity_id, changes,
                                ip, user_agent, request_id, created_at, prev_hash, hash)
        select p.org, coalesce(last.seq, 0) + 1, p.actor_type, p.actor_id, p.action, p.entity_type, p.entity_id,
               p.changes, p.ip, p.user_agent, p.request_id, p.at, last.hash,
               audit_row_hash(last.hash, p.org, coalesce(last.seq, 0) + 1, p.actor_type, p.actor_id, p.action,
                              p.entity_type, p.entity_id, p.changes, p.ip, p.user_agent, p.request_id, p.at)
          from p left join last on true
        """;

    private final Jdbc jdbc;

    public AuditTrail(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID organizationId, AuditActor actor, AuditEvent event) {
        ClientInfo client = ClientInfo.current().orElseGet(ClientInfo::none);
        jdbc.queryOne("select pg_advisory_xact_lock(hashtextextended(?::text, 1001))", row -> 1, organizationId);
        jdbc.update(APPEND, organizationId, actor.type(), actor.id(), event.action(), event.entityType(),
            event.entityId(), new Jdbc.Json(event.changes()), client.ip(), client.userAgent(), client.requestId());
    }
}
