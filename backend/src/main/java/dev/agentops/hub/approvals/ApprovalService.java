package dev.agentops.hub.approvals;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.controls.ControlStates;
import dev.agentops.hub.ingestion.RunEvents;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.JsonFields;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Opening, reading and deciding approval requests. A decision is one conditional update
 * ({@code where status = 'pending' and expires_at > now}): of two people deciding at once exactly one changes the
 * row, the other is told {@code already_decided}. Every change writes its audit row in its own transaction; after
 * commit it is published ({@link ApprovalRequested}, {@link ApprovalDecided}: live views, waiters, notifications) and
 * written as an event of the run, so a replay of the run shows who allowed what.
 */
@Singleton
public class ApprovalService {

    static final int MIN_TIMEOUT_MINUTES = 1;
    static final int MAX_TIMEOUT_MINUTES = 7 * 24 * 60;
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalService.class);

    private final ApprovalRepository repository;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final ControlStates states;
    private final RunEvents events;
    private final ApplicationEventPublisher<ApprovalRequested> requested;
    private final ApplicationEventPublisher<ApprovalDecided> decided;
    private final JsonMapper json;
    private final Clock clock;

    ApprovalService(ApprovalRepository repository, TenantTransactions tenants, AuditTrail audit, ControlStates states,
                    RunEvents events, ApplicationEventPublisher<ApprovalRequested> requested,
                    ApplicationEventPublisher<ApprovalDecided> decided, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.audit = audit;
        this.states = states;
        this.events = events;
        this.requested = requested;
        this.decided = decided;
        this.json = json;
        this.clock = clock;
    }

    /** Opens a request bound to the exact action, or hands back the pending one a retried check opened for it. */
    public OpenedApproval open(OpenApproval o) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = ActionHash.of(json, o.agentId(), o.action(), o.policyId(), o.policyVersion());
        int minutes = Math.max(MIN_TIMEOUT_MINUTES, Math.min(MAX_TIMEOUT_MINUTES, o.timeoutMinutes()));
        List<String> approvers = Approvers.clean(o.approvers());
        record Outcome(Approval approval, boolean created) {
        }
        Outcome outcome = tenants.write(o.organizationId(), () -> {
            var twin = repository.findPendingTwin(o.organizationId(), hash, o.runId(), now);
            if (twin.isPresent()) {
                return new Outcome(twin.get(), false);
            }
            Approval created = repository.insert(o.organizationId(), o.policyId(), o.policyVersion(), o.policyName(), o.agentId(),
                o.runId(), o.actionType(), o.action(), hash, approvers, o.apiKeyId(), now, now.plus(Duration.ofMinutes(minutes)));
            audit.record(o.organizationId(), o.apiKeyId() == null ? AuditActor.system() : new AuditActor("api_key", o.apiKeyId()),
                AuditEvent.of("approval.requested", "approval_request", created.id())
                    .with("agent_id", o.agentId().toString()).with("run_id", o.runId()).with("action_type", o.actionType())
                    .with("policy_id", o.policyId().toString()).with("policy_version", o.policyVersion())
                    .with("approvers", approvers).with("expires_at", created.expiresAt().toString())
                    .with("action_hash", hash));
            return new Outcome(created, true);
        });
        Approval a = outcome.approval();
        if (outcome.created()) {
            requested.publishEvent(new ApprovalRequested(a.organizationId(), a.id(), a.agentId(), a.runId(), a.actionType(),
                a.policyId(), a.policyVersion(), a.policyName(), a.approvers(), a.expiresAt()));
            recordOnRun(a, o.apiKeyId(), "approval_requested", now, JsonFields.of("approval_id", a.id().toString(),
                "action_type", a.actionType(), "policy_id", a.policyId().toString(), "policy_version", a.policyVersion(),
                "expires_at", a.expiresAt().toString()));
        }
        return new OpenedApproval(a.id(), a.statusAt(now), a.expiresAt());
    }

    ApprovalResponse get(Actor actor, UUID id) {
        return ApprovalResponse.of(find(actor.organizationId(), id), clock.instant());
    }

    /** For the wait: the request as of now (an overdue one reads expired). */
    ApprovalWaitResponse current(UUID org, UUID id) {
        return ApprovalWaitResponse.of(find(org, id), clock.instant());
    }

    private Approval find(UUID org, UUID id) {
        return tenants.read(org, () -> repository.find(org, id)).orElseThrow(() -> Problems.notFound("approval request", id));
    }

    ListResponse<ApprovalResponse> list(Actor actor, ApprovalRepository.Filter filter, @Nullable String cursor, @Nullable Integer limit) {
        int size = Paging.limit(limit);
        Paging.TimeAndId after = Paging.decodeTimeAndId(cursor);
        Instant now = clock.instant();
        UUID org = actor.organizationId();
        List<Approval> rows = tenants.read(org, () -> repository.list(org, filter, after, size, now));
        return Paging.page(rows.stream().map(a -> ApprovalResponse.of(a, now)).toList(), size,
            r -> new Paging.TimeAndId(r.requestedAt(), r.id()).key());
    }

    ListResponse<ApprovalResponse> pending(Actor actor, @Nullable String cursor, @Nullable Integer limit) {
        int size = Paging.limit(limit);
        Paging.TimeAndId after = Paging.decodeTimeAndId(cursor);
        Instant now = clock.instant();
        UUID org = actor.organizationId();
        List<Approval> rows = tenants.read(org, () -> repository.pending(org, after, size, now));
        return Paging.page(rows.stream().map(a -> ApprovalResponse.of(a, now)).toList(), size,
            r -> new Paging.TimeAndId(r.expiresAt(), r.id()).key());
    }

    /** Approve or reject: only a person named by the request's approvers, only while pending, exactly once. */
    ApprovalResponse decide(Actor actor, UUID id, ApprovalStatus decision, @Nullable String comment) {
        actor.requireUser("API keys never decide approvals: an eligible person signs in and approves or rejects.");
        UUID org = actor.organizationId();
        String note = comment == null || comment.isBlank() ? null : comment.trim();
        Approval current = find(org, id);
        refuseIfClosed(current, clock.instant());
        if (!Approvers.eligible(actor, current.approvers())) {
            throw Problems.forbidden("You are not one of the approvers of this request (" + String.join(", ", current.approvers())
                + ").");
        }
        if (decision == ApprovalStatus.APPROVED && states.status(org, current.agentId()).paused()) {
            throw Problems.conflict("agent_paused", "The agent is paused (or the organization halted): resume it before "
                + "approving its actions. Rejecting is still possible.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Approval won = tenants.write(org, () -> repository.decide(org, id, decision, actor.id(), note, now).map(a -> {
            audit.record(org, AuditActor.of(actor), AuditEvent.of("approval." + decision.wireName(), "approval_request", id)
                .with("agent_id", a.agentId().toString()).with("run_id", a.runId()).with("action_type", a.actionType())
                .with("comment", note).beforeAfter(Map.of("status", "pending"), Map.of("status", decision.wireName())));
            return a;
        }).orElse(null));
        if (won == null) {
            // someone else was first, or it expired meanwhile
            refuseIfClosed(find(org, id), clock.instant());
            throw alreadyDecided();
        }
        afterDecision(won, now);
        return ApprovalResponse.of(won, now);
    }

    private void refuseIfClosed(Approval a, Instant now) {
        ApprovalStatus status = a.statusAt(now);
        if (status == ApprovalStatus.EXPIRED) {
            if (a.status() == ApprovalStatus.PENDING) {
                expire(a.organizationId(), List.of(a.id()), now);
            }
            throw new ApiException(io.micronaut.http.HttpStatus.CONFLICT, "approval_expired",
                "This approval request expired at " + a.expiresAt() + " without a decision; the agent has to ask again.",
                Map.of("status", "expired"));
        }
        if (status != ApprovalStatus.PENDING) {
            throw alreadyDecided();
        }
    }

    private static ApiException alreadyDecided() {
        return Problems.conflict("already_decided", "This approval request has already been decided.");
    }

    /** Marks overdue pending requests of one organization expired (the sweep, or a decision that came too late). */
    int expire(UUID org, List<UUID> ids, Instant now) {
        List<Approval> expired = tenants.write(org, () -> {
            List<Approval> changed = repository.expire(org, ids, now);
            changed.forEach(a -> audit.record(org, AuditActor.system(),
                AuditEvent.of("approval.expired", "approval_request", a.id())
                    .with("agent_id", a.agentId().toString()).with("run_id", a.runId()).with("action_type", a.actionType())
                    .with("expires_at", a.expiresAt().toString())
                    .beforeAfter(Map.of("status", "pending"), Map.of("status", "expired"))));
            return changed;
        });
        expired.forEach(a -> afterDecision(a, now));
        return expired.size();
    }

    private void afterDecision(Approval a, Instant now) {
        decided.publishEvent(new ApprovalDecided(a.organizationId(), a.id(), a.agentId(), a.runId(), a.status(), a.decidedBy(),
            a.decidedAt()));
        recordOnRun(a, null, "approval_decided", a.decidedAt() == null ? now : a.decidedAt(), JsonFields.present(
            "approval_id", a.id().toString(), "decision", a.status().wireName(),
            "decided_by", a.decidedBy() == null ? null : a.decidedBy().toString(), "comment", a.comment()));
    }

    /** The event on the client's run; its id is derived from the request, so a repeat never doubles it. */
    private void recordOnRun(Approval a, @Nullable UUID apiKeyId, String type, Instant at, Map<String, Object> payload) {
        if (a.runId() != null) {
            recordOrWarn(type + " of approval " + a.id(), () ->
                events.record(a.organizationId(), apiKeyId, a.agentId(), a.runId(), type + "-" + a.id(), type, at, payload));
        }
    }

    /** Queues a run event without failing the caller: a failed write, or a refused one (saturated), is logged. */
    static void recordOrWarn(String what, Supplier<CompletableFuture<Void>> record) {
        try {
            record.get().whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.warn("Could not record {} ({})", what, failure.getClass().getSimpleName());
                }
            });
        } catch (RuntimeException saturated) {
            LOG.warn("Could not record {} ({})", what, saturated.getClass().getSimpleName());
        }
    }
}
