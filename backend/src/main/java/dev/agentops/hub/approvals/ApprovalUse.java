package dev.agentops.hub.approvals;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.ingestion.ActionApprovals;
import dev.agentops.hub.ingestion.RunEvents;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Use once: an {@code external_action} that names an approval is checked before its piece is queued. The approval
 * must be of this organization, approved, not used by another event, and bound to this very action (same agent,
 * same run when the check named one, same hash of {@link ActionHash}). All named approvals of a piece are used up in
 * one transaction, or none. A retry of the same event (same run and event id) is not a second use.
 *
 * <p>A refused piece queues nothing (409), with one exception kept for forensics: an action whose hash differs from
 * the approved one is still recorded on the run, alone, marked {@code approval_error: approval_mismatch}, so the run
 * shows that the agent tried something other than what a person approved.
 */
@Singleton
class ApprovalUse implements ActionApprovals {

    private final ApprovalRepository repository;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final RunEvents events;
    private final JsonMapper json;
    private final Clock clock;

    ApprovalUse(ApprovalRepository repository, TenantTransactions tenants, AuditTrail audit, RunEvents events, JsonMapper json,
                Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    private record Refusal(String code, String message, NamedApproval action, boolean recordMismatch) {
    }

    @Override
    public void consume(UUID org, UUID apiKeyId, UUID agentId, String runId, List<NamedApproval> actions) {
        Instant now = clock.instant();
        Refusal refusal = tenants.write(org, () -> {
            for (NamedApproval action : actions) {
                Refusal refused = check(org, agentId, runId, action, now);
                if (refused != null) {
                    return refused;
                }
            }
            for (NamedApproval action : actions) {
                UUID id = UUID.fromString(action.approvalId());
                if (repository.consume(org, id, usedBy(runId, action), now)) {
                    audit.record(org, apiKeyId == null ? AuditActor.system() : new AuditActor("api_key", apiKeyId),
                        AuditEvent.of("approval.consumed", "approval_request", id)
                            .with("agent_id", agentId.toString()).with("run_id", runId).with("event_id", action.eventId()));
                }
            }
            return null;
        });
        if (refusal == null) {
            return;
        }
        if (refusal.recordMismatch()) {
            recordMismatch(org, apiKeyId, agentId, runId, refusal.action());
        }
        throw new ApiException(HttpStatus.CONFLICT, refusal.code(), refusal.message(),
            Map.of("approval_id", refusal.action().approvalId(), "event_id", refusal.action().eventId()));
    }

    private Refusal check(UUID org, UUID agentId, String runId, NamedApproval action, Instant now) {
        UUID id;
        try {
            id = UUID.fromString(action.approvalId());
        } catch (IllegalArgumentException e) {
            return unknown(action);
        }
        Approval a = repository.lock(org, id).orElse(null);
        if (a == null) {
            return unknown(action);
        }
        if (a.consumedAt() != null) {
            return usedBy(runId, action).equals(a.consumedByEvent()) ? null
                : new Refusal("approval_consumed", "Approval " + id + " was already used by another action ("
                    + a.consumedByEvent() + "); an approval allows one action. Ask again with a new check.", action, false);
        }
        ApprovalStatus status = a.statusAt(now);
        if (status != ApprovalStatus.APPROVED) {
            return new Refusal("approval_not_approved", "Approval " + id + " is " + status.wireName()
                + ", not approved: the action may not run on it.", action, false);
        }
        boolean sameRun = a.runId() == null || a.runId().equals(runId);
        String hash = ActionHash.of(json, agentId, ActionHash.executed(action.payload()), a.policyId(), a.policyVersion());
        if (!a.agentId().equals(agentId) || !sameRun || !hash.equals(a.actionHash())) {
            return new Refusal("approval_mismatch", "This action is not the one approval " + id + " approved (agent, run or "
                + "action differ; see docs/api.md \"Approvals\" for how an action is compared). It is recorded with "
                + "approval_mismatch and was not accepted.", action, true);
        }
        return null;
    }

    /** Unknown id and another organization's id read the same: no existence oracle, and no 404 for a whole piece. */
    private static Refusal unknown(NamedApproval action) {
        return new Refusal("approval_mismatch", "approval_id " + action.approvalId() + " names no approval request of this "
            + "organization.", action, false);
    }

    private static String usedBy(String runId, NamedApproval action) {
        return runId + "/" + action.eventId();
    }

    private void recordMismatch(UUID org, UUID apiKeyId, UUID agentId, String runId, NamedApproval action) {
        Map<String, Object> payload = new LinkedHashMap<>();
        action.payload().forEach((key, value) -> payload.put(String.valueOf(key), value));
        payload.put("approval_error", "approval_mismatch");
        ApprovalService.recordOrWarn("the mismatched action of run " + runId, () ->
            events.record(org, apiKeyId, agentId, runId, action.eventId(), "external_action", at(action.timestamp()), payload));
    }

    private Instant at(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
