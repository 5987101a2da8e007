/**
 * The policy rule builder's model and its round trip with `rule_definition` (docs/api.md "Rules"). A condition
 * keeps its value as the JSON value itself (only its input shows text), so JSON → builder → JSON gives back the
 * same rule; keys the builder does not know are carried along untouched.
 */

export const OPERATORS = [
  'equals',
  'not_equals',
  'greater_than',
  'greater_or_equal',
  'less_than',
  'less_or_equal',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'ends_with',
  'matches',
  'exists',
] as const
export type Operator = (typeof OPERATORS)[number]

export const ACTIONS = ['allow', 'block', 'require_approval'] as const
export type RuleAction = (typeof ACTIONS)[number]

/** Variables offered in the field picker (others may be typed). */
export const FIELDS = [
  'action.type',
  'action.amount',
  'agent.id',
  'agent.slug',
  'agent.name',
  'agent.type',
  'agent.environment',
  'agent.team',
  'agent.tags',
  'run.cost_usd',
  'run.input_tokens',
  'run.output_tokens',
  'run.events',
  'budget.percent_used',
  'budget.state',
  'time.hour',
  'time.weekday',
] as const

export type ConditionNode = { kind: 'condition'; field: string; operator: string; value: unknown }
export type GroupNode = { kind: 'group'; mode: 'any' | 'all'; children: RuleNode[] }
export type RuleNode = ConditionNode | GroupNode

export type Draft = {
  type: 'conditional' | 'expression'
  conditions: RuleNode[]
  expression: string
  action: RuleAction
  approvers: string[]
  timeoutMinutes: number | null
  onError: 'block' | 'allow' | null
  /** Keys of the rule the builder does not edit, kept as they were. */
  extra: Record<string, unknown>
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export const emptyCondition = (): ConditionNode => ({ kind: 'condition', field: 'action.type', operator: 'equals', value: '' })

export const emptyDraft = (): Draft => ({
  type: 'conditional',
  conditions: [emptyCondition()],
  expression: '',
  action: 'block',
  approvers: [],
  timeoutMinutes: null,
  onError: null,
  extra: {},
})

function nodeFromJson(value: unknown): RuleNode | null {
  if (!isObject(value)) return null
  const keys = Object.keys(value)
  for (const mode of ['any', 'all'] as const) {
    if (keys.length === 1 && keys[0] === mode && Array.isArray(value[mode])) {
      const children = (value[mode] as unknown[]).map(nodeFromJson)
      return children.every(Boolean) ? { kind: 'group', mode, children: children as RuleNode[] } : null
    }
  }
  const known = keys.every((key) => key === 'field' || key === 'operator' || key === 'value')
  if (!known || typeof value.field !== 'string' || typeof value.operator !== 'string') return null
  return { kind: 'condition', field: value.field, operator: value.operator, value: 'value' in value ? value.value : undefined }
}

/**
 * The builder's model of a rule, or null when the builder cannot show it faithfully (a shape it does not know:
 * then only the JSON editor edits it).
 */
export function draftFromRule(rule: unknown): Draft | null {
  if (!isObject(rule)) return null
  const { type, conditions, expression, action, approval_required_from, timeout_minutes, on_error, ...extra } = rule
  if (type !== 'conditional' && type !== 'expression') return null
  if (action !== undefined && !ACTIONS.includes(action as RuleAction)) return null
  if (approval_required_from !== undefined && !(Array.isArray(approval_required_from) && approval_required_from.every((a) => typeof a === 'string'))) return null
  if (timeout_minutes !== undefined && typeof timeout_minutes !== 'number') return null
  if (on_error !== undefined && on_error !== 'block' && on_error !== 'allow') return null
  let nodes: RuleNode[] = []
  if (type === 'conditional') {
    if (!Array.isArray(conditions) || expression !== undefined) return null
    const parsed = conditions.map(nodeFromJson)
    if (!parsed.every(Boolean)) return null
    nodes = parsed as RuleNode[]
  } else if (typeof expression !== 'string' || conditions !== undefined) {
    return null
  }
  return {
    type,
    conditions: nodes,
    expression: type === 'expression' ? (expression as string) : '',
    action: (action as RuleAction | undefined) ?? 'block',
    approvers: (approval_required_from as string[] | undefined) ?? [],
    timeoutMinutes: (timeout_minutes as number | undefined) ?? null,
    onError: (on_error as 'block' | 'allow' | undefined) ?? null,
    extra,
  }
}

function nodeToJson(node: RuleNode): Record<string, unknown> {
  if (node.kind === 'group') return { [node.mode]: node.children.map(nodeToJson) }
  return node.value === undefined ? { field: node.field, operator: node.operator } : { field: node.field, operator: node.operator, value: node.value }
}

/** The `rule_definition` a draft stands for. */
export function ruleFromDraft(draft: Draft): Record<string, unknown> {
  const rule: Record<string, unknown> = { type: draft.type }
  if (draft.type === 'conditional') rule.conditions = draft.conditions.map(nodeToJson)
  else rule.expression = draft.expression
  rule.action = draft.action
  if (draft.action === 'require_approval' || draft.approvers.length) rule.approval_required_from = draft.approvers
  if (draft.timeoutMinutes !== null) rule.timeout_minutes = draft.timeoutMinutes
  if (draft.onError !== null) rule.on_error = draft.onError
  return { ...rule, ...draft.extra }
}

const NUMERIC_OPERATORS = new Set(['greater_than', 'greater_or_equal', 'less_than', 'less_or_equal'])
const LIST_OPERATORS = new Set(['in', 'not_in'])
const NUMBER = /^-?\d+(\.\d+)?$/

const scalarFromText = (text: string): unknown => {
  const trimmed = text.trim()
  if (NUMBER.test(trimmed)) return Number(trimmed)
  if (trimmed === 'true') return true
  if (trimmed === 'false') return false
  if (trimmed === 'null') return null
  return trimmed
}

/** What a condition's value input shows. */
export function valueText(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.every((item) => !isObject(item) && !Array.isArray(item))) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ')
  return JSON.stringify(value)
}

