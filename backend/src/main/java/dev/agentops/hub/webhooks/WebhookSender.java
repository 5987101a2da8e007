package dev.agentops.hub.webhooks;

import dev.agentops.hub.shared.concurrent.SingleRunner;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.metrics.QueryGauges;
import dev.agentops.hub.shared.security.SecretBox;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.JsonFields;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends due webhook deliveries. A pass leases up to 50 due rows of any organization in one short transaction
 * ({@code FOR UPDATE SKIP LOCKED}, so instances never take the same row; the lease moves next_attempt_at a minute
 * ahead, so no transaction stays open during HTTP calls and a row whose sender died is taken again after a minute),
 * then posts them in parallel and records each outcome in the organization's tenant scope.
 */
@Context // its outbox gauges exist from start-up, before the first scheduled pass
public class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 50;

    record Claimed(UUID id, UUID organizationId, UUID webhookId, String eventType, String event, String summary,
                   Instant createdAt, int attempts) {
    }

    private record Endpoint(String url, String kind, String secretBox) {
    }

    private final LookupTransactions lookups;
    private final TenantTransactions tenants;
    private final Jdbc jdbc;
    private final UrlGuard guard;
    private final SecretBox box;
    private final JsonMapper json;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final SingleRunner runner = new SingleRunner();
    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    private final ExecutorService pool;

    WebhookSender(LookupTransactions lookups, TenantTransactions tenants, Jdbc jdbc, UrlGuard guard, SecretBox box, JsonMapper json,
                  Clock clock, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                  @Value("${agentops.webhooks.concurrency:8}") int concurrency, QueryGauges gauges) {
        this.lookups = lookups;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.guard = guard;
        this.box = box;
        this.json = json;
        this.clock = clock;
        this.scheduler = scheduler;
        this.pool = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        gauges.registerOutbox("webhook_deliveries", "webhook", "webhook deliveries");
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }

    @Scheduled(fixedDelay = "${agentops.webhooks.send-interval:1s}", initialDelay = "1s")
    void scheduled() {
        runner.run(() -> sendDue(clock.instant()));
    }

    @EventListener
    void onQueued(WebhookDeliveriesQueued queued) {
        scheduler.schedule(Duration.ZERO, () -> runner.run(() -> sendDue(clock.instant())));
    }

    /** One pass as of {@code now}: sends every delivery due by then (tests pass a later instant instead of waiting). */
    public int sendDue(Instant now) {
        int sent = 0;
        List<Claimed> claimed;
        do {
            claimed = claim(now);
            List<Future<?>> running = new ArrayList<>();
            for (Claimed delivery : claimed) {
                running.add(pool.submit(() -> deliver(delivery, now)));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return sent;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warn("Webhook delivery failed unexpectedly ({})", e.getCause().getClass().getSimpleName());
                }
            }
            sent += claimed.size();
        } while (claimed.size() == BATCH);
        return sent;
    }

    private List<Claimed> claim(Instant now) {
        return lookups.write(LookupTransactions.Door.NOTIFY, "on", () -> jdbc.query("""
            update webhook_deliveries d set next_attempt_at = ?, attempts = d.attempts + 1, last_attempt_at = ?
             where d.id in (select id from webhook_deliveries
                             where status = 'pending' and next_attempt_at <= ?
                             order by next_attempt_at limit ? for update skip locked)
            returning d.id, d.organization_id, d.webhook_id, d.event_type, d.event::text as event, d.summary, d.created_at, d.attempts""",
            row -> new Claimed(row.uuid("id"), row.uuid("organization_id"), row.uuid("webhook_id"), row.string("event_type"),
                row.string("event"), row.string("summary"), row.instant("created_at"), row.intValue("attempts")),
            now.plus(LEASE), now, now, BATCH));
    }

    private void deliver(Claimed delivery, Instant now) {
        Optional<Endpoint> endpoint = tenants.read(delivery.organizationId(), () -> jdbc.queryOne(
            "select url, kind, secret_box from webhook_endpoints where organization_id = ? and id = ?",
            row -> new Endpoint(row.string("url"), row.string("kind"), row.string("secret_box")),
            delivery.organizationId(), delivery.webhookId()));
        if (endpoint.isEmpty()) {
            return; // deleted meanwhile: its deliveries went with it
        }
        Optional<String> refused = guard.refusal(endpoint.get().url());
        if (refused.isPresent()) {
            record(delivery, now, null, "Refused: " + refused.get(), true);
            return;
        }
        String body = "slack".equals(endpoint.get().kind()) ? slackBody(delivery) : delivery.event();
        String secret;
        try {
            secret = box.decrypt(endpoint.get().secretBox());
        } catch (IllegalStateException unreadable) {
            // no retry can fix this: the secret was sealed under another server secret (AGENTOPS_SECRET changed)
            record(delivery, now, null, "Could not sign: the endpoint's secret is unreadable (was the server secret changed?)", true);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.get().url()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "AgentOps-Hub-Webhooks/1")
            .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now.getEpochSecond(), body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
            record(delivery, now, response.statusCode(), ok ? null : "HTTP " + response.statusCode(), false);
        } catch (HttpTimeoutException e) {
            record(delivery, now, null, "No answer within " + TIMEOUT.toSeconds() + " s", false);
        } catch (IOException e) {
            record(delivery, now, null, "Could not connect (" + e.getClass().getSimpleName() + ")", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stores the attempt's outcome: a 2xx is delivered; otherwise retried with back-off until 24 h, then failed. */
    private void record(Claimed delivery, Instant now, Integer statusCode, String error, boolean giveUp) {
        boolean delivered = error == null;
        Instant next = delivered || giveUp ? null : Backoff.next(delivery.createdAt(), delivery.attempts(), now);
        String status = delivered ? "succeeded" : next == null ? "failed" : "pending";
        tenants.run(delivery.organizationId(), () -> jdbc.update("""
            update webhook_deliveries set status = ?, last_status_code = ?, last_error = ?, next_attempt_at = ?,
                   delivered_at = case when ? then ?::timestamptz end
             where organization_id = ? and id = ?""",
            status, statusCode, WebhookDeliveries.truncate(error, 500), next, delivered, now, delivery.organizationId(), delivery.id()));
    }

    /** Slack incoming webhooks take {@code text} (notifications, fallback) and {@code blocks} (what is shown). */
    private String slackBody(Claimed delivery) {
        Map<String, Object> message = JsonFields.of("text", delivery.summary(), "blocks", List.of(
            JsonFields.of("type", "section", "text", Map.of("type", "mrkdwn", "text", delivery.summary())),
            JsonFields.of("type", "context", "elements",
                List.of(Map.of("type", "mrkdwn", "text", "AgentOps Hub · `" + delivery.eventType() + "`")))));
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
