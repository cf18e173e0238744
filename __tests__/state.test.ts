/** The state module: names and shapes in one place, nothing secret saved, garbage never acted on. */
import { describe, expect, it } from '@jest/globals'
import { ActionState, StateName } from '../src/action/state.js'
import { Redactor } from '../src/core/redactor.js'

function stateWith(initial: Record<string, string> = {}, secrets: string[] = []) {
  const saved: Record<string, string> = { ...initial }
  const redactor = new Redactor()
  secrets.forEach(secret => redactor.add(secret))
  const state = new ActionState(
    {
      saveState: (name, value) => {
        saved[name] = value
      },
      getState: name => saved[name] ?? ''
    },
    redactor
  )
  return { state, saved }
}

const watched = {
  gateway: 'https://app.harness.io/gateway',
  accountId: 'acc-1',
  orgId: 'default',
  projectId: 'payments',
  eventId: '65f0c0ffee'
}

describe('ActionState', () => {
  it('saves what post needs, piece by piece, and loads it back', () => {
    const { state, saved } = stateWith()
    expect(state.load()).toEqual({ kind: 'nothing' })
    expect(state.saveWatched(watched)).toBe(true)
    expect(state.load()).toEqual({ kind: 'unfinished', watched, executionId: undefined })
    expect(state.saveExecutionId('AbC-12_x')).toBe(true)
    expect(state.load()).toEqual({ kind: 'unfinished', watched, executionId: 'AbC-12_x' })
    state.markDone()
    expect(state.load()).toEqual({ kind: 'done' })
    expect(Object.keys(saved).sort()).toEqual(Object.values(StateName).sort())
  })

  it('never saves an id that holds a secret, or is not an id', () => {
    const { state, saved } = stateWith({}, ['s3cr3tToken'])
    expect(state.saveWatched({ ...watched, eventId: 'xs3cr3tTokenx' })).toBe(false)
    expect(state.saveExecutionId('s3cr3tToken')).toBe(false)
    expect(state.saveExecutionId('a\n::add-mask::b')).toBe(false)
    expect(state.saveWatched({ ...watched, gateway: 'https://s3cr3tToken@x/gateway' })).toBe(false)
    expect(saved).toEqual({})
  })

  it.each([
    ['not JSON', '{"gateway":'],
    ['an array', '[]'],
    ['a missing event', JSON.stringify({ ...watched, eventId: undefined })],
    ['a path in an id', JSON.stringify({ ...watched, eventId: '../../x' })],
    ['a gateway that is not http(s)', JSON.stringify({ ...watched, gateway: 'file:///etc' })]
  ])('state with %s is unreadable, not acted on', (_name, raw) => {
    const { state } = stateWith({ [StateName.Watched]: raw })
    expect(state.load().kind).toBe('unreadable')
  })

  it('an execution id that is not an id makes the state unreadable', () => {
    const { state } = stateWith({
      [StateName.Watched]: JSON.stringify(watched),
      [StateName.ExecutionId]: 'x y'
    })
    expect(state.load().kind).toBe('unreadable')
  })
})
