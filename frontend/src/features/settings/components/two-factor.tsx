import { QRCodeSVG } from 'qrcode.react'
import { ShieldCheck, ShieldOff } from 'lucide-react'
import { useRef, useState, type FormEvent } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { FormError, TextField } from '@/components/ui/form'
import { useConfirmMfa } from '@/features/settings/api/confirm-mfa'
import { useDisableMfa } from '@/features/settings/api/disable-mfa'
import { type MfaEnrollment, useEnrollMfa } from '@/features/settings/api/enroll-mfa'
import { formatSecret, totpCodeProblem } from '@/features/settings/lib/mfa'
import type { User } from '@/lib/auth'
import { type FieldErrors, focusFirstInvalid, hasErrors } from '@/lib/forms'
import { fieldErrorsOf } from '@/lib/http'

/** Scan, or type the secret, then prove it works with a first code. */
function EnrollStep({ enrollment, onConfirmed, onCancel }: { enrollment: MfaEnrollment; onConfirmed: (codes: string[]) => void; onCancel: () => void }) {
  const formRef = useRef<HTMLFormElement>(null)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | undefined>()
  const mutation = useConfirmMfa({
    onSuccess: (result) => onConfirmed(result.recovery_codes),
    onError: (error) => setCodeError(fieldErrorsOf(error, ['code']).fields.code),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = totpCodeProblem(code)
    setCodeError(problem)
    if (problem) return focusFirstInvalid(formRef.current)
    mutation.mutate(code.replace(/\s+/g, ''))
  }
  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-zinc-600">
        <li>Open an authenticator app (1Password, Google Authenticator, Authy…).</li>
        <li>Scan the QR code, or enter the secret by hand.</li>
        <li>Type the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-col items-start gap-5 sm:flex-row">
        <div className="rounded-lg border border-zinc-200 bg-white p-3" role="img" aria-label="QR code for your authenticator app">
          <QRCodeSVG value={enrollment.otpauth_uri} size={168} marginSize={1} />
        </div>
        <div className="min-w-0 space-y-2">
          <p className="text-sm font-medium text-zinc-800">Secret</p>
          <code data-testid="mfa-secret" className="block break-all rounded-md bg-zinc-100 px-3 py-2 font-mono text-sm tracking-wider text-zinc-900">
            {formatSecret(enrollment.secret)}
          </code>
          <CopyButton text={enrollment.secret} label="Copy secret" />
        </div>
      </div>
      <form ref={formRef} noValidate onSubmit={submit} className="max-w-xs space-y-3">
        <FormError error={codeError ? undefined : mutation.error} />
        <TextField
          label="Code from the app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={codeError}
          className="font-mono tracking-widest"
        />
        <div className="flex gap-2">
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? 'Checking…' : 'Turn on 2FA'}
          </Button>
          <Button variant="ghost" onClick={onCancel} disabled={mutation.isPending}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  )
}

/** The recovery codes, once: copy them, confirm they are saved, and they are gone from the page. */
export function RecoveryCodesDialog({ codes, onDone }: { codes: string[] | null; onDone: () => void }) {
  const [saved, setSaved] = useState(false)
  const done = () => {
    setSaved(false)
    onDone()
  }
  return (
    <Dialog
      open={codes !== null}
      onClose={done}
      dismissible={false}
      title="Save your recovery codes"
      description="Each code signs you in once if you lose your authenticator. They are shown only now."
    >
      {codes && (
        <div className="space-y-4">
          <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg bg-zinc-100 p-3 font-mono text-sm text-zinc-900">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <CopyButton text={codes.join('\n')} label="Copy all codes" />
          <label className="flex items-start gap-2.5 text-sm text-zinc-700">
            <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} className="mt-0.5 size-4 accent-zinc-900" />
            I saved these codes somewhere safe.
          </label>
          <DialogActions>
            <Button onClick={done} disabled={!saved}>
              Done
            </Button>
          </DialogActions>
        </div>
      )}
    </Dialog>
  )
}

type DisableField = 'password' | 'code'

function DisableDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Turn off two-factor authentication?" description="Your account will be protected by the password alone.">
      <DisableForm onClose={onClose} />
    </Dialog>
  )
}

function DisableForm({ onClose }: { onClose: () => void }) {
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<Record<DisableField, string>>({ password: '', code: '' })
  const [errors, setErrors] = useState<FieldErrors<DisableField>>({})
  const mutation = useDisableMfa({
    onSuccess: onClose,
    onError: (error) => setErrors(fieldErrorsOf(error, ['password', 'code']).fields),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FieldErrors<DisableField> = {
      password: values.password ? undefined : 'Enter your password.',
      code: values.code.trim() ? undefined : 'Enter a code from your app, or a recovery code.',
    }
    setErrors(found)
    if (hasErrors(found)) return focusFirstInvalid(formRef.current)
    mutation.mutate({ password: values.password, code: values.code.trim().replace(/^(\d+)\s+(\d+)$/, '$1$2') })
  }
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={mutation.error} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        autoFocus
        value={values.password}
        onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
        error={errors.password}
      />
      <TextField
        label="Authentication code"
        name="code"
        autoComplete="one-time-code"
        value={values.code}
        onChange={(e) => setValues((v) => ({ ...v, code: e.target.value }))}
        error={errors.code}
        hint="The 6-digit code from your app, or a recovery code."
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={mutation.isPending}>
          {mutation.isPending ? 'Turning off…' : 'Turn off 2FA'}
        </Button>
      </DialogActions>
    </form>
  )
}

/** Two-factor authentication of the signed-in user: enrol (QR code, secret, first code, recovery codes) or disable. */
export function TwoFactor({ user }: { user: User }) {
  const [enrollment, setEnrollment] = useState<MfaEnrollment | null>(null)
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const [disabling, setDisabling] = useState(false)
  const enroll = useEnrollMfa({ onSuccess: setEnrollment })

  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 gap-3">
          {user.mfa_enabled ? (
            <ShieldCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-600" />
          ) : (
            <ShieldOff aria-hidden className="mt-0.5 size-5 shrink-0 text-zinc-400" />
          )}
          <div>
            <p className="flex items-center gap-2 text-sm font-medium text-zinc-900">
              Authenticator app
              {user.mfa_enabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
            </p>
            <p className="mt-0.5 text-sm text-zinc-500">
              {user.mfa_enabled
                ? 'Signing in asks for a code from your authenticator app after the password.'
                : 'Ask for a code from an authenticator app after the password, so a stolen password is not enough.'}
            </p>
          </div>
        </div>
        {!enrollment &&
          (user.mfa_enabled ? (
            <Button variant="secondary" onClick={() => setDisabling(true)}>
              Turn off
            </Button>
          ) : (
            <Button onClick={() => enroll.mutate(undefined)} disabled={enroll.isPending}>
              {enroll.isPending ? 'Starting…' : 'Set up 2FA'}
            </Button>
          ))}
      </div>
      {enroll.isError && (
        <div className="mt-4">
          <FormError error={enroll.error} />
        </div>
      )}
      {enrollment && !user.mfa_enabled && (
        <div className="mt-5 border-t border-zinc-100 pt-5">
          <EnrollStep
            enrollment={enrollment}
            onConfirmed={(codes) => {
              setEnrollment(null)
              setRecoveryCodes(codes)
            }}
            onCancel={() => setEnrollment(null)}
          />
        </div>
      )}
      <RecoveryCodesDialog codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      <DisableDialog open={disabling} onClose={() => setDisabling(false)} />
    </div>
  )
}
