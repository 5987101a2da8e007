package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.web.Paging;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Approval requests; runs inside a tenant scope (the sweep's cross-organization read inside the sweep's door).
 * Hand-written SQL because the decisions are conditional updates ({@code where status = 'pending'}) whose row count
 * is the answer to "who won".
 */
@Singleton
class ApprovalRepository {

    private final Jdbc jdbc;

    ApprovalRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    record NewApproval(UUID organizationId, UUID policyId, int policyVersion, @Nullable String policyName, UUID agentId,
                       @Nullable String runId, String actionType, Object action, String actionHash, List<String> approvers,
                       @Nullable UUID requestedByKey, Instant requestedAt, Instant expiresAt) {
    }

    Approval insert(NewApproval a) {
        return jdbc.queryOne("""
            insert into approval_requests (organization_id, policy_id, policy_version, policy_name, agent_id, run_id, action_type,
                                           action, action_hash, approvers, requested_by_key, requested_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *""", ApprovalRepository::map,
            a.organizationId(), a.policyId(), a.policyVersion(), a.policyName(), a.agentId(), a.runId(), a.actionType(),
            new Jdbc.Json(a.action()), a.actionHash(), a.approvers(), a.requestedByKey(), a.requestedAt(), a.expiresAt())
            .orElseThrow();
    }

    /** A pending, unexpired request for the same action and run (a retried check reuses it). */
    Optional<Approval> findPendingTwin(UUID org, String actionHash, @Nullable String runId, Instant now) {
        return jdbc.queryOne("""
            select * from approval_requests
             where organization_id = ? and status = 'pending' and action_hash = ? and run_id is not distinct from ?
               and expires_at > ?
             order by requested_at desc limit 1""", ApprovalRepository::map, org, actionHash, runId, now);
    }

    Optional<Approval> find(UUID org, UUID id) {
        return jdbc.queryOne("select * from approval_requests where organization_id = ? and id = ?", ApprovalRepository::map, org, id);
    }

    Optional<Approval> lock(UUID org, UUID id) {
        return jdbc.queryOne("select * from approval_requests where organization_id = ? and id = ? for update",
            ApprovalRepository::map, org, id);
    }

    /** The decision, if the request is still pending and not yet expired at {@code now}; empty when someone was first. */
    Optional<Approval> decide(UUID org, UUID id, ApprovalStatus decision, UUID userId, @Nullable String comment, Instant now) {
        return jdbc.queryOne("""
            update approval_requests set status = ?, decided_by = ?, decided_at = ?, comment = ?
             where organization_id = ? and id = ? and status = 'pending' and expires_at > ?
            returning *""", ApprovalRepository::map, decision.wireName(), userId, now, comment, org, id, now);
    }

    /** Marks the given overdue pending requests expired; the ones this call changed. */
    List<Approval> expire(UUID org, List<UUID> ids, Instant now) {
        return jdbc.query("""
            update approval_requests set status = 'expired', decided_at = expires_at
             where organization_id = ? and id = any(?::uuid[]) and status = 'pending' and expires_at <= ?
            returning *""", ApprovalRepository::map, org, ids, now);
    }

    boolean consume(UUID org, UUID id, String byEvent, Instant now) {
        return jdbc.update("""
            update approval_requests set consumed_at = ?, consumed_by_event = ?
             where organization_id = ? and id = ? and status = 'approved' and consumed_at is null""",
            now, byEvent, org, id) == 1;
    }

    record Overdue(UUID organizationId, UUID id) {
    }

    /** Overdue pending requests of every organization, oldest first (inside the sweep's door). */
    List<Overdue> overdue(Instant now, int limit) {
        return jdbc.query("""
            select organization_id, id from approval_requests
             where status = 'pending' and expires_at <= ? order by expires_at limit ?""",
            row -> new Overdue(row.uuid("organization_id"), row.uuid("id")), now, limit);
    }

    record Filter(@Nullable ApprovalStatus status, @Nullable UUID agentId, @Nullable Instant from, @Nullable Instant to) {
    }

    /** The history, newest first; the status filter means the status as of {@code now} (expired includes overdue). */
    List<Approval> list(UUID org, Filter filter, @Nullable Paging.TimeAndId after, int limit, Instant now) {
        StringBuilder sql = new StringBuilder("select * from approval_requests where organization_id = ?");
        List<Object> args = new ArrayList<>(List.of(org));
        if (filter.agentId() != null) {
            sql.append(" and agent_id = ?");
            args.add(filter.agentId());
        }
        if (filter.status() == ApprovalStatus.PENDING) {
            sql.append(" and status = 'pending' and expires_at > ?");
            args.add(now);
        } else if (filter.status() == ApprovalStatus.EXPIRED) {
            sql.append(" and (status = 'expired' or (status = 'pending' and expires_at <= ?))");
            args.add(now);
        } else if (filter.status() != null) {
            sql.append(" and status = ?");
            args.add(filter.status().wireName());
        }
        if (filter.from() != null) {
            sql.append(" and requested_at >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and requested_at < ?");
            args.add(filter.to());
        }
        if (after != null) {
            sql.append(" and (requested_at, id) < (?, ?)");
            args.add(after.at());
            args.add(after.id());
        }
        sql.append(" order by requested_at desc, id desc limit ?");
        args.add(limit + 1);
        return jdbc.query(sql.toString(), ApprovalRepository::map, args.toArray());
    }

    /** The queue: pending and not yet expired, the one expiring soonest first. */
    List<Approval> pending(UUID org, @Nullable Paging.TimeAndId after, int limit, Instant now) {
        return after == null
            ? jdbc.query("""
                select * from approval_requests where organization_id = ? and status = 'pending' and expires_at > ?
                 order by expires_at, id limit ?""", ApprovalRepository::map, org, now, limit + 1)
            : jdbc.query("""
                select * from approval_requests where organization_id = ? and status = 'pending' and expires_at > ?
                   and (expires_at, id) > (?, ?)
                 order by expires_at, id limit ?""", ApprovalRepository::map, org, now, after.at(), after.id(), limit + 1);
    }

    private static Approval map(Jdbc.Row row) throws SQLException {
        return new Approval(row.uuid("id"), row.uuid("organization_id"), row.uuid("policy_id"), row.intValue("policy_version"),
            row.string("policy_name"), row.uuid("agent_id"), row.string("run_id"), row.string("action_type"),
            row.jsonObject("action"), row.string("action_hash"), row.strings("approvers"),
            ApprovalStatus.fromWire(row.string("status")).orElseThrow(), row.uuid("requested_by_key"),
            row.instant("requested_at"), row.instant("expires_at"), row.uuid("decided_by"), row.instant("decided_at"),
            row.string("comment"), row.instant("consumed_at"), row.string("consumed_by_event"));
    }
}
