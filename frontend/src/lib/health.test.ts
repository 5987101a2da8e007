import { describe, expect, it } from 'vitest'
import { apiStatusOf, parseHealth } from '@/lib/health'

describe('parseHealth', () => {
  it('reads the documented body', () => {
    expect(parseHealth({ status: 'up', checks: { database: { status: 'up' }, redis: { status: 'down' } } })).toEqual({
      status: 'up',
      checks: { database: { status: 'up' }, redis: { status: 'down' } },
    })
  })

  it('accepts a body without checks', () => {
    expect(parseHealth({ status: 'down' })).toEqual({ status: 'down', checks: {} })
  })

  it('drops checks with an unknown status', () => {
    expect(parseHealth({ status: 'up', checks: { database: { status: 'UP' }, disk: null } })).toEqual({
      status: 'up',
      checks: {},
    })
  })

  it.each([undefined, null, 'up', '<!doctype html>', {}, { status: 'UP' }, { status: 200 }])(
    'rejects %j',
    (body) => {
      expect(parseHealth(body)).toBeNull()
    },
  )
})

describe('apiStatusOf', () => {
  it('says checking before the first answer', () => {
    expect(apiStatusOf(undefined, false)).toEqual({ state: 'checking', label: 'Checking API…' })
  })

  it('says online when the health status is up', () => {
    expect(apiStatusOf({ status: 'up', checks: { database: { status: 'up' } } }, false).label).toBe('API online')
  })

  it('says unreachable when the request failed, even with stale data', () => {
    expect(apiStatusOf({ status: 'up', checks: {} }, true)).toEqual({ state: 'unreachable', label: 'API unreachable' })
  })

  it('names the failing checks when the API is degraded', () => {
    const status = apiStatusOf(
      { status: 'down', checks: { redis: { status: 'down' }, database: { status: 'down' }, queue: { status: 'up' } } },
      false,
    )
    expect(status).toEqual({ state: 'degraded', label: 'API degraded', failing: ['database', 'redis'] })
  })
})
