package dev.agentops.hub.notifications;

import dev.agentops.hub.approvals.ApprovalRequested;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.db.TimeOrderedIds;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.webhooks.WebhookDeliveries;
import dev.agentops.hub.webhooks.WebhookDeliveriesQueued;
import dev.agentops.hub.webhooks.WebhookEventTypes;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final WebhookDeliveries webhooks;
    private final EmailOutbox emails;
    private final ApplicationEventPublisher<NotificationCreated> created;
    private final ApplicationEventPublisher<WebhookDeliveriesQueued> queued;
    private final Clock clock;
    private final String publicUrl;

    ApprovalNotifier(TenantTransactions tenants, Jdbc jdbc, WebhookDeliveries webhooks, EmailOutbox emails,
                     ApplicationEventPublisher<NotificationCreated> created, ApplicationEventPublisher<WebhookDeliveriesQueued> queued,
                     Clock clock, @Value("${agentops.public-url}") String publicUrl) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.emails = emails;
        this.created = created;
        this.queued = queued;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
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
        String link = "/approvals?approval=" + request.approvalId();
        Map<String, Object> data = data(request);
        Outcome outcome = tenants.write(request.organizationId(), () -> {
            java.util.UUID id = TimeOrderedIds.next();
            int inserted = jdbc.update("""
                insert into notifications (id, organization_id, type, severity, title, body, link, data, source_id, created_at)
                values (?, ?, 'approval.requested', 'warning', ?, ?, ?, ?, ?, ?)
                on conflict (organization_id, source_id) do nothing""",
                id, request.organizationId(), title, body, link, new Jdbc.Json(data), request.approvalId(), now);
            if (inserted == 0) {
                return new Outcome(null, 0, 0); // told already
            }
            int mails = emails.queue(request.organizationId(), request.approvalId(), approverEmails(request), title,
                body + "\n\n" + publicUrl + link);
            int deliveries = webhooks.enqueueForSubscribers(request.organizationId(), request.approvalId(),
                WebhookEventTypes.APPROVAL_REQUESTED, now, data, title + " <" + publicUrl + link + "|Open in AgentOps Hub>");
            return new Outcome(new NotificationCreated(request.organizationId(), id, "approval.requested", "warning", title, link, now),
                mails, deliveries);
        });
        if (outcome.notification() != null) {
            created.publishEvent(outcome.notification());
        }
        if (outcome.deliveries() > 0) {
            queued.publishEvent(new WebhookDeliveriesQueued(request.organizationId()));
        }
        if (outcome.emails() > 0) {
            emails.wake();
        }
    }

    private record Outcome(NotificationCreated notification, int emails, int deliveries) {
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("approval_id", request.approvalId().toString());
        data.put("agent_id", request.agentId().toString());
        data.put("run_id", request.runId());
        data.put("action_type", request.actionType());
        data.put("policy_id", request.policyId() == null ? null : request.policyId().toString());
        data.put("policy_version", request.policyVersion());
        data.put("policy_name", request.policyName());
        data.put("approvers", request.approvers());
        data.put("expires_at", request.expiresAt().toString());
        return data;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
