import { describe, expect, it, vi } from 'vitest'
import { startErrorTracking, withoutQueryStrings, type SentrySdk } from '@/lib/error-tracking'

describe('startErrorTracking', () => {
  it.each([undefined, '', '   '])('never loads the SDK without a DSN (%j)', async (dsn) => {
    const load = vi.fn<() => Promise<SentrySdk>>()
    await expect(startErrorTracking(dsn, load)).resolves.toBe(false)
    expect(load).not.toHaveBeenCalled()
  })

  it('loads the SDK and starts it with the DSN when one was built in', async () => {
    const init = vi.fn()
    const load = vi.fn(() => Promise.resolve({ init }))
    await expect(startErrorTracking(' https://key@errors.example/1 ', load)).resolves.toBe(true)
    expect(load).toHaveBeenCalledOnce()
    expect(init).toHaveBeenCalledWith(
      expect.objectContaining({ dsn: 'https://key@errors.example/1', sendDefaultPii: false }),
    )
  })
})

describe('withoutQueryStrings', () => {
  it('drops the query string of a request breadcrumb', () => {
    expect(withoutQueryStrings({ data: { url: '/api/v1/stream?ticket=tk_secret', method: 'GET' } })).toEqual({
      data: { url: '/api/v1/stream', method: 'GET' },
    })
  })

  it('leaves other breadcrumbs as they are', () => {
    const crumb = { data: { url: '/api/v1/agents' } }
    expect(withoutQueryStrings(crumb)).toBe(crumb)
    expect(withoutQueryStrings({})).toEqual({})
  })
})
