/**
 * `wait: true`, end to end: `node dist/index.js` as the runner runs it, following the emulated
 * event and execution over real HTTP, with short intervals.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  identifierInputs,
  runAction,
  startEmulator,
  type ActionResult,
  type Emulator,
  type WorldOptions
} from './helpers/index.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

function waitInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...identifierInputs(emulator),
    image: 'ghcr.io/acme/api:1.4.2',
    wait: 'true',
    'poll-interval': '100ms',
    timeout: '20s',
    ...extra
  }
}

function world(options: WorldOptions): void {
  emulator.reset(options)
}

const errorsOf = (result: ActionResult) =>
  result.commands.filter(c => c.name === 'error').map(c => c.message)
const noticesOf = (result: ActionResult) =>
  result.commands.filter(c => c.name === 'notice').map(c => c.message)

describe('waiting for the deployment', () => {
  it('follows pending reads, then the execution, to Success', async () => {
    world({
      event: { pendingReads: 2 },
      execution: { statuses: ['Running', 'Running', 'Success'] }
    })
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(errorsOf(result)).toEqual([])
    expect(result.exitCode).toBe(0)
    const [execution] = emulator.executions
    expect(result.outputs).toMatchObject({
      webhookStatus: 'TARGET_EXECUTION_REQUESTED',
      executionId: execution.planExecutionId,
      status: 'Success'
    })
    expect(result.outputs.executionUrl).toContain(
      `/executions/${execution.planExecutionId}/pipeline`
    )
    expect(result.stdout).toMatch(/Pipeline execution ended with Success/)
    expect(emulator.requestsTo('processingDetails').length).toBeGreaterThanOrEqual(3)
    expect(emulator.requestsTo('eventDetails')).toHaveLength(0)
    expect(emulator.requestsTo('webhook')).toHaveLength(1)
    expect(result.summary).toMatch(/Success/)
    // Nothing is left for the post phase once the main phase saw the end.
    expect(result.state.done).toBe('true')
  })

  it('fails the step when the pipeline fails, with the status output written', async () => {
    world({
      execution: { statuses: ['Running', 'Failed'], failureMessage: 'Deployment to prod failed' }
    })
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('Failed')
    expect(result.outputs.executionId).toBe(emulator.executions[0].planExecutionId)
    expect(errorsOf(result)[0]).toMatch(/Failed.*Deployment to prod failed/)
  })

  it('fails fast when the payload condition did not match, without reading any execution', async () => {
    const base = emulator.world.triggers[0]
    world({
      triggers: [
        {
          ...base,
          payloadConditions: [{ key: 'image', operator: 'Equals', value: 'ghcr.io/acme/other' }]
        }
      ]
    })
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)[0]).toMatch(/NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS/)
    expect(result.outputs.webhookStatus).toBe('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS')
    expect(emulator.requestsTo('execution')).toHaveLength(0)
    expect(result.durationMs).toBeLessThan(8000)
  })

  it('sees through a stuck QUEUED by reading the event history', async () => {
    world({ event: { stuckQueued: true } })
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(errorsOf(result)).toEqual([])
    expect(result.outputs.status).toBe('Success')
    expect(emulator.requestsTo('eventHistory').length).toBeGreaterThanOrEqual(1)
  })

  it('falls back to the V2, then the v1 details route on older Harness, once each', async () => {
    world({ event: { processingDetailsAvailable: false, pendingReads: 1 } })
    const withV2 = await runAction({ emulator, inputs: waitInputs() })
    expect(errorsOf(withV2)).toEqual([])
    expect(withV2.outputs.status).toBe('Success')
    expect(emulator.requestsTo('processingDetails')).toHaveLength(1)
    expect(emulator.requests.some(r => r.path.includes('/triggerExecutionDetailsV2/'))).toBe(true)

    world({ event: { processingDetailsAvailable: false, v2Available: false, pendingReads: 1 } })
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(errorsOf(result)).toEqual([])
    expect(result.outputs.status).toBe('Success')
    const reads = emulator.requests.filter(
      r => r.route === 'processingDetails' || r.route === 'eventDetails'
    )
    expect(reads.slice(0, 2).map(r => r.path.split('/').slice(-2).join('/'))).toEqual([
      'webhook/triggerProcessingDetails',
      `triggerExecutionDetailsV2/${emulator.events[0].id}`
    ])
    expect(reads.slice(2).every(r => r.path.includes('/triggerExecutionDetails/'))).toBe(true)
    expect(reads.length).toBeGreaterThanOrEqual(4)
  })

  it('rides out 500s, 502s and connection resets while polling', async () => {
    world({ execution: { statuses: ['Running', 'Running', 'Running', 'Success'] } })
    emulator.fault('processingDetails', [{ status: 502, body: 'Bad Gateway' }, { reset: true }])
    emulator.fault('execution', [
      { status: 500, body: { status: 'ERROR', code: 'UNKNOWN_ERROR', message: 'oops' } },
      { reset: true },
      { status: 429, body: 'slow down' }
    ])
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(errorsOf(result)).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('Success')
    expect(emulator.pendingFaults('execution')).toBe(0)
    expect(emulator.pendingFaults('processingDetails')).toBe(0)
  })

  it('announces an approval once, with the link, then succeeds', async () => {
    world({
      execution: {
        statuses: [
          'Running',
          'ApprovalWaiting',
          'ApprovalWaiting',
          'ApprovalWaiting',
          'Running',
          'Success'
        ]
      }
    })
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(result.exitCode).toBe(0)
    const approvals = noticesOf(result).filter(n => /approval/i.test(n))
    expect(approvals).toHaveLength(1)
    expect(approvals[0]).toContain(`/executions/${emulator.executions[0].planExecutionId}/`)
  })

  it('logs each stage as it moves, not each poll', async () => {
    world({
      execution: {
        statuses: ['Running', 'Running', 'Running', 'Running', 'Success'],
        stages: [
          { name: 'Build', statuses: ['Running', 'Success', 'Success', 'Success', 'Success'] },
          {
            name: 'Deploy to prod',
            statuses: ['NotStarted', 'Running', 'Running', 'Running', 'Success']
          }
        ]
      }
    })
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(result.exitCode).toBe(0)
    const stageLines = result.stdout
      .split('\n')
      .filter(line => line.includes('Stage "Deploy to prod"'))
    expect(stageLines).toHaveLength(2)
    expect(stageLines[1]).toMatch(/Success/)
  })

  it('times out in time, says where the execution stands, and leaves it running by default', async () => {
    world({ execution: { statuses: ['Running'] } })
    const result = await runAction({ emulator, inputs: waitInputs({ timeout: '2s' }) })
    expect(result.exitCode).toBe(1)
    expect(result.durationMs).toBeLessThan(6000)
    expect(result.outputs.status).toBe('Running')
    expect(errorsOf(result)[0]).toMatch(/Running/)
    expect(errorsOf(result)[0]).toContain(emulator.executions[0].planExecutionId)
    expect(emulator.requestsTo('abort')).toHaveLength(0)
  })

  it('aborts the execution at the timeout with abort-on-timeout', async () => {
    world({ execution: { statuses: ['Running'] } })
    const result = await runAction({
      emulator,
      inputs: waitInputs({ timeout: '2s', 'abort-on-timeout': 'true' })
    })
    expect(result.exitCode).toBe(1)
    const aborts = emulator.requestsTo('abort')
    expect(aborts).toHaveLength(1)
    expect(aborts[0].query.interruptType).toBe('AbortAll')
    expect(aborts[0].path).toContain(emulator.executions[0].planExecutionId)
  })

  it('never sends the key to a foreign apiUrl origin', async () => {
    const foreign = await startEmulator()
    try {
      world({ urls: { apiUrlOrigin: foreign.url } })
      const result = await runAction({ emulator, inputs: waitInputs() })
      expect(result.exitCode).toBe(0)
      expect(result.outputs.apiUrl.startsWith(foreign.url)).toBe(true)
      expect(foreign.requests).toHaveLength(0)
    } finally {
      await foreign.close()
    }
  })
})

describe('cancellation', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while the execution runs: the abort reaches Harness before the process exits`, async () => {
      world({ execution: { statuses: ['Running'] } })
      const result = await runAction({
        emulator,
        inputs: waitInputs(),
        signal: { name: signal, whenRequest: 'execution', afterMs: 200 }
      })
      const aborts = emulator.requestsTo('abort')
      expect(aborts).toHaveLength(1)
      expect(aborts[0].path).toContain(emulator.executions[0].planExecutionId)
      expect(result.exitCode).toBe(1)
      expect(result.durationMs).toBeLessThan(7500)
      expect(result.outputs.executionId).toBe(emulator.executions[0].planExecutionId)
      expect(result.state.done).toBe('true')
    })
  }

  it('SIGINT while the event is still pending aborts the execution it started meanwhile', async () => {
    // The first read says pending; Harness starts the execution while the action sleeps.
    world({ event: { pendingReads: 1 }, execution: { statuses: ['Running'] } })
    const result = await runAction({
      emulator,
      inputs: waitInputs({ 'poll-interval': '5s' }),
      signal: { name: 'SIGINT', whenRequest: 'processingDetails', afterMs: 100 }
    })
    expect(result.exitCode).toBe(1)
    expect(result.durationMs).toBeLessThan(7500)
    expect(emulator.requestsTo('execution')).toHaveLength(0)
    const aborts = emulator.requestsTo('abort')
    expect(aborts).toHaveLength(1)
    expect(aborts[0].path).toContain(emulator.executions[0].planExecutionId)
  })

  it('abort-on-cancel: false leaves the execution alone', async () => {
    world({ execution: { statuses: ['Running'] } })
    const result = await runAction({
      emulator,
      inputs: waitInputs({ 'abort-on-cancel': 'false' }),
      signal: { name: 'SIGINT', whenRequest: 'execution', afterMs: 200 }
    })
    expect(result.exitCode).toBe(1)
    expect(emulator.requestsTo('abort')).toHaveLength(0)
  })

  it('the post phase aborts an execution the main phase did not see finish', async () => {
    world({ execution: { statuses: ['Running'] } })
    // The main phase, killed hard while it watched: what it had saved is what post gets.
    const main = await runAction({
      emulator,
      inputs: waitInputs({ timeout: '60s' }),
      timeoutMs: 2500,
      allowTimeout: true
    })
    expect(main.timedOut).toBe(true)
    expect(emulator.requestsTo('abort')).toHaveLength(0)
    const id = emulator.executions[0].planExecutionId
    expect(main.state.executionId).toBe(id)
    expect(main.state.done).toBeUndefined()
    expect(JSON.parse(main.state.watched)).toMatchObject({
      eventId: emulator.events[0].id,
      gateway: `${emulator.url}/gateway`
    })

    const post = await runAction({
      emulator,
      inputs: waitInputs(),
      phase: 'post',
      state: main.state
    })
    expect(post.exitCode).toBe(0)
    const aborts = emulator.requestsTo('abort')
    expect(aborts).toHaveLength(1)
    expect(aborts[0].path).toContain(id)
    expect(aborts[0].headers['x-api-key']).toBe(identifierInputs(emulator)['api-key'])
  })

  it('the post phase does nothing after a main phase that saw the end', async () => {
    const main = await runAction({ emulator, inputs: waitInputs() })
    expect(main.exitCode).toBe(0)
    const before = emulator.requests.length
    const post = await runAction({
      emulator,
      inputs: waitInputs(),
      phase: 'post',
      state: main.state
    })
    expect(post.exitCode).toBe(0)
    expect(emulator.requests).toHaveLength(before)
  })

  it('a failed abort in the post phase is a warning, not a failure', async () => {
    const watched = JSON.stringify({
      gateway: `${emulator.url}/gateway`,
      accountId: identifierInputs(emulator)['account-id'],
      orgId: identifierInputs(emulator)['org-id'],
      projectId: identifierInputs(emulator)['project-id'],
      eventId: 'doesNotExist000000000000'
    })
    const post = await runAction({
      emulator,
      inputs: waitInputs(),
      phase: 'post',
      state: { watched, executionId: 'doesNotExist0000000000' }
    })
    expect(post.exitCode).toBe(0)
    expect(post.commands.some(c => c.name === 'warning')).toBe(true)
  })
})
