/**
 * In-app notifications (read state per user), alert e-mails, and the drainer that turns the {@code budget_alerts}
 * outbox into notifications, e-mails and webhook deliveries exactly once per (alert, channel, recipient/endpoint).
 */
package dev.agentops.hub.notifications;
