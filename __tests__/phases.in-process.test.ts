/**
 * The main and post phases' `run()` in this process, through the Runtime seam, against the
 * emulator over real HTTP: cancellation at each moment, what state main leaves, and what the post
 * step does with every kind of state (it never sends the trigger).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { run as runMain } from '../src/action/main.js'
import { run as runPost } from '../src/action/post.js'
import { sendRequest, type HttpRequest } from '../src/harness/http/request.js'
import {
  FAKE_GITHUB_TOKEN,
  identifierInputs,
  startEmulator,
  WEBHOOK_TOKEN,
  API_KEY,
  type Emulator,
  type EmulatorOptions,
  type Fault
} from './helpers/index.js'
import { inProcessRuntime, linesOf, type PhaseRecord } from './support/in-process.js'
import { closedPort } from './support/run-checks.js'

const emulators: Emulator[] = []
async function emulatorWith(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator(options)
  emulators.push(emulator)
  return emulator
}
afterAll(async () => {
  await Promise.all(emulators.map(emulator => emulator.close()))
})

function waitInputs(emulator: Emulator, extra: Record<string, string> = {}) {
  return {
    ...identifierInputs(emulator),
    image: 'ghcr.io/acme/api:1.4.2',
    wait: 'true',
    'poll-interval': '100ms',
    timeout: '20s',
    ...extra
  }
}

const hangs = (count: number): Fault[] => Array.from({ length: count }, () => ({ hang: true }))

interface PhaseRun {
  record: PhaseRecord
  /** POSTs to the webhook that left this process, with when they were sent */
  posts: number[]
  cancelledAt?: number
  endedAt: number
}

/** Runs main; `cancelWhen` resolves when the test wants SIGINT's effect (the signal aborts). */
async function main(
  inputs: Record<string, string>,
  cancelWhen?: (cancel: () => void, posts: number[]) => Promise<void> | void
): Promise<PhaseRun> {
  const cancel = new AbortController()
  const { runtime, record } = inProcessRuntime({ inputs, cancel })
  const posts: number[] = []
  runtime.send = (request: HttpRequest) => {
    if (request.method === 'POST') posts.push(Date.now())
    return sendRequest(request)
  }
  const phase: PhaseRun = { record, posts, endedAt: 0 }
  const pull = () => {
    phase.cancelledAt ??= Date.now()
    cancel.abort()
  }
  const trigger = cancelWhen?.(pull, posts)
  await runMain(runtime)
  phase.endedAt = Date.now()
  await trigger
  return phase
}

async function post(inputs: Record<string, string>, state: Record<string, string>) {
  const { runtime, record } = inProcessRuntime({ inputs, state })
  const posts: string[] = []
  runtime.send = (request: HttpRequest) => {
    if (request.method === 'POST') posts.push(request.url)
    return sendRequest(request)
  }
  await runPost(runtime)
  return { record, posts }
}

const postsAfterCancel = (phase: PhaseRun) =>
  phase.posts.filter(at => phase.cancelledAt !== undefined && at > phase.cancelledAt).length
const sinceCancel = (phase: PhaseRun) => phase.endedAt - (phase.cancelledAt ?? phase.endedAt)
const duplicates = (calls: string[]) => calls.filter((name, index) => calls.indexOf(name) !== index)

