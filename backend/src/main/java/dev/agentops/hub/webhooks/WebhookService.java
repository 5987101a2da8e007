package dev.agentops.hub.webhooks;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.SecretBox;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import dev.agentops.hub.shared.web.Problems;
import dev.agentops.hub.shared.web.JsonFields;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Endpoints of an organization: create (with its secret, shown once), list, get, delete, test, deliveries. */
@Singleton
class WebhookService {

    static final int MAX_ENDPOINTS = 20;
    private static final String SLACK_PREFIX = "https://hooks.slack.com/";
    /** Endpoints are managed by people: an admin API key is refused like any other key (no scope grants webhooks:manage). */
    private static final String USERS_ONLY = "Webhooks are managed by signed-in admins; API keys cannot manage them.";
    private static final String ENDPOINT_COLUMNS = """
        e.id, e.url, e.kind, e.event_types, e.description, e.created_at, e.created_by,
        (select d.status from webhook_deliveries d where d.webhook_id = e.id order by d.created_at desc, d.id desc limit 1) as last_status,
        (select coalesce(d.last_attempt_at, d.created_at) from webhook_deliveries d where d.webhook_id = e.id
          order by d.created_at desc, d.id desc limit 1) as last_at
        from webhook_endpoints e""";

    private final TenantTransactions tenants;
    private final Jdbc jdbc;
    private final WebhookDeliveries deliveries;
    private final UrlGuard guard;
    private final SecretBox box;
    private final Clock clock;
    private final ApplicationEventPublisher<WebhookDeliveriesQueued> queued;
    private final AuditTrail audit;

