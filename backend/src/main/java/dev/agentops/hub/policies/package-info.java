/**
 * Policies: rules that answer allow, block or require_approval before an agent acts (issue #14, docs/api.md
 * "Policies").
 *
 * <p>{@link dev.agentops.hub.policies.RuleParser} validates a rule (JSON pointers in every problem) and compiles it
 * (regexes with RE2, CEL expressions with {@link dev.agentops.hub.policies.CelRules}); the pure
 * {@link dev.agentops.hub.policies.PolicyEvaluator} turns rules and {@link dev.agentops.hub.policies.Facts} into a
 * {@link dev.agentops.hub.policies.PolicyDecision}. Services around it: {@code PolicyService} (CRUD, immutable versions,
 * audit rows), {@code PolicyCheckService} (the SDK's hot path over {@code PolicyCache} and the controls' cache, the
 * check recorded as a {@code policy_check} event through {@link dev.agentops.hub.ingestion.RunEvents}),
 * {@code PolicyCounts} (decision counts, shadow ones included) and {@code PolicyBacktest}. The approvals feature plugs
 * in through {@link dev.agentops.hub.policies.ApprovalGate}.
 */
package dev.agentops.hub.policies;
