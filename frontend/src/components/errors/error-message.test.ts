import { describe, expect, it } from 'vitest'
import { describeError } from '@/components/errors/error-message'

describe('describeError', () => {
  it('offers a reload when a lazy chunk is gone after a deploy', () => {
    const view = describeError(new TypeError('Failed to fetch dynamically imported module: https://x/assets/runs-abc.js'))
    expect(view).toEqual({ title: 'A new version is available', message: 'Reload the page to get it.', reload: true })
  })

  it('shows the message of other errors', () => {
    expect(describeError(new Error('boom'))).toEqual({ title: 'Something went wrong', message: 'boom', reload: true })
  })

  it('handles thrown non-errors', () => {
    expect(describeError('nope').message).toBe('nope')
  })
})
