package dev.agentops.hub.notifications;

import dev.agentops.hub.approvals.ApprovalRequested;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.JsonFields;
import dev.agentops.hub.webhooks.WebhookEventTypes;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells the eligible approvers that an approval request is waiting: one in-app notification (type
 * {@code approval.requested}, unique on the request, so a repeated event adds nothing), one e-mail per eligible
 * approver, one delivery per webhook endpoint subscribed to {@code approval.requested}, all in one transaction of the
 * organization after the request has committed.
 */
@Singleton
class ApprovalNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalNotifier.class);

    private final TenantTransactions tenants;
    private final Jdbc jdbc;
    private final Fanout fanout;
    private final Clock clock;

    ApprovalNotifier(TenantTransactions tenants, Jdbc jdbc, Fanout fanout, Clock clock) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.fanout = fanout;
        this.clock = clock;
    }

    @EventListener
    @Async
    void onApprovalRequested(ApprovalRequested request) {
        try {
            notifyApprovers(request);
        } catch (RuntimeException e) {
            // the request itself is safe: the /approvals queue, its live event and the SDK's wait do not depend on this
            LOG.warn("Approval request {} of organization {}: approvers not notified ({}: {})", request.approvalId(),
                request.organizationId(), e.getClass().getSimpleName(), e.getMessage());
        }
    }

    void notifyApprovers(ApprovalRequested request) {
        Instant now = clock.instant();
        String agent = tenants.read(request.organizationId(), () -> jdbc.queryOne(
            "select name from agents where organization_id = ? and id = ?", row -> row.string("name"),
            request.organizationId(), request.agentId())).orElse("An agent");
        String title = clip("Approval needed: " + agent + " wants to " + request.actionType(), 300);
        String body = clip("Policy \"" + (request.policyName() == null ? "(deleted)" : request.policyName()) + "\" (version " + request.policyVersion() + ") asks for a decision"
            + " before " + agent + " does " + request.actionType() + ". The request expires at " + request.expiresAt() + ".", 2000);
        UUID org = request.organizationId();
        var message = new Fanout.Message(org, request.approvalId(), WebhookEventTypes.APPROVAL_REQUESTED, "warning", title,
            body, "/approvals?approval=" + request.approvalId(), data(request));
        // empty when the approvers were told already: the notification is unique on the request
        Optional<Fanout.Outcome> outcome = tenants.write(org, () -> fanout.inApp(message, now).map(notification ->
            new Fanout.Outcome(org, Optional.of(notification), fanout.emails(message, approverEmails(request)),
                fanout.webhooks(message, now, title))));
        outcome.ifPresent(fanout::publish);
    }

    /**
     * Active members who may decide it: {@code role:<r>} means that role or above, {@code user:<id>} that person; either
     * way only roles with {@code approvals:decide} (team lead, admin) can decide, so only they are told.
     */
    private List<String> approverEmails(ApprovalRequested request) {
        List<String> roles = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (String approver : request.approvers()) {
            if (approver.startsWith("role:")) {
                roles.addAll(rolesFrom(approver.substring(5)));
            } else if (approver.startsWith("user:")) {
                users.add(approver.substring(5));
            }
        }
        return jdbc.query("""
            select distinct email from organization_members
             where organization_id = ? and status = 'active' and role in ('team_lead', 'admin')
               and (role = any(?::text[]) or user_id::text = any(?::text[]))
             order by email""", row -> row.string("email"),
            request.organizationId(), roles, users);
    }

    private static List<String> rolesFrom(String lowest) {
        List<String> ladder = List.of("viewer", "member", "team_lead", "admin");
        int from = ladder.indexOf(lowest);
        return from < 0 ? List.of() : ladder.subList(from, ladder.size());
    }

    private static Map<String, Object> data(ApprovalRequested request) {
        return JsonFields.of("approval_id", request.approvalId().toString(), "agent_id", request.agentId().toString(),
            "run_id", request.runId(), "action_type", request.actionType(),
            "policy_id", request.policyId() == null ? null : request.policyId().toString(),
            "policy_version", request.policyVersion(), "policy_name", request.policyName(), "approvers", request.approvers(),
            "expires_at", request.expiresAt().toString());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
