import { useState } from 'react'
import { Link } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { Button, ButtonWithHint } from '@/components/ui/button'
import { FormError, SelectField, TextAreaField, TextField } from '@/components/ui/form'
import { QueryError } from '@/components/ui/query-error'
import { SegmentedControl } from '@/components/ui/segmented-control'
import { Spinner } from '@/components/ui/spinner'
import { useToast } from '@/components/ui/toast'
import {
  type Policy,
  type PolicyStatus,
  useBacktestPolicy,
  useDeactivatePolicy,
  useEvaluatePolicy,
  usePolicyVersions,
  useSavePolicy,
} from '@/features/policies/api/policies'
import { RuleBuilder } from '@/features/policies/components/rule-builder'
import {
  ACTIONS,
  diffRules,
  type Draft,
  draftFromRule,
  emptyDraft,
  errorsByTarget,
  type RuleAction,
  ruleErrorsOf,
  ruleFromDraft,
  targetKey,
} from '@/features/policies/lib/rules'
import { useCan, whoCan } from '@/lib/authorization'
import { formatDateTime } from '@/lib/format'
import { isApiError } from '@/lib/http'

type Mode = 'builder' | 'cel' | 'json'

export type EditorSeed = { policy: Policy | null; name: string; description: string; rule: Record<string, unknown> }

const SAMPLE_CONTEXT = {
  agent: { name: 'SalesBot', environment: 'prod', team: 'sales', tags: ['eu'] },
  action: { type: 'apply_discount', discount_percent: 15, amount: 1200 },
  run: { cost_usd: 0.42, input_tokens: 1000, output_tokens: 200, events: 12 },
  budget: { percent_used: 55, state: 'ok' },
  time: { hour: 14, weekday: 'tuesday' },
}

function parseJson(text: string): { value: unknown; error: string | null } {
  try {
    return { value: JSON.parse(text), error: null }
  } catch (error) {
    return { value: null, error: error instanceof Error ? error.message : 'Not valid JSON' }
  }
}

