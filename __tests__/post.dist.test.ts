/**
 * `node dist/post.js` as the runner runs the post step: whatever state it is given (none,
 * garbage, another gateway's, a real one), it never sends the trigger, never sends the key to a
 * gateway the settings do not name, and registers every secret main registers.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  API_KEY,
  FAKE_GITHUB_TOKEN,
  WEBHOOK_TOKEN,
  identifierInputs,
  runAction,
  startEmulator,
  v3WebhookUrl,
  type Emulator
} from './helpers/index.js'

let emulator: Emulator
let other: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ execution: { statuses: ['Running'] } })
  other = await startEmulator({ execution: { statuses: ['Running'] } })
})
afterAll(async () => {
  await Promise.all([emulator.close(), other.close()])
})

const watchedOf = (e: Emulator, eventId: string) =>
  JSON.stringify({
    gateway: `${e.url}/gateway`,
    accountId: 'acc-123_X',
    orgId: 'default',
    projectId: 'payments',
    eventId
  })

const inputsOf = () => ({ ...identifierInputs(emulator), wait: 'true' })

describe('the post step (dist/post.js)', () => {
  it.each<[string, () => Record<string, string>]>([
    ['no state', () => ({})],
    ['garbage', () => ({ watched: 'not json', executionId: '\n::error::x' })],
    ['an old phase flag', () => ({ isPost: 'true' })],
    ['done', () => ({ watched: watchedOf(emulator, 'abc'), done: 'true' })],
    ['another gateway', () => ({ watched: watchedOf(other, 'abc'), executionId: 'abc' })]
  ])('with %s: no trigger, no request anywhere', async (_name, state) => {
    const before = { emulator: emulator.requests.length, other: other.requests.length }
    const post = await runAction({ emulator, inputs: inputsOf(), phase: 'post', state: state() })
    expect(post.exitCode).toBe(0)
    expect(post.stderr).toBe('')
    expect(emulator.requests.slice(before.emulator)).toEqual([])
    expect(other.requests.slice(before.other)).toEqual([])
  })

  it('with the state of a main step killed while it watched: aborts that execution, never fires', async () => {
    const main = await runAction({
      emulator,
      inputs: { ...inputsOf(), 'poll-interval': '100ms', timeout: '60s' },
      signal: { name: 'SIGKILL', whenRequest: 'execution', afterMs: 100 }
    })
    expect(main.signal).toBe('SIGKILL')
    const posts = emulator.requestsTo('webhook').length
    const post = await runAction({ emulator, inputs: inputsOf(), phase: 'post', state: main.state })
    expect(post.exitCode).toBe(0)
    expect(emulator.requestsTo('webhook')).toHaveLength(posts)
    const execution = emulator.executions.at(-1)
    expect(execution?.interrupts).toHaveLength(1)
    expect(emulator.requestsTo('abort').at(-1)?.headers['x-api-key']).toBe(API_KEY)
  })

  it('with an event Harness processes only after post has started: looks again and aborts what it started', async () => {
    // Harness takes the event up 3.5 s after the POST: post's first look finds it pending.
    const slow = await startEmulator({
      event: { pendingMs: 3500 },
      execution: { statuses: ['Running'] }
    })
    try {
      const inputs = { ...identifierInputs(slow), wait: 'true', 'poll-interval': '100ms' }
      const main = await runAction({
        emulator: slow,
        inputs,
        signal: { name: 'SIGKILL', whenRequest: 'processingDetails', afterMs: 0 }
      })
      expect(main.signal).toBe('SIGKILL')
      expect(slow.executions).toHaveLength(0)
      const post = await runAction({ emulator: slow, inputs, phase: 'post', state: main.state })
      expect(post.exitCode).toBe(0)
      expect(slow.requestsTo('webhook')).toHaveLength(1)
      expect(slow.executions).toHaveLength(1)
      expect(slow.executions[0]?.interrupts).toHaveLength(1)
      expect(post.stdout).toMatch(/The trigger event had started execution /)
    } finally {
      await slow.close()
    }
  })

  it('registers every secret main registers, the token inside webhook-url included', async () => {
    const post = await runAction({
      emulator,
      inputs: {
        'webhook-url': v3WebhookUrl(emulator),
        'api-key': API_KEY,
        'github-token': FAKE_GITHUB_TOKEN,
        wait: 'true'
      },
      phase: 'post',
      state: { watched: watchedOf(emulator, 'ffffffffffffffffffffffff') }
    })
    const masked = post.commands.filter(c => c.name === 'add-mask').map(c => c.message)
    expect(masked).toEqual(expect.arrayContaining([API_KEY, WEBHOOK_TOKEN, FAKE_GITHUB_TOKEN]))
    expect(
      emulator.requestsTo('webhook').filter(r => r.time >= Date.now() - post.durationMs)
    ).toEqual([])
  })
})
