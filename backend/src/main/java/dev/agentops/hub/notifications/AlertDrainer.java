package dev.agentops.hub.notifications;

import dev.agentops.hub.shared.concurrent.SingleRunner;
import dev.agentops.hub.costs.BudgetAlertsRaised;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.db.TimeOrderedIds;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.webhooks.WebhookDeliveries;
import dev.agentops.hub.webhooks.WebhookDeliveriesQueued;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Drains the {@code budget_alerts} outbox (rows with {@code notified_at} null): per alert, in one transaction of its
 * organization, one in-app notification, one e-mail row per recipient and one webhook delivery per subscribed
 * endpoint, each for the channels the budget chose, then {@code notified_at}. The alert row is locked with
 * {@code FOR UPDATE SKIP LOCKED}, so two drainers (threads or instances) never work on the same alert at once, and
 * every fan-out row is inserted {@code ON CONFLICT DO NOTHING} on its unique key (alert + recipient or endpoint), so
 * even a drain repeated after a crash between insert and commit adds nothing twice. Runs every second and whenever an
 * evaluation raised alerts.
 */
@Singleton
public class AlertDrainer {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDrainer.class);
    private static final int BATCH = 200;

    private record Pending(UUID id, UUID organizationId) {
    }

    private record Outcome(Optional<NotificationCreated> notification, int emails, int deliveries) {
    }

    private final LookupTransactions lookups;
    private final TenantTransactions tenants;
    private final Jdbc jdbc;
    private final WebhookDeliveries webhooks;
    private final ApplicationEventPublisher<NotificationCreated> created;
    private final ApplicationEventPublisher<WebhookDeliveriesQueued> queued;
    private final EmailOutbox emails;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final String publicUrl;
    private final SingleRunner runner = new SingleRunner();

    AlertDrainer(LookupTransactions lookups, TenantTransactions tenants, Jdbc jdbc, WebhookDeliveries webhooks,
                 ApplicationEventPublisher<NotificationCreated> created, ApplicationEventPublisher<WebhookDeliveriesQueued> queued,
                 EmailOutbox emails, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Clock clock,
                 @Value("${agentops.public-url}") String publicUrl) {
        this.lookups = lookups;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.created = created;
        this.queued = queued;
        this.emails = emails;
        this.scheduler = scheduler;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Scheduled(fixedDelay = "${agentops.notifications.drain-interval:1s}", initialDelay = "1s")
    void scheduled() {
        runner.run(this::drain);
    }

    @EventListener
    void onAlertsRaised(BudgetAlertsRaised raised) {
        scheduler.schedule(Duration.ZERO, () -> runner.run(this::drain));
    }

    /** Drains every pending alert of every organization; returns how many alerts this call handled. */
    public int drain() {
        int handled = 0;
        List<Pending> pending;
        do {
            pending = lookups.read(LookupTransactions.Door.NOTIFY, "on", () -> jdbc.query("""
                select id, organization_id from budget_alerts where notified_at is null order by created_at, id limit ?""",
                row -> new Pending(row.uuid("id"), row.uuid("organization_id")), BATCH));
            int handledBefore = handled;
            for (Pending alert : pending) {
                try {
                    if (handle(alert)) {
                        handled++;
                    }
                } catch (RuntimeException e) {
                    // stays pending: the next pass tries again, and the unique keys keep what was done from repeating
                    LOG.warn("Budget alert {} of organization {} not delivered yet ({}: {})", alert.id(), alert.organizationId(),
                        e.getClass().getSimpleName(), e.getMessage());
                }
            }
            if (handled == handledBefore) {
                break; // all locked by another drainer or failing: leave them to the next pass
            }
        } while (pending.size() == BATCH);
        return handled;
    }

    private boolean handle(Pending pending) {
        UUID org = pending.organizationId();
        Optional<Outcome> outcome = tenants.write(org, () -> {
            Optional<BudgetAlertMessages.Alert> locked = lock(org, pending.id());
            if (locked.isEmpty()) {
                return Optional.<Outcome>empty(); // another drainer has it, or it was handled meanwhile
            }
            BudgetAlertMessages.Alert alert = locked.get();
            Instant now = clock.instant();
            Map<String, Object> data = data(alert);
            String title = BudgetAlertMessages.title(alert);
            String body = BudgetAlertMessages.body(alert);
            String link = BudgetAlertMessages.link(alert);
            Optional<NotificationCreated> notification = Optional.empty();
            if (alert.channels().contains("in_app")) {
                notification = notify(alert, title, body, link, data, now);
            }
            int mails = 0;
            if (alert.channels().contains("email")) {
                mails = emails.queue(alert.organizationId(), alert.id(), recipients(alert), title, body + "\n\n" + publicUrl + link);
            }
            int deliveries = 0;
            if (alert.channels().contains("webhook")) {
                deliveries = webhooks.enqueueForSubscribers(org, alert.id(), alert.type(), alert.createdAt(), data,
                    title + ": " + body + " <" + publicUrl + link + "|Open in AgentOps Hub>");
            }
            jdbc.update("update budget_alerts set notified_at = ? where organization_id = ? and id = ?", now, org, alert.id());
            return Optional.of(new Outcome(notification, mails, deliveries));
        });
        outcome.ifPresent(done -> {
            done.notification().ifPresent(created::publishEvent);
            if (done.deliveries() > 0) {
                queued.publishEvent(new WebhookDeliveriesQueued(org));
            }
            if (done.emails() > 0) {
                emails.wake();
            }
        });
        return outcome.isPresent();
    }

    private Optional<BudgetAlertMessages.Alert> lock(UUID org, UUID alertId) {
        return jdbc.queryOne("""
            select a.id, a.organization_id, a.budget_id, b.name, b.scope_type, b.team, b.period, a.kind, a.threshold,
                   a.period_start, a.spent_usd, a.max_amount_usd, a.percent, a.channels, a.paused_agent_ids::text[] as paused,
                   a.created_at
              from budget_alerts a join budgets b on b.organization_id = a.organization_id and b.id = a.budget_id
             where a.organization_id = ? and a.id = ? and a.notified_at is null
               for update of a skip locked""",
            row -> new BudgetAlertMessages.Alert(row.uuid("id"), row.uuid("organization_id"), row.uuid("budget_id"), row.string("name"),
                row.string("scope_type"), row.string("team"), row.string("period"), row.string("kind"), row.intValue("threshold"),
                row.instant("period_start"), row.decimal("spent_usd"), row.decimal("max_amount_usd"), row.decimal("percent"),
                row.strings("channels"), row.strings("paused"), row.instant("created_at")),
            org, alertId);
    }

    private Optional<NotificationCreated> notify(BudgetAlertMessages.Alert alert, String title, String body, String link,
                                                 Map<String, Object> data, Instant now) {
        UUID id = TimeOrderedIds.next();
        String severity = BudgetAlertMessages.severity(alert);
        int inserted = jdbc.update("""
            insert into notifications (id, organization_id, type, severity, title, body, link, data, source_id, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (organization_id, source_id) do nothing""",
            id, alert.organizationId(), alert.type(), severity, title, body, link, new Jdbc.Json(data), alert.id(), now);
        return inserted == 0 ? Optional.empty()
            : Optional.of(new NotificationCreated(alert.organizationId(), id, alert.type(), severity, title, link, now));
    }

    /** The organization's admins, plus the team's team leads for a team budget (active members only). */
    private List<String> recipients(BudgetAlertMessages.Alert alert) {
        return jdbc.query("""
            select distinct email from organization_members
             where organization_id = ? and status = 'active'
               and (role = 'admin' or (?::text = 'team' and role = 'team_lead' and ?::text = any(teams)))
             order by email""", row -> row.string("email"), alert.organizationId(), alert.scope(), alert.team());
    }

    private static Map<String, Object> data(BudgetAlertMessages.Alert alert) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("budget_id", alert.budgetId().toString());
        data.put("budget_name", alert.budgetName());
        data.put("threshold", alert.threshold());
        data.put("percent", alert.percent());
        data.put("spent_usd", alert.spentUsd());
        data.put("max_amount_usd", alert.maxAmountUsd());
        data.put("period_start", alert.periodStart().toString());
        data.put("paused_agent_ids", alert.pausedAgentIds());
        return data;
    }
}