/** Create or edit one policy: builder, CEL or JSON (all one rule), then test, back-test and its versions. */
export function PolicyEditor({ seed, onDone }: { seed: EditorSeed; onDone: (policy: Policy | null) => void }) {
  const toast = useToast()
  const canManage = useCan('policies:manage')
  const initialDraft = draftFromRule(seed.rule)
  const [name, setName] = useState(seed.name)
  const [description, setDescription] = useState(seed.description)
  const [status, setStatus] = useState<PolicyStatus>(seed.policy?.status ?? 'active')
  const [mode, setMode] = useState<Mode>(initialDraft ? (initialDraft.type === 'expression' ? 'cel' : 'builder') : 'json')
  const [draft, setDraft] = useState<Draft>(initialDraft ?? emptyDraft())
  const [jsonText, setJsonText] = useState(JSON.stringify(seed.rule, null, 2))
  const [modeProblem, setModeProblem] = useState<string | null>(null)
  const save = useSavePolicy({
    onSuccess: (policy) => {
      toast.success(seed.policy ? `Saved version ${policy.version}.` : 'Policy created.')
      onDone(policy)
    },
  })
  const deactivate = useDeactivatePolicy()

  const currentRule = (): { rule: Record<string, unknown> | null; error: string | null } => {
    if (mode !== 'json') return { rule: ruleFromDraft(draft), error: null }
    const parsed = parseJson(jsonText)
    if (parsed.error) return { rule: null, error: `The JSON does not parse: ${parsed.error}` }
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return { rule: null, error: 'The rule must be a JSON object.' }
    return { rule: parsed.value as Record<string, unknown>, error: null }
  }

  const switchMode = (next: Mode) => {
    setModeProblem(null)
    if (next === 'json') {
      setJsonText(JSON.stringify(ruleFromDraft(draft), null, 2))
    } else {
      let base = draft
      if (mode === 'json') {
        const { rule, error } = currentRule()
        const parsed = rule ? draftFromRule(rule) : null
        if (!parsed) {
          setModeProblem(error ?? 'The builder cannot show this rule (a key or shape it does not know): keep editing it as JSON.')
          return
        }
        base = parsed
      }
      const type = next === 'cel' ? 'expression' : 'conditional'
      if (base.type !== type) {
        base = { ...base, type, conditions: base.conditions.length ? base.conditions : emptyDraft().conditions }
      }
      setDraft(base)
    }
    setMode(next)
  }

  const ruleErrors = isApiError(save.error, 'validation_failed') ? ruleErrorsOf(save.error.details) : []
  const errors = errorsByTarget(ruleErrors)
  const topError = (key: string) => errors.get(targetKey([], key))?.join(' ')

  const submit = () => {
    const { rule, error } = currentRule()
    if (!rule) {
      setModeProblem(error)
      return
    }
    save.mutate({ id: seed.policy?.id ?? null, input: { name: name.trim(), description: description.trim() || null, rule_definition: rule, status } })
  }

  return (
    <div className="space-y-6">
      <section aria-label="Policy editor" className="space-y-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
        <div className="grid gap-4 sm:grid-cols-[1fr_15rem]">
          <TextField label="Name" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
          <SelectField label="Status" value={status} onChange={(event) => setStatus(event.target.value as PolicyStatus)}>
            <option value="active">Active (enforced)</option>
            <option value="shadow">Shadow (counted only)</option>
            <option value="disabled">Disabled</option>
          </SelectField>
        </div>
        <TextAreaField label="Description" rows={2} maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
        <SegmentedControl
          label="Rule editor"
          options={[
            { value: 'builder', label: 'Builder' },
            { value: 'cel', label: 'CEL expression' },
            { value: 'json', label: 'JSON' },
          ]}
          value={mode}
          onChange={switchMode}
        />
        {modeProblem && (
          <p role="alert" className="text-sm text-red-700">
            {modeProblem}
          </p>
        )}
        {mode === 'json' ? (
          <div className="space-y-2">
            <TextAreaField
              label="rule_definition"
              rows={16}
              className="font-mono"
              spellCheck={false}
              value={jsonText}
              onChange={(event) => setJsonText(event.target.value)}
            />
            {ruleErrors.length > 0 && (
              <ul role="alert" className="space-y-1 text-sm text-red-700">
                {ruleErrors.map((problem) => (
                  <li key={problem.pointer + problem.problem}>
                    <code className="font-mono text-xs">{problem.pointer || '/'}</code>: {problem.problem}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <div className="space-y-4">
            {mode === 'cel' ? (
              <TextAreaField
                label="Expression (CEL)"
                rows={4}
                className="font-mono"
                spellCheck={false}
                value={draft.expression}
                error={topError('expression')}
                hint="For example: action.amount > 1000 && agent.environment == 'prod'. Guard optional keys with has(...)."
                onChange={(event) => setDraft({ ...draft, expression: event.target.value })}
              />
            ) : (
              <RuleBuilder nodes={draft.conditions} errors={errors} onChange={(conditions) => setDraft({ ...draft, conditions })} />
            )}
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField
                label="Then"
                value={draft.action}
                error={topError('action')}
                onChange={(event) => {
                  const action = event.target.value as RuleAction
                  // the API needs at least one approver; team leads (and above) is what it assumes elsewhere
                  const approvers = action === 'require_approval' && draft.approvers.length === 0 ? ['role:team_lead'] : draft.approvers
                  setDraft({ ...draft, action, approvers })
                }}
              >
                {ACTIONS.map((action) => (
                  <option key={action} value={action}>
                    {action.replace(/_/g, ' ')}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label="If it cannot be evaluated"
                value={draft.onError ?? ''}
                error={topError('on_error')}
                onChange={(event) => setDraft({ ...draft, onError: (event.target.value || null) as Draft['onError'] })}
              >
                <option value="">block (default)</option>
                <option value="block">block</option>
                <option value="allow">allow</option>
              </SelectField>
              {draft.action === 'require_approval' && (
                <TextField
                  label="Timeout (minutes)"
                  type="number"
                  min={1}
                  max={10080}
                  value={draft.timeoutMinutes ?? ''}
                  error={topError('timeout_minutes')}
                  hint="Default 60; unanswered requests expire."
                  onChange={(event) => setDraft({ ...draft, timeoutMinutes: event.target.value === '' ? null : Number(event.target.value) })}
                />
              )}
            </div>
            {draft.action === 'require_approval' && (
              <TextField
                label="Approvers"
                value={draft.approvers.join(', ')}
                error={topError('approval_required_from')}
                hint="Comma-separated: role:team_lead (that role or above), role:admin, user:<user id>."
                onChange={(event) =>
                  setDraft({
                    ...draft,
                    approvers: event.target.value
                      .split(',')
                      .map((part) => part.trim())
                      .filter(Boolean),
                  })
                }
              />
            )}
            {ruleErrors.length > 0 && <p className="text-sm text-red-700">The rule has problems: see the fields marked above.</p>}
          </div>
        )}
        <FormError error={ruleErrors.length ? undefined : save.error} />
        <div className="flex flex-wrap gap-2">
          <ButtonWithHint hint={canManage ? null : whoCan('policies:manage')} disabled={save.isPending || !name.trim()} onClick={submit}>
            {save.isPending ? 'Saving…' : seed.policy ? 'Save a new version' : 'Create policy'}
          </ButtonWithHint>
          <Button variant="secondary" onClick={() => onDone(null)}>
            Close
          </Button>
          {seed.policy && seed.policy.status !== 'disabled' && canManage && (
            <Button
              variant="danger"
              disabled={deactivate.isPending}
              onClick={() => deactivate.mutate(seed.policy!.id, { onSuccess: () => toast.success('Policy disabled.') })}
            >
              Disable
            </Button>
          )}
        </div>
        {deactivate.isError && <FormError error={deactivate.error} />}
      </section>
      {seed.policy && (
        <>
          <TestPanel policyId={seed.policy.id} draftRule={() => currentRule().rule} />
          {canManage && <BacktestPanel policyId={seed.policy.id} draftRule={() => currentRule().rule} />}
          <VersionsPanel policyId={seed.policy.id} />
        </>
      )}
    </div>
  )
}

function TestPanel({ policyId, draftRule }: { policyId: string; draftRule: () => Record<string, unknown> | null }) {
  const [context, setContext] = useState(JSON.stringify(SAMPLE_CONTEXT, null, 2))
  const [problem, setProblem] = useState<string | null>(null)
  const evaluate = useEvaluatePolicy()
  const run = (useDraft: boolean) => {
    const parsed = parseJson(context)
    if (parsed.error || typeof parsed.value !== 'object' || parsed.value === null) {
      setProblem(`The sample is not a JSON object${parsed.error ? `: ${parsed.error}` : ''}.`)
      return
    }
    setProblem(null)
    evaluate.mutate({ id: policyId, context: parsed.value as Record<string, unknown>, rule: useDraft ? draftRule() : null })
  }
  const result = evaluate.data
  return (
    <section aria-label="Test" className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold text-zinc-900">Test with a sample action</h2>
      <TextAreaField label="Sample context" rows={10} className="font-mono" spellCheck={false} value={context} onChange={(event) => setContext(event.target.value)} />
      {problem && <p className="text-sm text-red-700">{problem}</p>}
      <div className="flex gap-2">
        <Button variant="secondary" disabled={evaluate.isPending} onClick={() => run(true)}>
          Test the draft
        </Button>
        <Button variant="secondary" disabled={evaluate.isPending} onClick={() => run(false)}>
          Test the saved version
        </Button>
      </div>
      <FormError error={evaluate.error} />
      {result && (
        <p className="text-sm" role="status">
          {result.matched ? 'Matched' : 'Did not match'}: decision <Badge tone={result.decision === 'block' ? 'danger' : result.decision === 'allow' ? 'success' : 'warning'}>{result.decision}</Badge>
          {result.version != null ? ` (version ${result.version})` : ' (draft)'}
          {result.error && <span className="block text-red-700">Evaluation error: {result.error}</span>}
        </p>
      )}
    </section>
  )
}

function BacktestPanel({ policyId, draftRule }: { policyId: string; draftRule: () => Record<string, unknown> | null }) {
  const [days, setDays] = useState('7')
  const backtest = useBacktestPolicy()
  const run = (useDraft: boolean) => {
    const to = new Date()
    const from = new Date(to.getTime() - Math.max(1, Math.min(90, Number(days) || 7)) * 86_400_000)
    backtest.mutate({ id: policyId, from: from.toISOString(), to: to.toISOString(), rule: useDraft ? draftRule() : null })
  }
  const result = backtest.data
  return (
    <section aria-label="Back-test" className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold text-zinc-900">Back-test on past actions</h2>
      <div className="flex flex-wrap items-end gap-2">
        <TextField label="Days back (1–90)" type="number" min={1} max={90} value={days} onChange={(event) => setDays(event.target.value)} />
        <Button variant="secondary" disabled={backtest.isPending} onClick={() => run(true)}>
          Replay the draft
        </Button>
        <Button variant="secondary" disabled={backtest.isPending} onClick={() => run(false)}>
          Replay the saved version
        </Button>
      </div>
      {backtest.isPending && <Spinner label="Replaying" />}
      <FormError error={backtest.error} />
      {result && (
        <div className="space-y-2 text-sm">
          <p role="status">
            {result.evaluated} actions replayed: {result.counts.block} blocked, {result.counts.require_approval} held for approval, {result.counts.allow} allowed
            {result.errors ? `, ${result.errors} evaluation errors` : ''}.{result.truncated ? ` Only the oldest ${result.limit} were read.` : ''}
          </p>
          {result.examples.length > 0 && (
            <ul className="divide-y divide-zinc-100 rounded border border-zinc-200">
              {result.examples.map((example) => (
                <li key={example.event_id} className="flex flex-wrap items-center gap-2 px-3 py-1.5">
                  <Badge tone={example.decision === 'block' ? 'danger' : example.decision === 'allow' ? 'neutral' : 'warning'}>{example.decision}</Badge>
                  <span className="font-mono text-xs">{example.action_type}</span>
                  <span className="text-xs text-zinc-500">{formatDateTime(example.timestamp)}</span>
                  <Link className="text-xs text-accent-700 hover:underline" to={`/runs/${example.run_id}`}>
                    run {example.external_reference}
                  </Link>
                  {example.error && <span className="text-xs text-red-700">{example.error}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}

function VersionsPanel({ policyId }: { policyId: string }) {
  const versions = usePolicyVersions(policyId)
  const [open, setOpen] = useState<number | null>(null)
  return (
    <section aria-label="Versions" className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold text-zinc-900">Version history</h2>
      {versions.isPending ? (
        <Spinner label="Loading the versions" />
      ) : versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <ol className="space-y-2">
          {versions.data.map((version, index) => {
            const previous = versions.data[index + 1]
            const lines = previous ? diffRules(previous.rule_definition, version.rule_definition) : []
            return (
              <li key={version.version} className="rounded border border-zinc-200 p-2 text-sm">
                <button type="button" className="flex w-full flex-wrap items-center gap-2 text-left" onClick={() => setOpen(open === version.version ? null : version.version)}>
                  <span className="font-semibold">v{version.version}</span>
                  <Badge>{version.change ?? 'changed'}</Badge>
                  {version.status && <Badge tone={version.status === 'active' ? 'success' : 'neutral'}>{version.status}</Badge>}
                  <span className="text-xs text-zinc-500">{formatDateTime(version.created_at)}</span>
                  <span className="text-xs text-zinc-500">{previous ? `${lines.length} rule change${lines.length === 1 ? '' : 's'}` : 'first version'}</span>
                </button>
                {open === version.version && (
                  <div className="mt-2 space-y-1">
                    {previous ? (
                      lines.length === 0 ? (
                        <p className="text-xs text-zinc-500">The rule is the same as v{previous.version} (name, description or status changed).</p>
                      ) : (
                        <ul className="font-mono text-xs">
                          {lines.map((line) => (
                            <li key={line.pointer}>
                              <span className="text-zinc-500">{line.pointer}</span>{' '}
                              {line.before !== undefined && <span className="bg-red-50 text-red-800 line-through">{line.before}</span>}{' '}
                              {line.after !== undefined && <span className="bg-emerald-50 text-emerald-800">{line.after}</span>}
                            </li>
                          ))}
                        </ul>
                      )
                    ) : (
                      <pre className="overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs">{JSON.stringify(version.rule_definition, null, 2)}</pre>
                    )}
                  </div>
                )}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