    WebhookService(TenantTransactions tenants, Jdbc jdbc, WebhookDeliveries deliveries, UrlGuard guard, SecretBox box, Clock clock,
                   ApplicationEventPublisher<WebhookDeliveriesQueued> queued, AuditTrail audit) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.guard = guard;
        this.box = box;
        this.clock = clock;
        this.queued = queued;
        this.audit = audit;
    }

    CreatedWebhookResponse create(Actor actor, WebhookRequests.Create request) {
        actor.requireUser(USERS_ONLY);
        String url = request.url().strip();
        guard.shapeProblem(url).ifPresent(problem -> {
            throw Problems.validation("url", problem);
        });
        if (guard.refusal(url).isPresent()) {
            throw Problems.validation("url", "must be a public https address");
        }
        List<String> types = request.eventTypes().stream().distinct().toList();
        String kind = url.startsWith(SLACK_PREFIX) ? "slack" : "generic";
        String secret = "whsec_" + Secrets.randomToken(32);
        UUID org = actor.organizationId();
        return tenants.write(org, () -> {
            // one creator at a time per organization, so two concurrent creations cannot both pass the limit
            jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0)) is not null as locked", row -> row.bool("locked"),
                "webhooks:" + org);
            long count = jdbc.queryOne("select count(*) as n from webhook_endpoints where organization_id = ?",
                row -> row.longValue("n"), org).orElse(0L);
            if (count >= MAX_ENDPOINTS) {
                throw Problems.conflict("limit_reached", "An organization can have at most " + MAX_ENDPOINTS
                    + " webhook endpoints: delete one first.");
            }
            UUID id = jdbc.query("""
                insert into webhook_endpoints (organization_id, url, kind, event_types, description, secret_box, created_by)
                values (?, ?, ?, ?::text[], ?, ?, ?) returning id""", row -> row.uuid("id"),
                org, url, kind, types, blankToNull(request.description()), box.encrypt(secret), actor.id()).get(0);
            WebhookEndpointResponse e = find(org, id);
            audit.record(org, AuditActor.of(actor), AuditEvent.of("webhook.created", "webhook", id).with("after", auditView(e)));
            return new CreatedWebhookResponse(e.id(), e.url(), e.kind(), e.eventTypes(), e.description(), e.createdAt(), e.createdBy(),
                e.lastDelivery(), secret);
        });
    }

    ListResponse<WebhookEndpointResponse> list(Actor actor) {
        actor.requireUser(USERS_ONLY);
        UUID org = actor.organizationId();
        List<WebhookEndpointResponse> all = tenants.read(org, () -> jdbc.query("select " + ENDPOINT_COLUMNS + " " + """
             where e.organization_id = ? order by e.created_at desc, e.id desc""", WebhookService::mapEndpoint, org));
        return new ListResponse<>(all, new ListResponse.PageInfo(null, Math.max(MAX_ENDPOINTS, all.size())));
    }

    WebhookEndpointResponse get(Actor actor, UUID id) {
        actor.requireUser(USERS_ONLY);
        return tenants.read(actor.organizationId(), () -> find(actor.organizationId(), id));
    }

    void delete(Actor actor, UUID id) {
        actor.requireUser(USERS_ONLY);
        UUID org = actor.organizationId();
        tenants.run(org, () -> {
            WebhookEndpointResponse before = find(org, id);
            jdbc.update("delete from webhook_endpoints where organization_id = ? and id = ?", org, id);
            audit.record(org, AuditActor.of(actor), AuditEvent.of("webhook.deleted", "webhook", id).with("before", auditView(before)));
        });
    }

    /**
     * What the audit trail keeps of an endpoint: never its secret, and only the URL's origin, because the path of
     * many webhook URLs (Slack's among them) is itself a credential.
     */
    private static Map<String, Object> auditView(WebhookEndpointResponse endpoint) {
        java.net.URI uri = java.net.URI.create(endpoint.url());
        return JsonFields.of("url", uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…",
            "kind", endpoint.kind(), "event_types", endpoint.eventTypes(), "description", endpoint.description());
    }

    WebhookDeliveryResponse test(Actor actor, UUID id) {
        actor.requireUser(USERS_ONLY);
        UUID org = actor.organizationId();
        Instant now = clock.instant();
        UUID eventId = UUID.randomUUID();
        WebhookDeliveryResponse delivery = tenants.write(org, () -> {
            find(org, id);
            Map<String, Object> data = JsonFields.of("webhook_id", id.toString(), "message", "This is a test event from AgentOps Hub.");
            return deliveries.enqueue(org, id, eventId, WebhookEventTypes.TEST, now, data,
                "Test event from AgentOps Hub: this endpoint receives its events.");
        });
        queued.publishEvent(new WebhookDeliveriesQueued(org));
        return delivery;
    }

    ListResponse<WebhookDeliveryResponse> deliveries(Actor actor, UUID id, String cursor, Integer requestedLimit) {
        actor.requireUser(USERS_ONLY);
        int limit = Paging.limit(requestedLimit);
        Paging.TimeAndId after = Paging.decodeTimeAndId(cursor);
        UUID org = actor.organizationId();
        return tenants.read(org, () -> {
            find(org, id);
            List<WebhookDeliveryResponse> rows = deliveries.page(org, id, after == null ? null : after.at(),
                after == null ? null : after.id(), limit + 1);
            return Paging.page(rows, limit, d -> new Paging.TimeAndId(d.createdAt(), d.id()).key());
        });
    }

    private WebhookEndpointResponse find(UUID org, UUID id) {
        return jdbc.queryOne("select " + ENDPOINT_COLUMNS + " where e.organization_id = ? and e.id = ?", WebhookService::mapEndpoint,
            org, id).orElseThrow(() -> Problems.notFound("webhook", id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static WebhookEndpointResponse mapEndpoint(Jdbc.Row row) throws java.sql.SQLException {
        String lastStatus = row.string("last_status");
        return new WebhookEndpointResponse(row.uuid("id"), row.string("url"), row.string("kind"), row.strings("event_types"),
            row.string("description"), row.instant("created_at"), row.uuid("created_by"),
            lastStatus == null ? null : new WebhookLastDelivery(lastStatus, row.instant("last_at")));
    }
}
