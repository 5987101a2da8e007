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
