import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/react'

/**
 * What jsdom lacks and the app uses: the modal <dialog> methods, scrollIntoView (the run replay) and
 * ResizeObserver (recharts' responsive container). Stand-ins that keep the behaviour the tests look at.
 */
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}

if (typeof Element !== 'undefined' && !Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = function scrollIntoView() {}
}

if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}

// the first render of a file loads the lazy route's chunk; on a busy CI machine that takes longer than the default 1 s
configure({ asyncUtilTimeout: 5_000 })