describe('main, in process: cancellation never sends the trigger', () => {
  it('cancelled before the first send: no POST, no outputs, a failed step', async () => {
    const emulator = await emulatorWith()
    const run = await main(identifierInputs(emulator), cancel => cancel())
    expect(run.posts).toEqual([])
    expect(emulator.requestsTo('webhook')).toHaveLength(0)
    expect(run.record.failed).toMatch(/Cancelled before the trigger was sent: nothing was deployed/)
    expect(run.record.outputs).toEqual({})
  })

  it('cancelled during the backoff after a 429: the backoff ends at once, no second POST', async () => {
    const emulator = await emulatorWith()
    emulator.fault('webhook', [{ status: 429, body: 'slow down' }])
    const run = await main(identifierInputs(emulator), async cancel => {
      await emulator.waitForRequest('webhook')
      await new Promise(done => setTimeout(done, 100))
      cancel()
    })
    expect(run.posts).toHaveLength(1)
    expect(postsAfterCancel(run)).toBe(0)
    expect(sinceCancel(run)).toBeLessThan(500)
    expect(run.record.failed).toMatch(/Cancelled during the backoff before retry 1/)
    expect(run.record.outputs).toEqual({})
  })

  it('cancelled during the backoff after a refused connection: no further POST', async () => {
    const port = await closedPort()
    const inputs = {
      ...identifierInputs(await emulatorWith()),
      'harness-url': `http://127.0.0.1:${port}`
    }
    const run = await main(inputs, async (cancel, posts) => {
      while (posts.length === 0) await new Promise(done => setTimeout(done, 5))
      await new Promise(done => setTimeout(done, 100))
      cancel()
    })
    expect(run.posts).toHaveLength(1)
    expect(postsAfterCancel(run)).toBe(0)
    expect(sinceCancel(run)).toBeLessThan(500)
    expect(run.record.failed).toMatch(/did not take the trigger, and it was not sent again/)
  })

  it('a hung POST on the wire is given up 1.5 s after the signal, saying it may have deployed', async () => {
    const emulator = await emulatorWith()
    emulator.fault('webhook', [{ hang: true, afterHandling: true }])
    const run = await main(waitInputs(emulator), async cancel => {
      await emulator.waitForRequest('webhook')
      cancel()
    })
    expect(run.posts).toHaveLength(1)
    expect(sinceCancel(run)).toBeGreaterThanOrEqual(1400)
    expect(sinceCancel(run)).toBeLessThan(2500)
    expect(run.record.failed).toMatch(/Harness may have taken the trigger/)
    expect(run.record.state).toEqual({})
  })

  it('a POST answered after the signal is read: outputs written, then the event looked at and its execution aborted', async () => {
    const emulator = await emulatorWith({ execution: { statuses: ['Running'] } })
    emulator.fault('webhook', [{ delayMs: 400, afterHandling: true }])
    const run = await main(waitInputs(emulator), async cancel => {
      await emulator.waitForRequest('webhook')
      cancel()
    })
    expect(run.posts).toHaveLength(1)
    expect(postsAfterCancel(run)).toBe(0)
    expect(run.record.outputs.eventCorrelationId).toBe(emulator.events[0].id)
    const [execution] = emulator.executions
    expect(emulator.requestsTo('abort')).toHaveLength(1)
    expect(execution.interrupts).toHaveLength(1)
    expect(run.record.outputs.executionId).toBe(execution.planExecutionId)
    expect(run.record.state.done).toBe('true')
    expect(run.record.failed).toMatch(/abort was sent and Harness accepted it/)
    expect(run.record.summary).toMatch(/Abort \| Sent and accepted/)
    expect(duplicates(run.record.outputCalls)).toEqual([])
  })

  it('without wait, a POST answered after the signal still ends the step as cancelled', async () => {
    const emulator = await emulatorWith()
    emulator.fault('webhook', [{ delayMs: 300 }])
    const run = await main(identifierInputs(emulator), async cancel => {
      await emulator.waitForRequest('webhook')
      cancel()
    })
    expect(run.posts).toHaveLength(1)
    expect(run.record.outputs.eventCorrelationId).toBe(emulator.events[0].id)
    expect(run.record.failed).toMatch(/Cancelled; the trigger had already been accepted/)
  })
})

