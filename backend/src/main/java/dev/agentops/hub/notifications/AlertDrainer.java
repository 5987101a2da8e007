package dev.agentops.hub.notifications;

import dev.agentops.hub.shared.concurrent.SingleRunner;
import dev.agentops.hub.costs.BudgetAlertsRaised;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.JsonFields;
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

    private final LookupTransactions lookups;
    private final TenantTransactions tenants;
    private final Jdbc jdbc;
    private final Fanout fanout;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final SingleRunner runner = new SingleRunner();

    AlertDrainer(LookupTransactions lookups, TenantTransactions tenants, Jdbc jdbc, Fanout fanout,
                 @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Clock clock) {
        this.lookups = lookups;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.fanout = fanout;
        this.scheduler = scheduler;
        this.clock = clock;
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
        // empty when another drainer has the alert, or it was handled meanwhile
        Optional<Fanout.Outcome> outcome = tenants.write(org, () -> lock(org, pending.id()).map(alert -> {
            Instant now = clock.instant();
            var message = new Fanout.Message(org, alert.id(), alert.type(), BudgetAlertMessages.severity(alert),
                BudgetAlertMessages.title(alert), BudgetAlertMessages.body(alert), BudgetAlertMessages.link(alert), data(alert));
            List<String> channels = alert.channels();
            Optional<NotificationCreated> notification = channels.contains("in_app") ? fanout.inApp(message, now) : Optional.empty();
            int mails = channels.contains("email") ? fanout.emails(message, recipients(alert)) : 0;
            int deliveries = channels.contains("webhook")
                ? fanout.webhooks(message, alert.createdAt(), message.title() + ": " + message.body()) : 0;
            jdbc.update("update budget_alerts set notified_at = ? where organization_id = ? and id = ?", now, org, alert.id());
            return new Fanout.Outcome(org, notification, mails, deliveries);
        }));
        outcome.ifPresent(fanout::publish);
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

    /** The organization's admins, plus the team's team leads for a team budget (active members only). */
    private List<String> recipients(BudgetAlertMessages.Alert alert) {
        return jdbc.query("""
            select distinct email from organization_members
             where organization_id = ? and status = 'active'
               and (role = 'admin' or (?::text = 'team' and role = 'team_lead' and ?::text = any(teams)))
             order by email""", row -> row.string("email"), alert.organizationId(), alert.scope(), alert.team());
    }

    private static Map<String, Object> data(BudgetAlertMessages.Alert alert) {
        return JsonFields.of("budget_id", alert.budgetId().toString(), "budget_name", alert.budgetName(),
            "threshold", alert.threshold(), "percent", alert.percent(), "spent_usd", alert.spentUsd(),
            "max_amount_usd", alert.maxAmountUsd(), "period_start", alert.periodStart().toString(),
            "paused_agent_ids", alert.pausedAgentIds());
    }
}
