import { describe, expect, it } from 'vitest'

// every source file's text, keyed by its path ("/src/features/auth/api/login.ts")
const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/*.d.ts', '!/src/**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

const importsOf = (text: string) => [...text.matchAll(/from '(@\/[^']+)'/g)].map((m) => m[1])
const under = (prefix: string) => Object.entries(sources).filter(([file]) => file.startsWith(prefix))

describe('module boundaries', () => {
  it('sees the source files', () => {
    expect(under('/src/features/').length).toBeGreaterThan(20)
  })

  it('features do not import each other', () => {
    const crossings = under('/src/features/').flatMap(([file, text]) => {
      const feature = file.split('/')[3]
      return importsOf(text)
        .filter((target) => target.startsWith('@/features/') && target.split('/')[2] !== feature)
        .map((target) => `${file} → ${target}`)
    })
    expect(crossings).toEqual([])
  })

  it('lib and components do not depend on features or routes', () => {
    const upward = [...under('/src/lib/'), ...under('/src/components/')].flatMap(([file, text]) =>
      importsOf(text)
        .filter((target) => target.startsWith('@/features/') || target.startsWith('@/app/'))
        .map((target) => `${file} → ${target}`),
    )
    expect(upward).toEqual([])
  })

  it('features never touch the session tokens: they call the API through lib/http.ts', () => {
    const offenders = under('/src/features/')
      .filter(([, text]) => /localStorage|refresh_token|token-session/.test(text))
      .map(([file]) => file)
    expect(offenders).toEqual([])
  })
})
