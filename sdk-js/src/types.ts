/**
 * The API's closed sets, each in one place: a constant array (for checks and menus) and its string-literal union.
 * The Java SDK has the same sets as enums (`RunStatus`, `AgentStatus`, `EventType`, `Decision`, `PauseSource`,
 * `UsageFormat`).
 */

export const RUN_STATUSES = ["running", "completed", "failed", "cancelled"] as const;
/** A run's state; `running` is what `startRun` sends. */
export type RunStatus = (typeof RUN_STATUSES)[number];
/** The states `endRun` accepts. */
export type FinalRunStatus = Exclude<RunStatus, "running">;

export const AGENT_STATUSES = ["active", "paused", "error", "archived"] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const EVENT_TYPES = [
  "llm_call",
  "tool_call",
  "external_action",
  "policy_check",
  "approval_requested",
  "approval_decided",
  // what older SDKs sent before approval_requested / approval_decided: still accepted, so runs read back may have it
  "approval",
  "log",
  "error",
  "custom",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const DECISIONS = ["allow", "block", "require_approval"] as const;
/** A policy's decision (`policy_check` events). */
export type Decision = (typeof DECISIONS)[number];

export const PAUSE_SOURCES = ["person", "kill_switch", "budget", "policy"] as const;
/** Who paused an agent (`pause_source` of the agent status read). */
export type PauseSource = (typeof PAUSE_SOURCES)[number];

export const BUDGET_STATUSES = ["ok", "warning", "exceeded"] as const;
/** The worst state of the budgets covering an agent (`budget_status` of ingest acks and the status read), mildest first. */
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

export const USAGE_FORMATS = ["openai", "anthropic", "agentops", "gemini", "bedrock", "vercel_ai", "langchain", "cohere"] as const;
/** The shape of a usage object (`usage_format`). */
export type UsageFormat = (typeof USAGE_FORMATS)[number];
