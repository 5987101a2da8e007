import type { Schemas } from '@/lib/api-client'

/**
 * The closed sets of the API, one place each: a constant list (for pickers and checks) and its union type.
 * Where backend/openapi.yml declares the set as an enum, the type is the generated one and `sameSet` fails
 * `tsc` when the list and the document disagree; the others are written here until the document has them.
 */

/** Compiles only when A and B are the same union. */
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const sameSet = <A, B>(check: SameSet<A, B>) => check

export type RunStatus = Schemas['RunStatus']
export const RUN_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const satisfies readonly RunStatus[]
sameSet<(typeof RUN_STATUSES)[number], RunStatus>(true)

export type AgentStatus = Schemas['AgentStatus']
export const AGENT_STATUSES = ['active', 'paused', 'error', 'archived'] as const satisfies readonly AgentStatus[]
sameSet<(typeof AGENT_STATUSES)[number], AgentStatus>(true)

/** Where a cost came from: computed from the price catalog, provided by the client, or no price known. */
export type CostSource = Schemas['CostSource']
export const COST_SOURCES = ['computed', 'provided', 'unpriced', 'usage_unrecognized'] as const satisfies readonly CostSource[]
sameSet<(typeof COST_SOURCES)[number], CostSource>(true)

/** Event types of a run; `approval` is the type older SDKs sent before requested/decided. */
export type EventType = Schemas['EventType']
export const EVENT_TYPES = [
  'llm_call',
  'tool_call',
  'external_action',
  'policy_check',
  'approval_requested',
  'approval_decided',
  'approval',
  'log',
  'error',
  'custom',
] as const satisfies readonly EventType[]
sameSet<(typeof EVENT_TYPES)[number], EventType>(true)

/** Highest first. */
export const ROLES = ['admin', 'team_lead', 'member', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const PLANS = ['free', 'team', 'business', 'enterprise'] as const
export type Plan = (typeof PLANS)[number]

export const MEMBER_STATUSES = ['active', 'invited'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

export const API_KEY_SCOPES = ['ingest', 'read', 'policies:check', 'admin'] as const
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]

/** Why the home dashboard lists an agent under "needs attention". */
export const ATTENTION_REASONS = ['error_rate', 'paused', 'budget'] as const
export type AttentionReason = (typeof ATTENTION_REASONS)[number]

/** Who paused an agent: a person, the organization's kill switch, a budget, or a policy. */
export type PauseSource = NonNullable<Schemas['AgentControlState']['pause_source']>
export const PAUSE_SOURCES = ['person', 'kill_switch', 'budget', 'policy'] as const satisfies readonly PauseSource[]
sameSet<(typeof PAUSE_SOURCES)[number], PauseSource>(true)

/** Who did something: a signed-in user, an API key, or the system itself. */
export type ActorType = Schemas['ActorRef']['type']
export const ACTOR_TYPES = ['user', 'api_key', 'system'] as const satisfies readonly ActorType[]
sameSet<(typeof ACTOR_TYPES)[number], ActorType>(true)

/** Where a budget stands: `warning` from 80 % of its limit, `exceeded` from 100 %. */
export type BudgetState = NonNullable<Schemas['BudgetStatus']['state']>
export const BUDGET_STATES = ['ok', 'warning', 'exceeded'] as const satisfies readonly BudgetState[]
sameSet<(typeof BUDGET_STATES)[number], BudgetState>(true)

/** What a budget alert is: a crossed threshold or an auto-pause. */
export type BudgetAlertKind = NonNullable<Schemas['BudgetAlertResponse']['kind']>
export const BUDGET_ALERT_KINDS = ['threshold', 'auto_pause'] as const satisfies readonly BudgetAlertKind[]
sameSet<(typeof BUDGET_ALERT_KINDS)[number], BudgetAlertKind>(true)

/** The budget fields the document types as plain strings (its request patterns name them). */
export const BUDGET_SCOPES = ['organization', 'team', 'agent'] as const
export type BudgetScope = (typeof BUDGET_SCOPES)[number]
export const BUDGET_PERIODS = ['daily', 'weekly', 'monthly', 'total'] as const
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number]
export const BUDGET_CHANNELS = ['in_app', 'email', 'webhook'] as const
export type BudgetChannel = (typeof BUDGET_CHANNELS)[number]

export type NotificationSeverity = Schemas['Notification']['severity']
export const NOTIFICATION_SEVERITIES = ['info', 'warning', 'critical'] as const satisfies readonly NotificationSeverity[]
sameSet<(typeof NOTIFICATION_SEVERITIES)[number], NotificationSeverity>(true)

export type NotificationType = Schemas['Notification']['type']
export const NOTIFICATION_TYPES = ['budget.threshold_crossed', 'budget.auto_paused', 'approval.requested'] as const satisfies readonly NotificationType[]
sameSet<(typeof NOTIFICATION_TYPES)[number], NotificationType>(true)

/** What a webhook endpoint can subscribe to (the document's request pattern). */
export const WEBHOOK_EVENT_TYPES = ['budget.threshold_crossed', 'budget.auto_paused', 'approval.requested', 'webhook.test'] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

export type DeliveryStatus = Schemas['WebhookDelivery']['status']
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const satisfies readonly DeliveryStatus[]
sameSet<(typeof DELIVERY_STATUSES)[number], DeliveryStatus>(true)
