package dev.agentops.hub.webhooks;

import dev.agentops.hub.shared.metrics.QueryGauges;
import dev.agentops.hub.shared.metrics.QueryGauges.Column;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import io.micronaut.context.annotation.Context;

import java.util.List;

/** The webhook deliveries waiting to be made (pending, including those backing off after a failed attempt). */
@Context
class WebhookOutboxMetrics {

    WebhookOutboxMetrics(QueryGauges gauges) {
        gauges.register(Door.NOTIFY, """
            select count(*) as depth,
                   coalesce(extract(epoch from now() - min(created_at)), 0) as oldest
              from webhook_deliveries where status = 'pending'""",
            List.of(new Column("depth", "agentops.webhook.outbox.depth", "Webhook deliveries not made yet", null),
                new Column("oldest", "agentops.webhook.outbox.oldest.age", "Age of the oldest webhook delivery not made yet", "seconds")));
    }
}
