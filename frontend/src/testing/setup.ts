/**
 * Runs before every test file. In the jsdom tests only: a Request that resolves a relative URL against the page's
 * address, as browsers do. The app's clients call same-origin paths (`/api/v1/...`, VITE_API_URL unset), and
 * jsdom keeps Node's Request, which refuses them. It has to be in place before `lib/api-client.ts` creates its
 * clients, hence a setup file rather than the render helper.
 */
if (typeof window !== 'undefined') {
  const Base = globalThis.Request
  globalThis.Request = class Request extends Base {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, window.location.href) : input, init)
    }
  }
}
