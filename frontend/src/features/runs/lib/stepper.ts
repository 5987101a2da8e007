/**
 * The replay of a run: `position` events are revealed (all of them when not replaying). Play reveals one more
 * per tick; step back/forward move by one; reaching the last event stops playing.
 */
export type StepperState = { position: number; count: number; playing: boolean }

export type StepperAction =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'tick' }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'showAll' }
  | { type: 'resize'; count: number }

export const initialStepper = (count: number): StepperState => ({ position: count, count, playing: false })

export function stepperReducer(state: StepperState, action: StepperAction): StepperState {
  const { position, count } = state
  const min = count > 0 ? 1 : 0
  switch (action.type) {
    case 'play':
      if (count === 0) return state
      // from the end, a replay starts over
      return { ...state, position: position >= count ? min : position, playing: true }
    case 'pause':
      return { ...state, playing: false }
    case 'tick': {
      if (!state.playing) return state
      const next = Math.min(count, position + 1)
      return { ...state, position: next, playing: next < count }
    }
    case 'next':
      return { ...state, position: Math.min(count, position + 1), playing: false }
    case 'prev':
      return { ...state, position: Math.max(min, position - 1), playing: false }
    case 'first':
      return { ...state, position: min, playing: false }
    case 'showAll':
      return { ...state, position: count, playing: false }
    case 'resize': {
      // new events arrived (live updates): a finished replay shows them too, a replay in progress keeps its place
      const wasAll = position >= count
      return { ...state, count: action.count, position: wasAll ? action.count : Math.min(position, action.count) }
    }
  }
}

/** Whether a key press should drive the replay: not while typing, not with modifiers. */
export function replayKey(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; target: EventTarget | null }): 'prev' | 'next' | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null
  const tag = target?.tagName?.toLowerCase()
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || target?.isContentEditable) return null
  if (event.key === 'ArrowLeft') return 'prev'
  if (event.key === 'ArrowRight') return 'next'
  return null
}
