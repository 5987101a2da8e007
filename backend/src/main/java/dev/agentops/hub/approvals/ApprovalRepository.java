package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Approval requests; runs inside a tenant scope (the sweep's cross-organization read inside the sweep's door). The
 * decisions are conditional updates ({@code where status = 'pending'}) whose returned rows are the answer to "who won".
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApprovalRepository extends GenericRepository<Approval, UUID> {

    @Query("""
        insert into approval_requests (organization_id, policy_id, policy_version, policy_name, agent_id, run_id, action_type,
                                       action, action_hash, approvers, requested_by_key, requested_at, expires_at)
        values (:organizationId, :policyId, :policyVersion, :policyName, :agentId, :runId, :actionType, :action::jsonb,
                :actionHash, :approvers, :requestedByKey, :requestedAt, :expiresAt) returning *""")
    Approval insert(UUID organizationId, UUID policyId, int policyVersion, @Nullable String policyName, UUID agentId,
                    @Nullable String runId, String actionType, @TypeDef(type = DataType.JSON) Map<String, Object> action,
                    String actionHash, @TypeDef(type = DataType.STRING_ARRAY) List<String> approvers,
                    @Nullable UUID requestedByKey, Instant requestedAt, Instant expiresAt);

    /** A pending, unexpired request for the same action and run (a retried check reuses it). */
    @Query("""
        select * from approval_requests
         where organization_id = :organizationId and status = 'pending' and action_hash = :actionHash
           and run_id is not distinct from :runId::text and expires_at > :now
         order by requested_at desc limit 1""")
    Optional<Approval> findPendingTwin(UUID organizationId, String actionHash, @Nullable String runId, Instant now);

    @Query("select * from approval_requests where organization_id = :organizationId and id = :id")
    Optional<Approval> find(UUID organizationId, UUID id);

    @Query("select * from approval_requests where organization_id = :organizationId and id = :id for update")
    Optional<Approval> lock(UUID organizationId, UUID id);

    /** The decision, if the request is still pending and not yet expired at {@code now}; empty when someone was first. */
    default Optional<Approval> decide(UUID org, UUID id, ApprovalStatus decision, UUID userId, @Nullable String comment, Instant now) {
        return decide(org, id, decision.wireName(), userId, comment, now).stream().findFirst();
    }

    @Query("""
        update approval_requests set status = :status, decided_by = :userId, decided_at = :now, comment = :comment
         where organization_id = :organizationId and id = :id and status = 'pending' and expires_at > :now
        returning *""")
    List<Approval> decide(UUID organizationId, UUID id, String status, UUID userId, @Nullable String comment, Instant now);

    /** Marks the given overdue pending requests expired; the ones this call changed. */
    default List<Approval> expire(UUID org, List<UUID> ids, Instant now) {
        return expire(org, ids.stream().map(UUID::toString).toArray(String[]::new), now);
    }

    @Query("""
        update approval_requests set status = 'expired', decided_at = expires_at
         where organization_id = :organizationId and id = any(:ids::uuid[]) and status = 'pending' and expires_at <= :now
        returning *""")
    List<Approval> expire(UUID organizationId, String[] ids, Instant now);

    default boolean consume(UUID org, UUID id, String byEvent, Instant now) {
        return markConsumed(org, id, byEvent, now) == 1;
    }

    @Query("""
        update approval_requests set consumed_at = :now, consumed_by_event = :byEvent
         where organization_id = :organizationId and id = :id and status = 'approved' and consumed_at is null""")
    int markConsumed(UUID organizationId, UUID id, String byEvent, Instant now);

    /** Overdue pending requests of every organization, oldest first (inside the sweep's door). */
    @Query("select * from approval_requests where status = 'pending' and expires_at <= :now order by expires_at limit :limit")
    List<Approval> overdue(Instant now, int limit);

    record Filter(@Nullable ApprovalStatus status, @Nullable UUID agentId, @Nullable Instant from, @Nullable Instant to) {
    }

    /** The history, newest first; the status filter means the status as of {@code now} (expired includes overdue). */
    default List<Approval> list(UUID org, Filter filter, @Nullable Paging.TimeAndId after, int limit, Instant now) {
        return list(org, filter.agentId(), filter.status() == null ? null : filter.status().wireName(), filter.from(), filter.to(),
            after == null ? null : after.at(), after == null ? null : after.id(), limit + 1, now);
    }

    @Query("""
        select * from approval_requests where organization_id = :organizationId
           and (:agentId::uuid is null or agent_id = :agentId::uuid)
           and case :status::text when 'pending' then status = 'pending' and expires_at > :now
                                  when 'expired' then status = 'expired' or (status = 'pending' and expires_at <= :now)
                                  else :status::text is null or status = :status::text end
           and (:requestedFrom::timestamptz is null or requested_at >= :requestedFrom::timestamptz)
           and (:requestedTo::timestamptz is null or requested_at < :requestedTo::timestamptz)
           and (:afterAt::timestamptz is null or (requested_at, id) < (:afterAt::timestamptz, :afterId::uuid))
         order by requested_at desc, id desc limit :limit""")
    List<Approval> list(UUID organizationId, @Nullable UUID agentId, @Nullable String status, @Nullable Instant requestedFrom,
                        @Nullable Instant requestedTo, @Nullable Instant afterAt, @Nullable UUID afterId, int limit, Instant now);

    /** The queue: pending and not yet expired, the one expiring soonest first. */
    default List<Approval> pending(UUID org, @Nullable Paging.TimeAndId after, int limit, Instant now) {
        return pending(org, now, after == null ? null : after.at(), after == null ? null : after.id(), limit + 1);
    }

    @Query("""
        select * from approval_requests where organization_id = :organizationId and status = 'pending' and expires_at > :now
           and (:afterAt::timestamptz is null or (expires_at, id) > (:afterAt::timestamptz, :afterId::uuid))
         order by expires_at, id limit :limit""")
    List<Approval> pending(UUID organizationId, Instant now, @Nullable Instant afterAt, @Nullable UUID afterId, int limit);
}
