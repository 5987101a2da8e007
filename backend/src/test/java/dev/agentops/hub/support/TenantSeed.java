package dev.agentops.hub.support;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.UUID;

import static dev.agentops.hub.support.Sql.update;

/**
 * Writes one row into every tenant table for a new organization, through the application's own tenant scope.
 * When a migration adds a tenant table, add a row here: the isolation tests fail until every tenant table has one.
 */
public final class TenantSeed {

    private TenantSeed() {
    }

    public static UUID organizationWithOneRowEverywhere(TenantTransactions tenants, TransactionOperations<Connection> tx) {
        UUID org = UUID.randomUUID();
        String tag = org.toString().substring(0, 8);
        tenants.run(org, () -> {
            Connection c = tx.getConnection();
            UUID user = UUID.randomUUID();
            UUID agent = UUID.randomUUID();
            UUID run = UUID.randomUUID();
            UUID policy = UUID.randomUUID();
            update(c, "insert into organizations (id, name, slug) values (?, ?, ?)", org, "Org " + tag, "org-" + tag);
            update(c, "insert into users (id, email, password_hash, full_name) values (?, ?, 'x', 'Seed User')",
                user, "seed-" + tag + "@example.com");
            update(c, "insert into organization_members (organization_id, user_id, email, role) values (?, ?, ?, 'admin')",
                org, user, "seed-" + tag + "@example.com");
            update(c, "insert into api_keys (organization_id, name, prefix, key_hash, scopes) values (?, 'k', ?, 'h', '{ingest}')",
                org, "pfx" + tag);
            update(c, "insert into audit_logs (organization_id, seq, actor_type, action, entity_type, hash) "
                + "values (?, 1, 'system', 'seed', 'organization', 'h')", org);
            update(c, "insert into agents (id, organization_id, name, slug) values (?, ?, 'Agent', 'agent')", agent, org);
            update(c, "insert into runs (id, organization_id, agent_id, external_reference, start_time) values (?, ?, ?, 'r1', now())",
                run, org, agent);
            update(c, "insert into events (organization_id, run_id, event_id, event_type, timestamp) values (?, ?, 'e1', 'log', now())",
                org, run);
            update(c, "insert into policies (id, organization_id, name) values (?, ?, 'p')", policy, org);
            update(c, "insert into approval_requests (organization_id, policy_id, agent_id, run_id, action_type) "
                + "values (?, ?, ?, ?, 'send_email')", org, policy, agent, run);
            update(c, "insert into refresh_tokens (organization_id, user_id, family_id, token_hash, expires_at) "
                + "values (?, ?, gen_random_uuid(), ?, now() + interval '1 day')", org, user, "seed-" + org);
            update(c, "insert into ingest_queue (organization_id, payload, status) values (?, '{}', 'failed')", org);
            update(c, "insert into ingest_jobs_done (id, organization_id, run_id) values (gen_random_uuid(), ?, ?)", org, run);
            update(c, "insert into run_rollups_hourly (organization_id, agent_id, bucket, runs) values (?, ?, date_trunc('hour', now()), 1)",
                org, agent);
            UUID budget = UUID.randomUUID();
            update(c, "insert into budgets (id, organization_id, name, scope_type, period, max_amount_usd) values (?, ?, 'b', 'organization', 'monthly', 10)",
                budget, org);
            update(c, "insert into budget_alerts (organization_id, budget_id, kind, threshold, period_start, spent_usd, max_amount_usd, "
                + "percent, channels) values (?, ?, 'threshold', 50, now(), 5, 10, 50, '{in_app}')", org, budget);
            UUID notification = UUID.randomUUID();
            update(c, "insert into notifications (id, organization_id, type, severity, title, body) "
                + "values (?, ?, 'budget.threshold_crossed', 'warning', 't', 'b')", notification, org);
            update(c, "insert into notification_reads (organization_id, notification_id, user_id) values (?, ?, ?)", org, notification, user);
            update(c, "insert into notification_emails (organization_id, source_id, recipient, subject, body, status) "
                + "values (?, gen_random_uuid(), ?, 's', 'b', 'sent')", org, "seed-" + tag + "@example.com");
            UUID webhook = UUID.randomUUID();
            update(c, "insert into webhook_endpoints (id, organization_id, url, kind, event_types, secret_box) "
                + "values (?, ?, 'https://example.com/hook', 'generic', '{webhook.test}', 'x')", webhook, org);
            update(c, "insert into webhook_deliveries (id, organization_id, webhook_id, event_id, event_type, event, summary, status, created_at) "
                + "values (gen_random_uuid(), ?, ?, gen_random_uuid(), 'webhook.test', '{}', 's', 'succeeded', now())", org, webhook);
            update(c, "insert into model_prices (organization_id, model, input_price, output_price) values (?, 'seed-model', 0.000001, 0.000002)",
                org);
            update(c, "insert into idempotency_keys (organization_id, credential_id, idempotency_key, request_hash, expires_at) "
                + "values (?, ?, 'seed-key', 'h', now() + interval '1 day')", org, user);
        });
        return org;
    }
}
