-- Notifications and webhooks (issue #13): in-app notifications with a read state per user, e-mails and webhook
-- deliveries, all fed by the budget_alerts outbox of V009. Every fan-out row carries a unique key on what it reports
-- and where it goes, so a retried drain or a second instance inserts nothing twice (ON CONFLICT DO NOTHING).

CREATE TABLE notifications (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    type            text        NOT NULL CHECK (type IN ('budget.threshold_crossed', 'budget.auto_paused',
                                                         'approval.requested', 'approval.decided')),
    severity        text        NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    body            text        NOT NULL CHECK (length(body) <= 2000),
    link            text        CHECK (length(link) <= 500),
    data            jsonb       NOT NULL DEFAULT '{}',
    -- what it reports (a budget alert id): one notification per source, whoever drains it
    source_id       uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id),
    UNIQUE (organization_id, source_id)
);
CREATE INDEX notifications_org_time_idx ON notifications (organization_id, created_at DESC, id DESC);

-- A row per (notification, user) once that user has read it: no row = unread for that user.
CREATE TABLE notification_reads (
    organization_id uuid        NOT NULL,
    notification_id uuid        NOT NULL,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    read_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (notification_id, user_id),
    FOREIGN KEY (organization_id, notification_id) REFERENCES notifications (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_reads_user_idx ON notification_reads (organization_id, user_id);

-- E-mails of alerts, one per (alert, recipient); sent by a scheduled sender that leases due rows.
CREATE TABLE notification_emails (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    source_id       uuid        NOT NULL,
    recipient       text        NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
    subject         text        NOT NULL CHECK (length(subject) <= 300),
    body            text        NOT NULL CHECK (length(body) <= 5000),
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text        CHECK (length(last_error) <= 500),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    UNIQUE (source_id, recipient)
);
CREATE INDEX notification_emails_due_idx ON notification_emails (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_endpoints (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    url             text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    kind            text        NOT NULL CHECK (kind IN ('generic', 'slack')),
    event_types     text[]      NOT NULL CHECK (cardinality(event_types) >= 1),
    description     text        CHECK (length(description) <= 500),
    -- the signing secret, encrypted with the server secret (SecretBox): the sender must read it back to sign
    secret_box      text        NOT NULL,
    created_by      uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id)
);
CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (organization_id, created_at DESC, id DESC);

-- One row per (endpoint, event): the event id stays the same across retries and, for one event, across endpoints.
CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    organization_id  uuid        NOT NULL,
    webhook_id       uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL CHECK (length(event_type) BETWEEN 1 AND 100),
    -- the generic envelope {id, type, created_at, organization_id, data}, and a one-line summary for Slack
    event            jsonb       NOT NULL,
    summary          text        NOT NULL CHECK (length(summary) <= 3000),
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    last_status_code integer,
    last_error       text        CHECK (length(last_error) <= 500),
    last_attempt_at  timestamptz,
    next_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    FOREIGN KEY (organization_id, webhook_id) REFERENCES webhook_endpoints (organization_id, id) ON DELETE CASCADE,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_list_idx ON webhook_deliveries (organization_id, webhook_id, created_at DESC, id DESC);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());
ALTER TABLE notification_reads ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_reads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_reads
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());
ALTER TABLE notification_emails ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_emails FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_emails
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());
ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_endpoints
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries
    USING (organization_id = current_org_id()) WITH CHECK (organization_id = current_org_id());

-- The notifications door (LookupTransactions.Door.NOTIFY, transaction-local app.notify = 'on'): the drainer finds
-- pending alerts of every organization and the senders lease due rows of every organization. Everything else they
-- write (notifications, fan-out rows, results) goes through the organization's own tenant scope.
CREATE POLICY notify_worker ON budget_alerts FOR SELECT
    USING (current_setting_or_null('app.notify') = 'on');
CREATE POLICY notify_worker ON notification_emails
    USING (current_setting_or_null('app.notify') = 'on') WITH CHECK (current_setting_or_null('app.notify') = 'on');
CREATE POLICY notify_worker ON webhook_deliveries
    USING (current_setting_or_null('app.notify') = 'on') WITH CHECK (current_setting_or_null('app.notify') = 'on');