/**
 * The JSON value of what was typed, by operator: a list (comma-separated) for in/not_in, a number for the
 * comparisons, true/false for exists, text for the text operators, and for equals a number/boolean/null when it
 * reads as one, else text.
 */
export function valueFromText(operator: string, text: string): unknown {
  if (LIST_OPERATORS.has(operator)) return text.split(',').map((part) => part.trim()).filter(Boolean).map(scalarFromText)
  if (NUMERIC_OPERATORS.has(operator)) return NUMBER.test(text.trim()) ? Number(text.trim()) : text
  if (operator === 'exists') return text.trim() !== 'false'
  if (operator === 'equals' || operator === 'not_equals') return scalarFromText(text)
  return text
}

/** Where in the builder an error pointer (RFC 6901, into rule_definition) points: the node path and its key. */
export type PointerTarget = { path: number[]; key: string | null }

const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~')

export function pointerTarget(pointer: string): PointerTarget {
  const tokens = pointer.split('/').slice(1).map(unescape)
  if (tokens[0] !== 'conditions') return { path: [], key: tokens[0] ?? null }
  const path: number[] = []
  let i = 1
  while (i < tokens.length) {
    const token = tokens[i]
    if (/^\d+$/.test(token)) {
      path.push(Number(token))
      i++
    } else if ((token === 'any' || token === 'all') && i + 1 < tokens.length) {
      i++
    } else {
      return { path, key: token }
    }
  }
  return { path, key: path.length ? null : 'conditions' }
}

/** A key of the builder's error map: "1.0:value", ":action". */
export const targetKey = (path: number[], key: string | null) => `${path.join('.')}:${key ?? ''}`

/** The problems of `details.rule_errors`, by where the builder shows them. */
export function errorsByTarget(ruleErrors: ReadonlyArray<{ pointer: string; problem: string }>): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const { pointer, problem } of ruleErrors) {
    const target = pointerTarget(pointer)
    const key = targetKey(target.path, target.key)
    map.set(key, [...(map.get(key) ?? []), problem])
  }
  return map
}

/** `details.rule_errors` of a 400, keeping well-formed entries only. */
export function ruleErrorsOf(details: Record<string, unknown> | undefined): Array<{ pointer: string; problem: string }> {
  const list = details?.rule_errors
  if (!Array.isArray(list)) return []
  return list.filter((entry): entry is { pointer: string; problem: string } => isObject(entry) && typeof entry.pointer === 'string' && typeof entry.problem === 'string')
}

export type DiffLine = { pointer: string; kind: 'added' | 'removed' | 'changed'; before?: string; after?: string }

function flatten(value: unknown, pointer: string, into: Map<string, string>) {
  if (isObject(value) && Object.keys(value).length) {
    for (const [key, child] of Object.entries(value)) flatten(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, into)
  } else if (Array.isArray(value) && value.length && value.some((item) => isObject(item) || Array.isArray(item))) {
    value.forEach((child, index) => flatten(child, `${pointer}/${index}`, into))
  } else {
    into.set(pointer || '/', JSON.stringify(value))
  }
}

/** A simple diff of two rules: every leaf (by JSON pointer) that was added, removed or changed, in pointer order. */
export function diffRules(before: unknown, after: unknown): DiffLine[] {
  const a = new Map<string, string>()
  const b = new Map<string, string>()
  flatten(before, '', a)
  flatten(after, '', b)
  const pointers = [...new Set([...a.keys(), ...b.keys()])].sort()
  const lines: DiffLine[] = []
  for (const pointer of pointers) {
    const x = a.get(pointer)
    const y = b.get(pointer)
    if (x === y) continue
    if (x === undefined) lines.push({ pointer, kind: 'added', after: y })
    else if (y === undefined) lines.push({ pointer, kind: 'removed', before: x })
    else lines.push({ pointer, kind: 'changed', before: x, after: y })
  }
  return lines
}

/** "would have blocked 12 actions in the last 24 h" for a shadow policy; the enforced counts otherwise. */
export function decisionsSentence(
  status: string | undefined,
  counts: { enforced: { allow: number; block: number; require_approval: number }; shadow: { allow: number; block: number; require_approval: number } },
): string {
  const plural = (n: number) => (n === 1 ? '1 action' : `${n} actions`)
  if (status === 'shadow') {
    const { block, require_approval } = counts.shadow
    return `Would have blocked ${plural(block)}${require_approval ? ` and held ${plural(require_approval)} for approval` : ''} in the last 24 h`
  }
  const { allow, block, require_approval } = counts.enforced
  return `Last 24 h: ${block} blocked, ${require_approval} held for approval, ${allow} allowed`
}
