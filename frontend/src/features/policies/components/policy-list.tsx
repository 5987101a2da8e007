import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import type { Policy, PolicyStatus, PolicyTemplate } from '@/features/policies/api/policies'
import { decisionsSentence } from '@/features/policies/lib/rules'
import { formatRelative } from '@/lib/format'

const STATUS_TONES: Record<PolicyStatus, BadgeTone> = { active: 'success', shadow: 'accent', disabled: 'neutral' }

const actionOf = (rule: Record<string, unknown>) => (typeof rule.action === 'string' ? rule.action.replace(/_/g, ' ') : '—')

export function PolicyList({ policies, onOpen }: { policies: Policy[]; onOpen: (policy: Policy) => void }) {
  return (
    <Table label="Policies">
      <thead>
        <tr>
          <th className={thClasses}>Name</th>
          <th className={thClasses}>Status</th>
          <th className={thClasses}>Then</th>
          <th className={thClasses}>Version</th>
          <th className={thClasses}>Decisions</th>
          <th className={thClasses}>Updated</th>
        </tr>
      </thead>
      <tbody>
        {policies.map((policy) => (
          <tr key={policy.id}>
            <td className={tdClasses}>
              <button type="button" className="font-medium text-accent-700 hover:underline" onClick={() => onOpen(policy)}>
                {policy.name}
              </button>
              {policy.description && <p className="text-xs text-zinc-500">{policy.description}</p>}
            </td>
            <td className={tdClasses}>
              <Badge tone={STATUS_TONES[policy.status] ?? 'neutral'}>{policy.status}</Badge>
            </td>
            <td className={tdClasses}>{actionOf(policy.rule_definition)}</td>
            <td className={tdClasses}>v{policy.version}</td>
            <td className={tdClasses}>
              <span className={policy.status === 'shadow' ? 'font-medium text-accent-700' : undefined}>{decisionsSentence(policy.status, policy.decisions_24h)}</span>
            </td>
            <td className={tdClasses}>{formatRelative(policy.updated_at)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/** The templates of GET /policies/templates: one click prefills the editor. */
export function TemplateGallery({ templates, onPick }: { templates: PolicyTemplate[]; onPick: (template: PolicyTemplate) => void }) {
  return (
    <ul aria-label="Policy templates" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {templates.map((template) => (
        <li key={template.id} className="flex flex-col justify-between gap-2 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
          <div>
            <h3 className="text-sm font-semibold text-zinc-900">{template.name}</h3>
            {template.description && <p className="mt-1 text-xs text-zinc-500">{template.description}</p>}
          </div>
          <Button variant="secondary" onClick={() => onPick(template)}>
            Use this template
          </Button>
        </li>
      ))}
    </ul>
  )
}
