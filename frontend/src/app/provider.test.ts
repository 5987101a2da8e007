import { describe, expect, it } from 'vitest'
import { shouldRetry } from '@/app/provider'
import { ApiError } from '@/lib/http'

const apiError = (status: number) => new ApiError({ status, code: 'x', message: 'x' })

describe('shouldRetry', () => {
  it('retries network failures and 5xx once', () => {
    expect(shouldRetry(0, apiError(0))).toBe(true)
    expect(shouldRetry(0, apiError(503))).toBe(true)
    expect(shouldRetry(1, apiError(503))).toBe(false)
  })

  it('never retries a 4xx', () => {
    for (const status of [400, 401, 403, 404, 409, 429]) expect(shouldRetry(0, apiError(status))).toBe(false)
  })
})
