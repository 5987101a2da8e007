import type { CreateAgentInput } from '@/features/agents/api/create-agent'
import type { Agent } from '@/features/agents/api/get-agents'
import type { AgentUpdate } from '@/features/agents/api/update-agent'
import type { FieldErrors } from '@/lib/forms'

export type AgentField = 'name' | 'slug' | 'type' | 'provider' | 'team' | 'tags' | 'environment' | 'config'
export type AgentValues = Record<AgentField, string>

export const AGENT_FIELDS: readonly AgentField[] = ['name', 'slug', 'type', 'provider', 'team', 'tags', 'environment', 'config']

export const EMPTY_AGENT: AgentValues = {
  name: '',
  slug: '',
  type: '',
  provider: '',
  team: '',
  tags: '',
  environment: 'production',
  config: '{\n  \n}',
}

export const TYPE_SUGGESTIONS = ['assistant', 'workflow', 'autonomous', 'copilot', 'batch'] as const
export const PROVIDER_SUGGESTIONS = ['openai', 'anthropic', 'google', 'azure-openai', 'bedrock', 'mistral', 'custom'] as const
export const ENVIRONMENT_SUGGESTIONS = ['production', 'staging', 'development'] as const

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/

/** "Support Bot v2!" → "support-bot-v2": what the slug field suggests while it is empty. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '')
}

/** Tags typed as "prod, support, prod" → ["prod", "support"]. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))]
}

/** The config textarea: empty is `{}`; otherwise a JSON object, or the problem with it. */
export function parseConfig(text: string): { value: Record<string, unknown> } | { problem: string } {
  const trimmed = text.trim()
  if (!trimmed) return { value: {} }
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.replace(/^JSON\.parse: /, '') : ''
    return { problem: `Not valid JSON${detail ? `: ${detail}` : ''}.` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'Use a JSON object, like {"temperature": 0.2}.' }
  return { value: value as Record<string, unknown> }
}

/** Problems of the form, by field, before anything is sent (the server has the last word). */
export function validateAgent(values: AgentValues, { creating }: { creating: boolean }): FieldErrors<AgentField> {
  const errors: FieldErrors<AgentField> = {}
  const name = values.name.trim()
  if (!name) errors.name = 'Name the agent.'
  else if (name.length > 200) errors.name = 'Use at most 200 characters.'
  const slug = values.slug.trim()
  if (creating && slug && !SLUG.test(slug)) errors.slug = 'Use lowercase letters, digits and dashes (at most 63), starting with a letter or digit.'
  if (values.type.trim().length > 50) errors.type = 'Use at most 50 characters.'
  if (values.provider.trim().length > 50) errors.provider = 'Use at most 50 characters.'
  if (values.team.trim().length > 100) errors.team = 'Use at most 100 characters.'
  if (values.environment.trim().length > 50) errors.environment = 'Use at most 50 characters.'
  const tags = parseTags(values.tags)
  if (tags.length > 20) errors.tags = 'Use at most 20 tags.'
  else if (tags.some((tag) => tag.length > 50)) errors.tags = 'Keep each tag to 50 characters.'
  const config = parseConfig(values.config)
  if ('problem' in config) errors.config = config.problem
  return errors
}

/** The POST body: blank optional fields are left out, so the server's defaults apply. */
export function toCreateInput(values: AgentValues): CreateAgentInput {
  const input: CreateAgentInput = { name: values.name.trim() }
  const optional = ['slug', 'type', 'provider', 'team', 'environment'] as const
  for (const key of optional) {
    const value = values[key].trim()
    if (value) input[key] = value
  }
  const tags = parseTags(values.tags)
  if (tags.length) input.tags = tags
  const config = parseConfig(values.config)
  if ('value' in config && Object.keys(config.value).length) input.config = config.value
  return input
}

export function valuesOf(agent: Agent): AgentValues {
  return {
    name: agent.name,
    slug: agent.slug,
    type: agent.type ?? '',
    provider: agent.provider ?? '',
    team: agent.team ?? '',
    tags: agent.tags.join(', '),
    environment: agent.environment ?? '',
    config: JSON.stringify(agent.config ?? {}, null, 2),
  }
}

/** The PATCH body: only what changed, so an edit never overwrites what someone else saved meanwhile. */
export function agentChanges(agent: Agent, values: AgentValues): AgentUpdate {
  const changes: AgentUpdate = {}
  if (values.name.trim() !== agent.name) changes.name = values.name.trim()
  for (const key of ['type', 'provider', 'team', 'environment'] as const) {
    const value = values[key].trim()
    if (value !== (agent[key] ?? '')) changes[key] = value
  }
  const tags = parseTags(values.tags)
  if (JSON.stringify(tags) !== JSON.stringify(agent.tags)) changes.tags = tags
  const config = parseConfig(values.config)
  if ('value' in config && JSON.stringify(config.value) !== JSON.stringify(agent.config ?? {})) changes.config = config.value
  return changes
}
