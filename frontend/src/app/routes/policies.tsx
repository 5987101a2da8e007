import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { ContentLayout } from '@/components/layouts/content-layout'
import { NavIcon } from '@/components/layouts/nav-icon'
import { ButtonWithHint } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { QueryError } from '@/components/ui/query-error'
import { Section } from '@/components/ui/section'
import { Spinner } from '@/components/ui/spinner'
import { type Policy, usePolicies, usePolicyTemplates } from '@/features/policies/api/policies'
import { type EditorSeed, PolicyEditor } from '@/features/policies/components/policy-editor'
import { PolicyList, TemplateGallery } from '@/features/policies/components/policy-list'
import { emptyDraft, ruleFromDraft } from '@/features/policies/lib/rules'
import { useCan, whoCan } from '@/lib/authorization'

const seedOf = (policy: Policy): EditorSeed => ({ policy, name: policy.name, description: policy.description ?? '', rule: policy.rule_definition })

function Templates({ onPick }: { onPick: (seed: EditorSeed) => void }) {
  const templates = usePolicyTemplates()
  if (templates.isPending) return <Spinner label="Loading the templates" />
  if (templates.isError) return <QueryError error={templates.error} onRetry={() => void templates.refetch()} title="Could not load the templates" />
  return (
    <TemplateGallery
      templates={templates.data}
      onPick={(template) => onPick({ policy: null, name: template.name, description: template.description ?? '', rule: template.rule_definition })}
    />
  )
}

export default function PoliciesRoute() {
  const canManage = useCan('policies:manage')
  const [params, setParams] = useSearchParams()
  const policies = usePolicies()
  // a new policy (blank or from a template) lives in state; a saved one is addressed by ?policy=<id>
  const [fresh, setFresh] = useState<EditorSeed | null>(null)
  const selectedId = params.get('policy')
  const selected = selectedId ? policies.data?.find((policy) => policy.id === selectedId) : undefined
  const seed = fresh ?? (selected ? seedOf(selected) : null)
  const close = (saved: Policy | null) => {
    setFresh(null)
    setParams(saved ? { policy: saved.id } : {}, { replace: true })
  }
  const openNew = (next: EditorSeed) => {
    setParams({}, { replace: true })
    setFresh(next)
  }
  return (
    <ContentLayout
      title="Policies"
      description="Rules that allow, block or hold agent actions for approval, checked before the agent acts."
      actions={
        <ButtonWithHint
          hint={canManage ? null : whoCan('policies:manage')}
          onClick={() => openNew({ policy: null, name: '', description: '', rule: ruleFromDraft(emptyDraft()) })}
        >
          New policy
        </ButtonWithHint>
      }
    >
      <div className="space-y-8">
        {seed && (
          // keyed: another policy (or a new version) starts a fresh form
          <PolicyEditor key={`${seed.policy?.id ?? 'new'}-${seed.policy?.version ?? seed.name}`} seed={seed} onDone={close} />
        )}
        {selectedId && !seed && policies.isSuccess && !policies.isFetching && <p className="text-sm text-zinc-500">This policy does not exist (any more).</p>}
        {policies.isPending ? (
          <Spinner label="Loading the policies" />
        ) : policies.isError ? (
          <QueryError error={policies.error} onRetry={() => void policies.refetch()} title="Could not load the policies" />
        ) : policies.data.length === 0 ? (
          <EmptyState
            icon={<NavIcon name="policies" className="size-5" />}
            title="No policies yet"
            description="Start from a template below, or write a rule from scratch. Try it in shadow mode first: it is counted, never enforced."
          />
        ) : (
          <PolicyList
            policies={policies.data}
            onOpen={(policy) => {
              setFresh(null)
              setParams({ policy: policy.id }, { replace: true })
            }}
          />
        )}
        <Section title="Templates" description="Common rules to start from: pick one, adjust it, save.">
          <Templates onPick={openNew} />
        </Section>
      </div>
    </ContentLayout>
  )
}
