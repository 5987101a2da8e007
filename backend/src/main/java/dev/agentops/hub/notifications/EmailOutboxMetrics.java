package dev.agentops.hub.notifications;

import dev.agentops.hub.shared.metrics.QueryGauges;
import dev.agentops.hub.shared.metrics.QueryGauges.Column;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import io.micronaut.context.annotation.Context;

import java.util.List;

/** The alert e-mails waiting to be sent (pending, including those backing off after a failed send). */
@Context
class EmailOutboxMetrics {

    EmailOutboxMetrics(QueryGauges gauges) {
        gauges.register(Door.NOTIFY, """
            select count(*) as depth,
                   coalesce(extract(epoch from now() - min(created_at)), 0) as oldest
              from notification_emails where status = 'pending'""",
            List.of(new Column("depth", "agentops.email.outbox.depth", "Alert e-mails not sent yet", null),
                new Column("oldest", "agentops.email.outbox.oldest.age", "Age of the oldest alert e-mail not sent yet", "seconds")));
    }
}
