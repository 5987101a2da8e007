/**
 * Approvals: a {@code require_approval} policy check opens a request bound to the exact action (the SHA-256 of the
 * canonical JSON of agent, action and policy version, {@link dev.agentops.hub.approvals.ActionHash}); an eligible
 * person approves or rejects it once; unanswered it expires (never a silent reject); the approved action may then run
 * exactly once ({@link dev.agentops.hub.approvals.ApprovalUse}, checked at ingest before the 202). Decisions and
 * expiries are audit rows, live events and events of the run. Waiting is a long-poll without parked threads, woken
 * across instances through Redis. The policy check reaches this feature through {@code ApprovalService.open}.
 */
package dev.agentops.hub.approvals;
