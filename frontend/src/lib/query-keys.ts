/**
 * Query keys of the server state that live updates refresh (agents, runs, dashboards, controls). The features build their
 * keys here, so `lib/live-updates.ts` can invalidate them without importing any feature.
 */

export const agentKeys = {
  all: ['agents'] as const,
  lists: () => ['agents', 'list'] as const,
  list: (filters: Record<string, string>) => ['agents', 'list', filters] as const,
  detail: (id: string) => ['agents', 'detail', id] as const,
  /** Every agent, for pickers and name lookups. */
  options: () => ['agents', 'options'] as const,
  /** Every agent with its team, for the budget scope pickers. */
  choices: () => ['agents', 'choices'] as const,
}

export const runKeys = {
  all: ['runs'] as const,
  lists: () => ['runs', 'list'] as const,
  list: (filters: Record<string, string | number>) => ['runs', 'list', filters] as const,
  detail: (id: string) => ['runs', 'detail', id] as const,
}

export const dashboardKeys = {
  all: ['dashboard'] as const,
  home: (params: Record<string, string>) => ['dashboard', 'home', params] as const,
  agent: (id: string, params: Record<string, string>) => ['dashboard', 'agent', id, params] as const,
  agentHealth: () => ['dashboard', 'agent-health'] as const,
}

/** The halt state and the paused agents (controls page, banner of every page). */
export const controlKeys = {
  all: ['controls'] as const,
  status: () => ['controls', 'status'] as const,
  history: () => ['controls', 'history'] as const,
}

/** Cost views (summary, one agent, one team); runs change them, so live updates refresh them by prefix. */
export const costKeys = {
  all: ['costs'] as const,
  summary: (range: Record<string, string>) => ['costs', 'summary', range] as const,
  agent: (id: string, range: Record<string, string>) => ['costs', 'agent', id, range] as const,
  team: (name: string, range: Record<string, string>) => ['costs', 'team', name, range] as const,
}

/** Budgets with their status (spend so far), and each budget's alerts. */
export const budgetKeys = {
  all: ['budgets'] as const,
  list: () => ['budgets', 'list'] as const,
  alerts: (id: string) => ['budgets', 'alerts', id] as const,
}

/** The signed-in user's notifications and unread count. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => ['notifications', 'unread-count'] as const,
  latest: () => ['notifications', 'latest'] as const,
  list: (filters: Record<string, string>) => ['notifications', 'list', filters] as const,
}

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => ['webhooks', 'list'] as const,
  deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
}

/** The approval queue, the history and single requests; `approval.requested`/`approval.decided` refresh them by prefix. */
export const approvalKeys = {
  all: ['approvals'] as const,
  pending: () => ['approvals', 'pending'] as const,
  history: (filters: Record<string, string>) => ['approvals', 'history', filters] as const,
}

/** Policies, their templates and versions. */
export const policyKeys = {
  all: ['policies'] as const,
  list: () => ['policies', 'list'] as const,
  templates: () => ['policies', 'templates'] as const,
  versions: (id: string) => ['policies', 'versions', id] as const,
}
