import { describe, expect, it } from 'vitest'
import type { HomeDashboard } from '@/features/dashboard/api/get-home-dashboard'
import { agentHealthCounts, prepareAttention, prepareCostShares, prepareKpis, prepareRunSeries, prepareTopAgents } from '@/features/dashboard/lib/prepare-home'

const kpis = { runs: 0, errors: 0, error_rate: 0, cost_usd: 0, active_agents: 0 }

describe('prepareRunSeries', () => {
  it('fills every hour of the range, zeros where the API sent nothing', () => {
    const { bucket, rows } = prepareRunSeries({
      range: { from: '2026-03-01T00:00:00Z', to: '2026-03-01T02:00:00Z', bucket: 'hour' },
      series: [{ bucket: '2026-03-01T01:00:00Z', runs: 5, errors: 1, cost_usd: 0.25 }],
    })
    expect(bucket).toBe('hour')
    expect(rows.map((r) => [r.runs, r.errors, r.cost_usd])).toEqual([
      [0, 0, 0],
      [5, 1, 0.25],
      [0, 0, 0],
    ])
  })

  it('uses days for a 30-day range', () => {
    const { bucket, rows } = prepareRunSeries({ range: { from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z', bucket: 'day' }, series: [] })
    expect(bucket).toBe('day')
    expect(rows).toHaveLength(31)
  })
})

describe('prepareTopAgents', () => {
  const top: HomeDashboard['top_agents'] = [
    { agent_id: 'a', name: 'Alpha', runs: 10, error_rate: 0.1, cost_usd: 1 },
    { agent_id: 'b', name: 'Beta', runs: 30, error_rate: 0.0, cost_usd: 0.5 },
    { agent_id: 'c', name: 'Gamma', runs: 0, error_rate: 0, cost_usd: 2 },
    { agent_id: 'd', name: 'Delta', runs: 10, error_rate: 0.1, cost_usd: 0 },
  ]

  it('sorts by the chosen metric, largest first, ties by name', () => {
    expect(prepareTopAgents(top, 'runs').map((a) => a.label)).toEqual(['Beta', 'Alpha', 'Delta', 'Gamma'])
    expect(prepareTopAgents(top, 'cost_usd').map((a) => [a.label, a.value])).toEqual([
      ['Gamma', 2],
      ['Alpha', 1],
      ['Beta', 0.5],
      ['Delta', 0],
    ])
  })

  it('leaves agents without runs out of the error-rate ranking', () => {
    expect(prepareTopAgents(top, 'error_rate').map((a) => a.label)).toEqual(['Alpha', 'Delta', 'Beta'])
  })

  it('keeps at most `limit` agents', () => {
    expect(prepareTopAgents(top, 'runs', 2)).toHaveLength(2)
  })
})

describe('prepareKpis', () => {
  it('compares each figure with the previous period', () => {
    const cards = prepareKpis(
      { runs: 150, errors: 15, error_rate: 0.1, cost_usd: 2, active_agents: 3, previous: { runs: 100, errors: 5, error_rate: 0.05, cost_usd: 0, active_agents: 3 } },
      '24 hours',
    )
    expect(cards.map((c) => [c.label, c.changeText, c.trend, c.good])).toEqual([
      ['Runs', '+50% vs previous 24 hours', 'up', true],
      ['Error rate', '+5.0 pp vs previous 24 hours', 'up', false],
      ['Cost', 'new vs previous 24 hours', 'up', false],
      ['Active agents', 'no change vs previous 24 hours', 'flat', undefined],
    ])
  })

  it('says nothing about change without a previous period', () => {
    expect(prepareKpis(kpis, '7 days').every((c) => c.changeText === null)).toBe(true)
  })

  it('treats nothing before and nothing now as no change', () => {
    const cards = prepareKpis({ ...kpis, previous: kpis }, '24 hours')
    expect(cards[0].changeText).toBe('no change vs previous 24 hours')
  })
})

describe('agent health and attention', () => {
  it('counts agents by status, archived ones aside', () => {
    expect(agentHealthCounts([{ status: 'active' }, { status: 'active' }, { status: 'paused' }, { status: 'error' }, { status: 'archived' }])).toEqual({
      active: 2,
      paused: 1,
      error: 1,
      total: 4,
    })
  })

  it('names agents and puts the most urgent reasons first', () => {
    const list = prepareAttention(
      [
        { agent_id: 'a1', reason: 'paused' },
        { agent_id: 'a2', reason: 'error_rate', name: 'Billing bot' },
        { agent_id: 'a3', reason: 'budget' },
        { agent_id: 'a4aaaaaaaaaa', reason: 'something_new' },
      ],
      new Map([['a1', 'Support bot']]),
    )
    expect(list.map((i) => [i.name, i.text])).toEqual([
      ['Agent a3', 'Budget nearly or fully spent'],
      ['Billing bot', 'High error rate'],
      ['Support bot', 'Paused'],
      ['Agent a4aaaaaa', 'something new'],
    ])
  })

  it('shares cost by model and by agent', () => {
    const shares = prepareCostShares({
      cost_by_model: [{ model: 'gpt-4o', cost_usd: 3 }, { model: null, cost_usd: 1 }],
      cost_by_agent: [{ agent_id: 'a1', name: 'Support bot', cost_usd: 4 }],
    })
    expect(shares.byModel.map((s) => [s.label, s.share])).toEqual([
      ['gpt-4o', 0.75],
      ['unknown model', 0.25],
    ])
    expect(shares.byAgent).toEqual([{ label: 'Support bot', value: 4, share: 1 }])
  })
})