describe('main, in process: reads in flight are abandoned at the signal', () => {
  it('a hung event read: main ends within the look deadline; post finds and aborts the execution Harness started since', async () => {
    const emulator = await emulatorWith({
      event: { pendingMs: 1500 },
      execution: { statuses: ['Running'] }
    })
    emulator.fault('processingDetails', hangs(2))
    const inputs = waitInputs(emulator)
    const run = await main(inputs, async cancel => {
      await emulator.waitForRequest('processingDetails')
      cancel()
    })
    // the read in flight is dropped at once; the one look (also hung) has 2.5 s
    expect(sinceCancel(run)).toBeLessThan(3200)
    expect(emulator.requestsTo('processingDetails')).toHaveLength(2)
    expect(emulator.requestsTo('abort')).toHaveLength(0)
    expect(run.record.state.done).toBeUndefined()
    expect(JSON.parse(run.record.state.watched)).toMatchObject({ eventId: emulator.events[0].id })
    expect(run.record.failed).toMatch(/No abort was sent.*may still start an execution/)
    expect(run.record.outputs.executionId).toBeUndefined()

    await new Promise(done => setTimeout(done, 1600))
    const cleanUp = await post(inputs, run.record.state)
    expect(cleanUp.posts).toEqual([])
    const [execution] = emulator.executions
    expect(execution.interrupts).toHaveLength(1)
    expect(linesOf(cleanUp.record, 'info').join('\n')).toContain(
      `The trigger event had started execution ${execution.planExecutionId}`
    )
  })

  it('a hung execution read: the abort is sent within 1 s of the signal', async () => {
    const emulator = await emulatorWith({ execution: { statuses: ['Running'] } })
    const inputs = waitInputs(emulator)
    const run = await main(inputs, async cancel => {
      await emulator.waitForRequest('execution')
      emulator.fault('execution', hangs(5))
      await emulator.waitForRequest(
        r => r.route === 'execution' && emulator.requestsTo('execution').length >= 2
      )
      cancel()
    })
    const [abort] = emulator.requestsTo('abort')
    expect(abort.time - (run.cancelledAt as number)).toBeLessThan(1000)
    expect(emulator.executions[0].interrupts).toHaveLength(1)
    expect(run.record.outputs).toMatchObject({
      executionId: emulator.executions[0].planExecutionId,
      status: 'Running'
    })
    expect(run.record.state.done).toBe('true')
    expect(duplicates(run.record.outputCalls)).toEqual([])
    const cleanUp = await post(inputs, run.record.state)
    expect(cleanUp.record.lines).toEqual([])
  })

  it('an abort that fails leaves the execution to post, which aborts it', async () => {
    const emulator = await emulatorWith({ execution: { statuses: ['Running'] } })
    emulator.fault('abort', [{ status: 500, body: 'oops' }])
    const inputs = waitInputs(emulator)
    const run = await main(inputs, async cancel => {
      await emulator.waitForRequest('execution')
      cancel()
    })
    const id = emulator.executions[0].planExecutionId
    expect(run.record.state.executionId).toBe(id)
    expect(run.record.state.done).toBeUndefined()
    expect(linesOf(run.record, 'warning').join('\n')).toContain(`Could not abort execution ${id}`)
    expect(run.record.summary).toMatch(/Abort \| Sent, failed/)
    const cleanUp = await post(inputs, run.record.state)
    expect(emulator.executions[0].interrupts).toHaveLength(1)
    expect(cleanUp.posts).toEqual([])
    expect(emulator.requestsTo('abort')[1].headers['x-api-key']).toBe(API_KEY)
  })

  it('abort-on-cancel false: no abort, and nothing left for post', async () => {
    const emulator = await emulatorWith({ execution: { statuses: ['Running'] } })
    const inputs = waitInputs(emulator, { 'abort-on-cancel': 'false' })
    const run = await main(inputs, async cancel => {
      await emulator.waitForRequest('execution')
      cancel()
    })
    expect(emulator.requestsTo('abort')).toHaveLength(0)
    expect(run.record.state.done).toBe('true')
    expect(run.record.failed).toMatch(/not aborted: abort-on-cancel is false/)
  })

  it('abort-on-timeout: the abort has a short deadline of its own', async () => {
    const emulator = await emulatorWith({ execution: { statuses: ['Running'] } })
    emulator.fault('abort', hangs(1))
    const started = Date.now()
    const run = await main(waitInputs(emulator, { timeout: '1s', 'abort-on-timeout': 'true' }))
    expect(run.endedAt - started).toBeLessThan(1000 + 2500 + 1500)
    expect(emulator.requestsTo('abort')).toHaveLength(1)
    expect(run.record.failed).toMatch(/Timed out.*abort was sent but failed.*timed out after 2.5 s/)
  })

  it('a run that passes writes each output once, and tells post there is nothing to do', async () => {
    const emulator = await emulatorWith()
    const run = await main(waitInputs(emulator))
    expect(run.record.failed).toBeUndefined()
    expect(duplicates(run.record.outputCalls)).toEqual([])
    expect(run.record.outputs.status).toBe('Success')
    expect(run.record.state).toMatchObject({
      executionId: emulator.executions[0].planExecutionId,
      done: 'true'
    })
  })
})

