package dev.agentops.hub.notifications;

import dev.agentops.hub.shared.concurrent.SingleRunner;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.email.EmailMessage;
import dev.agentops.hub.shared.email.EmailSender;
import dev.agentops.hub.shared.metrics.QueryGauges;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.webhooks.Backoff;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Alert e-mails: queued as rows unique on (alert, recipient) by the drainer, sent by a scheduled pass through the
 * product's {@link EmailSender} (SMTP, or the development outbox). A pass leases due rows with
 * {@code FOR UPDATE SKIP LOCKED} and a one-minute lease, like the webhook sender, and retries a failed send with the
 * same back-off for 24 hours.
 */
@Context // its outbox gauges exist from start-up, before the first scheduled pass
class EmailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(EmailOutbox.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 50;

    private record Claimed(UUID id, UUID organizationId, String recipient, String subject, String body, Instant createdAt, int attempts) {
    }

    private final LookupTransactions lookups;
    private final TenantTransactions tenants;
    private final Jdbc jdbc;
    private final EmailSender sender;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final SingleRunner runner = new SingleRunner();

    EmailOutbox(LookupTransactions lookups, TenantTransactions tenants, Jdbc jdbc, EmailSender sender,
                @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Clock clock, QueryGauges gauges) {
        this.lookups = lookups;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.sender = sender;
        this.scheduler = scheduler;
        this.clock = clock;
        gauges.registerOutbox("notification_emails", "email", "alert e-mails");
    }

    /**
     * Inside the organization's transaction: one row per recipient of what {@code sourceId} reports (a budget alert, an
     * approval request); returns how many this call inserted.
     */
    int queue(UUID organizationId, UUID sourceId, List<String> recipients, String subject, String body) {
        List<Object[]> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (String recipient : recipients) {
            rows.add(new Object[] {organizationId, sourceId, recipient, subject, body, now, now});
        }
        return jdbc.rows("insert into notification_emails (organization_id, source_id, recipient, subject, body, next_attempt_at, created_at) values",
            "(?, ?, ?, ?, ?, ?, ?)", rows, "on conflict (source_id, recipient) do nothing returning id", row -> row.uuid("id")).size();
    }

    void wake() {
        scheduler.schedule(Duration.ZERO, () -> runner.run(() -> sendDue(clock.instant())));
    }

    @Scheduled(fixedDelay = "${agentops.notifications.email-interval:1s}", initialDelay = "1s")
    void scheduled() {
        runner.run(() -> sendDue(clock.instant()));
    }

    int sendDue(Instant now) {
        int sent = 0;
        List<Claimed> claimed;
        do {
            claimed = lookups.write(LookupTransactions.Door.NOTIFY, "on", () -> jdbc.query("""
                update notification_emails e set next_attempt_at = ?, attempts = e.attempts + 1
                 where e.id in (select id from notification_emails
                                 where status = 'pending' and next_attempt_at <= ?
                                 order by next_attempt_at limit ? for update skip locked)
                returning e.id, e.organization_id, e.recipient, e.subject, e.body, e.created_at, e.attempts""",
                row -> new Claimed(row.uuid("id"), row.uuid("organization_id"), row.string("recipient"), row.string("subject"),
                    row.string("body"), row.instant("created_at"), row.intValue("attempts")),
                now.plus(LEASE), now, BATCH));
            for (Claimed mail : claimed) {
                send(mail, now);
                sent++;
            }
        } while (claimed.size() == BATCH);
        return sent;
    }

    private void send(Claimed mail, Instant now) {
        String error = null;
        try {
            sender.send(new EmailMessage(mail.recipient(), mail.subject(), mail.body()));
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName();
            LOG.warn("Alert e-mail {} not sent yet ({})", mail.id(), error);
        }
        Instant next = error == null ? null : Backoff.next(mail.createdAt(), mail.attempts(), now);
        String status = error == null ? "sent" : next == null ? "failed" : "pending";
        String lastError = error;
        tenants.run(mail.organizationId(), () -> jdbc.update("""
            update notification_emails set status = ?, last_error = ?, next_attempt_at = coalesce(?::timestamptz, next_attempt_at),
                   sent_at = case when ? then ?::timestamptz end
             where organization_id = ? and id = ?""",
            status, lastError, next, lastError == null, now, mail.organizationId(), mail.id()));
    }
}
