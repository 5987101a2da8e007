// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { page, problem } from '@/testing/fake-api'
import { renderApp } from '@/testing/render-app'

const notification = (overrides: Record<string, unknown> = {}) => ({
  id: 'n1',
  kind: 'budget_threshold',
  severity: 'warning',
  title: 'Budget "Monthly" at 80 %',
  body: '$80 of $100 spent.',
  link: '/budgets?budget=b1',
  data: {},
  read_at: null,
  created_at: '2026-12-01T10:00:00Z',
  ...overrides,
})
const listOf = (items: unknown[], unread: number, next: string | null = null) => page(items, next, { unread_count: unread })

describe('notification bell', () => {
  it('shows the unread count and the latest notifications, and marks all read', async () => {
    let unread = 2
    const { user, api } = renderApp('/agents', {
      api: {
        'GET /api/v1/agents': page([]),
        'GET /api/v1/notifications/unread-count': () => ({ data: { unread_count: unread } }),
        'GET /api/v1/notifications': listOf([notification(), notification({ id: 'n2', title: 'Agents paused', read_at: '2026-12-01T11:00:00Z' })], 2),
        'POST /api/v1/notifications/read-all': () => {
          unread = 0
          return { data: { marked: 2 } }
        },
      },
    })
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' })
    expect(within(bell).getByTestId('notification-count')).toHaveTextContent('2')
    await user.click(bell)
    const panel = screen.getByRole('region', { name: 'Latest notifications' })
    expect(await within(panel).findByRole('link', { name: 'Budget "Monthly" at 80 %' })).toHaveAttribute('href', '/budgets?budget=b1')
    expect(api.requests('GET /api/v1/notifications')[0].query.get('limit')).toBe('8')
    await user.click(within(panel).getByRole('button', { name: 'Mark all read' }))
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument()
    expect(api.requests('POST /api/v1/notifications/read-all')).toHaveLength(1)
  })

  it('closes on Escape and says when it cannot load', async () => {
    const { user } = renderApp('/agents', {
      api: { 'GET /api/v1/agents': page([]), 'GET /api/v1/notifications': problem(500, 'internal', 'Notifications are down.') },
    })
    await user.click(await screen.findByRole('button', { name: 'Notifications' }))
    expect(await screen.findByText('Notifications are down.')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Latest notifications' })).not.toBeInTheDocument())
  })
})

describe('notifications page', () => {
  it('lists the notifications, marks one read and loads more', async () => {
    const { user, api } = renderApp('/notifications', {
      api: {
        'GET /api/v1/notifications': ({ query }: { query: URLSearchParams }) =>
          query.get('cursor') === 'c2' ? listOf([notification({ id: 'n3', title: 'Older one', read_at: '2026-11-01T00:00:00Z' })], 1) : listOf([notification()], 1, 'c2'),
        'POST /api/v1/notifications/:id/read': { data: notification({ read_at: '2026-12-01T12:00:00Z' }) },
      },
    })
    const list = await screen.findByRole('list', { name: 'Notifications' })
    expect(within(list).getByText('$80 of $100 spent.')).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Unread (1)' })).toBeInTheDocument()
    await user.click(within(list).getByRole('button', { name: 'Mark "Budget "Monthly" at 80 %" read' }))
    await waitFor(() => expect(api.requests('POST /api/v1/notifications/:id/read').map((r) => r.params.id)).toEqual(['n1']))
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('Older one')).toBeInTheDocument()
  })

  it('filters unread ones through the URL and says when nothing is unread', async () => {
    const { user, api, router } = renderApp('/notifications', { api: { 'GET /api/v1/notifications': listOf([], 0) } })
    expect(await screen.findByText('No notifications yet')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled()
    await user.click(screen.getByRole('radio', { name: 'Unread' }))
    expect(await screen.findByText('Nothing unread')).toBeInTheDocument()
    expect(router.state.location.search).toBe('?unread=true')
    expect(api.requests('GET /api/v1/notifications').at(-1)!.query.get('unread')).toBe('true')
  })

  it('shows a failed load', async () => {
    renderApp('/notifications', { api: { 'GET /api/v1/notifications': problem(500, 'internal', 'Down.') } })
    expect(await screen.findByText('Could not load the notifications')).toBeInTheDocument()
  })
})
