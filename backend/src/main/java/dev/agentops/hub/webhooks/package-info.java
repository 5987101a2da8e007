/**
 * Webhook endpoints of an organization and the durable, signed, retried delivery of events to them, with an SSRF
 * guard at save and at send time.
 */
package dev.agentops.hub.webhooks;
