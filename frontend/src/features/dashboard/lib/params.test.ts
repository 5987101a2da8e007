import { describe, expect, it } from 'vitest'
import { dashboardParamsOf, dashboardSearch } from '@/features/dashboard/lib/params'

describe('dashboard params in the URL', () => {
  it('defaults to the last 24 hours, all agents, volume', () => {
    expect(dashboardParamsOf(new URLSearchParams())).toEqual({ range: '24h', agent_id: '', status: '', top: 'runs' })
  })

  it('reads known values and ignores unknown ones', () => {
    expect(dashboardParamsOf(new URLSearchParams('range=7d&status=failed&top=cost_usd&agent_id=a1'))).toEqual({
      range: '7d',
      agent_id: 'a1',
      status: 'failed',
      top: 'cost_usd',
    })
    expect(dashboardParamsOf(new URLSearchParams('range=1y&status=odd&top=x'))).toEqual({ range: '24h', agent_id: '', status: '', top: 'runs' })
  })

  it('writes only what differs from the defaults', () => {
    expect(dashboardSearch({ range: '24h', agent_id: '', status: '', top: 'runs' }).toString()).toBe('')
    expect(dashboardSearch({ range: '30d', agent_id: '', status: 'failed', top: 'error_rate' }).toString()).toBe('range=30d&status=failed&top=error_rate')
  })
})
