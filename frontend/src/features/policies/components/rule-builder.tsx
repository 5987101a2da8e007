import { Plus, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/form'
import {
  emptyCondition,
  FIELDS,
  OPERATORS,
  type RuleNode,
  targetKey,
  valueFromText,
  valueText,
} from '@/features/policies/lib/rules'
import { cn } from '@/lib/cn'

type Errors = Map<string, string[]>

function Problems({ errors, path, keyName }: { errors: Errors; path: number[]; keyName: string | null }) {
  const list = errors.get(targetKey(path, keyName))
  if (!list?.length) return null
  return (
    <ul className="text-xs font-medium text-red-600">
      {list.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  )
}

/**
 * The value as typed: the text is kept as it is (a trailing comma or space while typing), the JSON value follows
 * it; a value changed elsewhere (the operator, the JSON editor) resets the text.
 */
function ValueInput({ label, operator, value, invalid, onChange }: { label: string; operator: string; value: unknown; invalid: boolean; onChange: (value: unknown) => void }) {
  const [text, setText] = useState(() => valueText(value))
  // (the second test stops a loop on values that do not read back the same, such as the text "10" of equals)
  if (text !== valueText(value) && JSON.stringify(valueFromText(operator, text)) !== JSON.stringify(value)) setText(valueText(value))
  return (
    <input
      aria-label={label}
      className={cn(inputClasses, 'w-56 flex-1')}
      placeholder={operator === 'in' || operator === 'not_in' ? 'a, b, c' : operator === 'exists' ? 'true' : ''}
      value={text}
      aria-invalid={invalid || undefined}
      onChange={(event) => {
        setText(event.target.value)
        onChange(valueFromText(operator, event.target.value))
      }}
    />
  )
}

function NodeEditor({
  node,
  path,
  errors,
  onChange,
  onRemove,
}: {
  node: RuleNode
  path: number[]
  errors: Errors
  onChange: (node: RuleNode) => void
  onRemove: () => void
}) {
  const label = `condition ${path.map((i) => i + 1).join('.')}`
  if (node.kind === 'group') {
    return (
      <div className="space-y-2 rounded-lg border border-dashed border-zinc-300 p-3">
        <div className="flex items-center gap-2 text-sm">
          <select
            aria-label={`Group ${label}`}
            className={cn(inputClasses, 'w-auto')}
            value={node.mode}
            onChange={(event) => onChange({ ...node, mode: event.target.value as 'any' | 'all' })}
          >
            <option value="any">Any of</option>
            <option value="all">All of</option>
          </select>
          <Button variant="secondary" aria-label={`Remove group ${label}`} onClick={onRemove}>
            <Trash2 aria-hidden className="size-4" />
          </Button>
        </div>
        <Problems errors={errors} path={path} keyName={null} />
        <NodeList nodes={node.children} path={path} errors={errors} onChange={(children) => onChange({ ...node, children })} />
      </div>
    )
  }
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label={`Field of ${label}`}
          list="policy-fields"
          className={cn(inputClasses, 'w-48 font-mono')}
          value={node.field}
          aria-invalid={errors.has(targetKey(path, 'field')) || undefined}
          onChange={(event) => onChange({ ...node, field: event.target.value })}
        />
        <select
          aria-label={`Operator of ${label}`}
          className={cn(inputClasses, 'w-44')}
          value={node.operator}
          aria-invalid={errors.has(targetKey(path, 'operator')) || undefined}
          onChange={(event) => {
            const operator = event.target.value
            // re-read the value for the new operator (a list for in, a number for greater_than...)
            onChange({ ...node, operator, value: valueFromText(operator, valueText(node.value)) })
          }}
        >
          {(OPERATORS as readonly string[]).includes(node.operator) ? null : <option value={node.operator}>{node.operator}</option>}
          {OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {operator.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        <ValueInput
          label={`Value of ${label}`}
          operator={node.operator}
          value={node.value}
          invalid={errors.has(targetKey(path, 'value'))}
          onChange={(value) => onChange({ ...node, value })}
        />
        <Button variant="secondary" aria-label={`Remove ${label}`} onClick={onRemove}>
          <Trash2 aria-hidden className="size-4" />
        </Button>
      </div>
      <Problems errors={errors} path={path} keyName="field" />
      <Problems errors={errors} path={path} keyName="operator" />
      <Problems errors={errors} path={path} keyName="value" />
      <Problems errors={errors} path={path} keyName={null} />
    </div>
  )
}

export function NodeList({ nodes, path, errors, onChange }: { nodes: RuleNode[]; path: number[]; errors: Errors; onChange: (nodes: RuleNode[]) => void }) {
  const replace = (index: number, node: RuleNode) => onChange(nodes.map((current, i) => (i === index ? node : current)))
  return (
    <div className="space-y-2">
      {nodes.map((node, index) => (
        <NodeEditor
          key={index}
          node={node}
          path={[...path, index]}
          errors={errors}
          onChange={(next) => replace(index, next)}
          onRemove={() => onChange(nodes.filter((_, i) => i !== index))}
        />
      ))}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => onChange([...nodes, emptyCondition()])}>
          <Plus aria-hidden className="size-4" /> Condition
        </Button>
        {path.length < 5 && (
          <Button variant="secondary" onClick={() => onChange([...nodes, { kind: 'group', mode: 'any', children: [emptyCondition()] }])}>
            <Plus aria-hidden className="size-4" /> Any/all group
          </Button>
        )}
      </div>
    </div>
  )
}

/** The conditions of a rule (all must hold), with the save's problems next to the row they point at. */
export function RuleBuilder({ nodes, errors, onChange }: { nodes: RuleNode[]; errors: Errors; onChange: (nodes: RuleNode[]) => void }) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-500">All of these must hold:</p>
      <Problems errors={errors} path={[]} keyName="conditions" />
      <NodeList nodes={nodes} path={[]} errors={errors} onChange={onChange} />
      <datalist id="policy-fields">
        {FIELDS.map((field) => (
          <option key={field} value={field} />
        ))}
      </datalist>
    </div>
  )
}
