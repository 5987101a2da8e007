import { ShieldAlert, ShieldCheck } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { errorText } from '@/components/ui/form'
import { useAuditChainVerification } from '@/features/audit/api/verify-audit-chain'

/** "Verify chain": re-hashes the audit log on the server and says whether any entry was altered. */
export function VerifyChain() {
  const verification = useAuditChainVerification()
  const result = verification.data
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div aria-live="polite" className="text-sm">
        {verification.isFetching ? (
          <span className="text-zinc-500">Verifying…</span>
        ) : verification.isError ? (
          <span className="text-red-700">Could not verify: {errorText(verification.error)}</span>
        ) : result ? (
          result.valid ? (
            <span className="inline-flex items-center gap-1.5 font-medium text-emerald-700">
              <ShieldCheck aria-hidden className="size-4" /> Chain intact: {result.checked.toLocaleString()} entries checked
            </span>
          ) : (
            <span className="inline-flex items-center gap-1.5 font-medium text-red-700">
              <ShieldAlert aria-hidden className="size-4" /> Chain broken at entry{' '}
              <code className="font-mono text-xs">{result.first_broken_id ?? 'unknown'}</code> ({result.checked.toLocaleString()} checked)
            </span>
          )
        ) : null}
      </div>
      <Button variant="secondary" onClick={() => void verification.refetch()} disabled={verification.isFetching}>
        <ShieldCheck aria-hidden className="size-4" /> Verify chain
      </Button>
    </div>
  )
}
