import canonicalize from "canonicalize";
import type { Decision } from "./types.js";

/** What `checkPolicy` does when it gets no answer from the server (default `closed`: the action is blocked). */
export type PolicyFailMode = "closed" | "open";

/** How a wait for an approval ended: decided, expired, or still pending when `timeoutMs` had passed. */
export type ApprovalOutcome = "approved" | "rejected" | "expired" | "timeout";

/** Why the check decided as it did: a policy that had a say, `agent_paused`, or `unreachable` (no answer). */
export interface PolicyReason {
  code: string;
  policy_id?: string | null;
  version?: number | null;
  name?: string | null;
  decision?: Decision | null;
  message?: string | null;
}

export interface CheckPolicyParams {
  /** The run the action belongs to (the client's run id, as from startRun); the check is recorded on it. */
  runId?: string;
  /** The action: `type` (required) and its own fields, e.g. `{ type: "apply_discount", discount_percent: 15 }`. */
  action: { type: string } & Record<string, unknown>;
  /** More facts the rules read as `action.*` (the action's own fields win on a clash). */
  context?: Record<string, unknown>;
  /** Overrides the client's agentId for this check. */
  agentId?: string;
}

export interface WaitForApprovalOptions {
  /** How long to wait in total, in ms (default 60 000); the server is long-polled up to 60 s per request. */
  timeoutMs?: number;
}

export interface ApprovalResult {
  status: ApprovalOutcome;
  comment: string | null;
  /** The id of the person who decided (null when none did). */
  decidedBy: string | null;
}

export interface PolicyCheck {
  decision: Decision;
  reasons: PolicyReason[];
  /** The approval request a `require_approval` opened, else null. */
  approvalId: string | null;
  /** Waits for the approval request to be decided; without one it resolves at once (`allow` → approved, else rejected). */
  waitForApproval(options?: WaitForApprovalOptions): Promise<ApprovalResult>;
}

/**
 * The canonical JSON (RFC 8785) of the action an approval is bound to, as the server hashes it (docs/api.md "The action
 * an approval is bound to"): at the check, the context with the action's keys on top and `type` trimmed.
 */
export function checkedActionKey(action: Record<string, unknown>, context: Record<string, unknown> | undefined): string {
  const merged: Record<string, unknown> = { ...(context ?? {}), ...action };
  merged.type = String(action.type ?? "").trim();
  return canonicalize(merged) ?? "";
}

/**
 * The same for an `external_action` event: `{...payload, target (when present), type: action_type}`; undefined when
 * the payload is not an object (such an action can never match a check).
 */
export function performedActionKey(actionType: string, target: string | undefined, payload: unknown): string | undefined {
  if (payload !== undefined && payload !== null && (typeof payload !== "object" || Array.isArray(payload))) return undefined;
  const merged: Record<string, unknown> = { ...((payload as Record<string, unknown> | null | undefined) ?? {}) };
  if (target !== undefined && target !== null) merged.target = target;
  merged.type = actionType;
  return canonicalize(merged) ?? undefined;
}
