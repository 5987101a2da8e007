import { describe, expect, it } from 'vitest'
import { initialStepper, replayKey, type StepperAction, stepperReducer } from '@/features/runs/lib/stepper'

const run = (count: number, ...actions: StepperAction[]) => actions.reduce(stepperReducer, initialStepper(count))

describe('stepperReducer', () => {
  it('shows every event at first', () => {
    expect(initialStepper(3)).toEqual({ position: 3, count: 3, playing: false })
  })

  it('starts a replay over from the first event and reveals one per tick, stopping at the last', () => {
    expect(run(3, { type: 'play' })).toEqual({ position: 1, count: 3, playing: true })
    expect(run(3, { type: 'play' }, { type: 'tick' })).toEqual({ position: 2, count: 3, playing: true })
    expect(run(3, { type: 'play' }, { type: 'tick' }, { type: 'tick' })).toEqual({ position: 3, count: 3, playing: false })
  })

  it('resumes a paused replay where it was', () => {
    expect(run(5, { type: 'play' }, { type: 'tick' }, { type: 'pause' }, { type: 'play' })).toEqual({ position: 2, count: 5, playing: true })
  })

  it('steps back and forward within bounds, pausing the replay', () => {
    expect(run(3, { type: 'prev' })).toEqual({ position: 2, count: 3, playing: false })
    expect(run(3, { type: 'prev' }, { type: 'prev' }, { type: 'prev' })).toEqual({ position: 1, count: 3, playing: false })
    expect(run(3, { type: 'next' })).toEqual({ position: 3, count: 3, playing: false })
    expect(run(3, { type: 'play' }, { type: 'next' })).toEqual({ position: 2, count: 3, playing: false })
  })

  it('ignores ticks while paused and plays nothing without events', () => {
    expect(run(3, { type: 'prev' }, { type: 'tick' }).position).toBe(2)
    expect(run(0, { type: 'play' })).toEqual({ position: 0, count: 0, playing: false })
  })

  it('keeps up with new events', () => {
    expect(run(3, { type: 'resize', count: 5 })).toEqual({ position: 5, count: 5, playing: false })
    expect(run(3, { type: 'prev' }, { type: 'resize', count: 5 })).toEqual({ position: 2, count: 5, playing: false })
  })

  it('jumps to the first event or shows them all', () => {
    expect(run(4, { type: 'first' }).position).toBe(1)
    expect(run(4, { type: 'first' }, { type: 'showAll' }).position).toBe(4)
  })
})

describe('replayKey', () => {
  const key = (key: string, extra: Partial<Parameters<typeof replayKey>[0]> = {}) =>
    replayKey({ key, altKey: false, ctrlKey: false, metaKey: false, target: { tagName: 'BODY' } as unknown as EventTarget, ...extra })

  it('maps the arrow keys', () => {
    expect(key('ArrowLeft')).toBe('prev')
    expect(key('ArrowRight')).toBe('next')
    expect(key('a')).toBeNull()
  })

  it('leaves typing and shortcuts alone', () => {
    expect(key('ArrowLeft', { target: { tagName: 'INPUT' } as unknown as EventTarget })).toBeNull()
    expect(key('ArrowLeft', { metaKey: true })).toBeNull()
  })
})
