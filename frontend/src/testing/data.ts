import type { Me } from '@/lib/auth'
import { LOWEST_ROLE, PERMISSIONS } from '@/lib/authorization'
import { ROLES, type Role } from '@/lib/closed-sets'

/** The permissions the backend's role matrix grants a role (a role has what every lower role has). */
export const permissionsOf = (role: Role): string[] =>
  PERMISSIONS.filter((permission) => ROLES.indexOf(role) <= ROLES.indexOf(LOWEST_ROLE[permission]))

export const ORG_ID = '00000000-0000-4000-8000-000000000001'
export const USER_ID = '00000000-0000-4000-8000-000000000002'

/** GET /auth/me of Ada, of the role asked for. */
export function aMe(role: Role = 'admin', overrides: Partial<Me> = {}): Me {
  return {
    user: { id: USER_ID, email: 'ada@example.com', full_name: 'Ada Lovelace', mfa_enabled: false },
    organization: {
      id: ORG_ID,
      name: 'Acme',
      slug: 'acme',
      logo_url: null,
      plan: 'team',
      status: 'active',
      timezone: 'UTC',
      created_at: '2026-01-01T00:00:00Z',
    },
    role,
    teams: [],
    permissions: permissionsOf(role),
    ...overrides,
  }
}

export function anAgent(overrides: Record<string, unknown> = {}) {
  return {
    id: 'a1000000-0000-4000-8000-000000000001',
    name: 'Support bot',
    slug: 'support-bot',
    type: 'assistant',
    provider: 'openai',
    status: 'active',
    team: 'support',
    tags: ['prod'],
    environment: 'production',
    config: {},
    runs_24h: 12,
    error_rate_24h: 0.25,
    cost_24h_usd: 1.5,
    last_run_at: null,
    created_at: '2026-11-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
    paused_reason: null,
    pause_source: null,
    paused_by: null,
    paused_at: null,
    budget_status: 'ok',
    ...overrides,
  }
}

export function aRun(overrides: Record<string, unknown> = {}) {
  return {
    id: 'r1000000-0000-4000-8000-000000000001',
    external_reference: 'run-ref-1',
    agent_id: 'a1000000-0000-4000-8000-000000000001',
    status: 'completed',
    input: { question: 'Where is my order?' },
    output: { answer: 'On its way.' },
    error: null,
    start_time: '2026-12-01T10:00:00Z',
    end_time: '2026-12-01T10:00:02Z',
    duration_ms: 2000,
    model: 'gpt-4o',
    input_tokens: 1200,
    output_tokens: 300,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    reasoning_tokens: 0,
    cost_usd: 0.0123,
    cost_source: 'computed',
    cost_breakdown: { input: 0.006, output: 0.0063 },
    pricing_model: 'gpt-4o',
    pricing_version: '2026-11',
    tags: ['prod'],
    metadata: {},
    created_at: '2026-12-01T10:00:00Z',
    updated_at: '2026-12-01T10:00:02Z',
    ...overrides,
  }
}

export function anEvent(overrides: Record<string, unknown> = {}) {
  return {
    id: 'e1000000-0000-4000-8000-000000000001',
    event_id: 'ev-1',
    event_type: 'llm_call',
    timestamp: '2026-12-01T10:00:00.500Z',
    duration_ms: 800,
    payload: { name: 'answer' },
    model: 'gpt-4o',
    input_tokens: 1200,
    output_tokens: 300,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    reasoning_tokens: 0,
    cost_usd: 0.0123,
    cost_source: 'computed',
    cost_breakdown: null,
    ...overrides,
  }
}