describe('post, in process: never the trigger, whatever the state', () => {
  let emulator: Emulator
  let other: Emulator
  beforeAll(async () => {
    emulator = await emulatorWith({ execution: { statuses: ['Running'] } })
    other = await emulatorWith({ execution: { statuses: ['Running'] } })
  })

  const watchedOf = (e: Emulator, eventId: string, extra: Record<string, string> = {}) =>
    JSON.stringify({
      gateway: `${e.url}/gateway`,
      accountId: 'acc-123_X',
      orgId: 'default',
      projectId: 'payments',
      eventId,
      ...extra
    })

  const states: Array<[string, (e: Emulator) => Record<string, string>]> = [
    ['none', () => ({})],
    ['garbage watched', () => ({ watched: '{"gateway":' })],
    ['watched with a newline id', e => ({ watched: watchedOf(e, 'a\nb') })],
    ['a non-id execution', e => ({ watched: watchedOf(e, 'abc'), executionId: '../x?y' })],
    ['done', e => ({ watched: watchedOf(e, 'abc'), executionId: 'abc', done: 'true' })],
    ['an old phase flag', () => ({ isPost: 'true', phase: 'main' })],
    ['another gateway', () => ({ watched: watchedOf(other, 'abc'), executionId: 'abc' })],
    ['another project', e => ({ watched: watchedOf(e, 'abc', { projectId: 'other' }) })],
    ['an unknown event', e => ({ watched: watchedOf(e, 'ffffffffffffffffffffffff') })],
    ['an unknown execution', e => ({ watched: watchedOf(e, 'abc'), executionId: 'nope' })]
  ]

  it.each(states)('state: %s', async (_name, stateOf) => {
    const before = { emulator: emulator.requests.length, other: other.requests.length }
    for (const inputs of [
      waitInputs(emulator),
      identifierInputs(emulator),
      { ...waitInputs(emulator), 'project-id': 'not valid!' }
    ]) {
      const { posts } = await post(inputs, stateOf(emulator))
      expect(posts).toEqual([])
    }
    const seen = emulator.requests.slice(before.emulator)
    expect(seen.filter(request => request.method === 'POST')).toEqual([])
    // The key never goes to a gateway the settings do not name.
    expect(other.requests.slice(before.other)).toEqual([])
  })

  it('a state naming another gateway is ignored with a warning', async () => {
    const { record } = await post(waitInputs(emulator), {
      watched: watchedOf(other, 'abc'),
      executionId: 'abc'
    })
    expect(linesOf(record, 'warning')).toEqual([
      'Post step: the saved state names another Harness gateway; it is ignored.'
    ])
  })

  it('registers every secret as main does, and takes a prefixed harness-url main accepted', async () => {
    const inputs = {
      ...waitInputs(emulator, { 'harness-url': `${emulator.url}/gratis` }),
      'github-token': FAKE_GITHUB_TOKEN
    }
    const run = await main(inputs, async cancel => {
      await emulator.waitForRequest(r => r.route === 'execution' && r.path.startsWith('/gratis'))
      emulator.fault('abort', [{ status: 500, body: 'oops' }])
      cancel()
    })
    expect(run.record.state.done).toBeUndefined()
    const { record } = await post(inputs, run.record.state)
    expect(record.masked).toEqual(
      expect.arrayContaining([API_KEY, WEBHOOK_TOKEN, FAKE_GITHUB_TOKEN])
    )
    const aborts = emulator.requestsTo('abort')
    expect(aborts.at(-1)?.path).toMatch(/^\/gratis\/gateway\//)
    expect(linesOf(record, 'warning')).toEqual([])
  })
})
