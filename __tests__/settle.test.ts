/** The abort policy (core/settle.ts) with a fake client: what is aborted, when, and what is said. */
import { describe, expect, it } from '@jest/globals'
import {
  SETTLE_ABORT_TIMEOUT_MS,
  SETTLE_LOOK_BUDGET_MS,
  LOOK_AGAIN_PAUSE_MS,
  findAndAbort,
  settle,
  settledResult,
  type SettleRequest
} from '../src/core/settle.js'
import type { WaitOutcome, WaitResult } from '../src/core/wait.js'
import { HarnessApiError, type CallOptions, type EventDetails } from '../src/harness/client.js'
import { normalizeHarnessUrl } from '../src/harness/urls.js'

const ids = {
  accountId: 'acc',
  orgId: 'default',
  projectId: 'payments',
  pipelineId: 'deploy',
  triggerId: 'gha'
}
const endpoint = normalizeHarnessUrl('https://app.harness.io')

function waitResult(outcome: WaitOutcome, executionId?: string): WaitResult {
  return { outcome, executionId, message: `ended: ${outcome}.`, startedAt: 0, endedAt: 1 }
}

function fakeClient(
  options: { details?: EventDetails | Error; looks?: EventDetails[]; abort?: Error[] } = {}
) {
  const calls: Array<{ what: string; id: string; call?: CallOptions }> = []
  const abortErrors = [...(options.abort ?? [])]
  const looks = [...(options.looks ?? [])]
  return {
    calls,
    client: {
      getEventDetails: async (_account: string, id: string, call?: CallOptions) => {
        calls.push({ what: 'look', id, call })
        const next = looks.shift()
        if (next) return next
        if (options.details instanceof Error) throw options.details
        return options.details ?? { pending: true }
      },
      getEventHistory: async (_account: string, id: string, call?: CallOptions) => {
        calls.push({ what: 'history', id, call })
        return [{ finalStatus: 'TARGET_EXECUTION_REQUESTED', planExecutionId: 'fromHistory' }]
      },
      abortExecution: async (_scope: unknown, id: string, call?: CallOptions) => {
        calls.push({ what: 'abort', id, call })
        const error = abortErrors.shift()
        if (error) throw error
        return 'aborted' as const
      }
    }
  }
}

function request(result: WaitResult, flags: Partial<SettleRequest> = {}): SettleRequest {
  return {
    result,
    eventId: 'event1',
    endpoint,
    ids,
    abortOnCancel: true,
    abortOnTimeout: false,
    ...flags
  }
}

describe('settle: the abort policy', () => {
  it.each([
    ['passed', {}, false],
    ['failed', {}, false],
    ['never-started', {}, false],
    ['event-pending', {}, false],
    ['timeout', {}, false],
    ['timeout', { abortOnTimeout: true }, true],
    ['cancelled', {}, true],
    ['cancelled', { abortOnCancel: false }, false]
  ] as const)('%s with %j: abort sent = %s', async (outcome, flags, sent) => {
    const { client, calls } = fakeClient()
    const settlement = await settle(request(waitResult(outcome, 'exec1'), flags), client)
    expect(settlement.abortSent).toBe(sent)
    expect(calls.map(call => call.what)).toEqual(sent ? ['abort'] : [])
    expect(settlement.done).toBe(true)
    expect(calls.map(call => call.call)).toEqual(
      sent ? [{ timeoutMs: SETTLE_ABORT_TIMEOUT_MS }] : []
    )
  })

  it('cancelled before the execution was known: one look, with a short deadline and no signal, then the abort', async () => {
    const { client, calls } = fakeClient({
      details: { pending: false, status: 'TARGET_EXECUTION_REQUESTED', pipelineExecutionId: 'x9' }
    })
    const settlement = await settle(request(waitResult('cancelled')), client)
    expect(calls.map(call => [call.what, call.id])).toEqual([
      ['look', 'event1'],
      ['abort', 'x9']
    ])
    expect(calls[0].call?.signal).toBeUndefined()
    expect(calls[0].call?.timeoutMs).toBeLessThanOrEqual(SETTLE_LOOK_BUDGET_MS)
    expect(settlement).toMatchObject({ executionId: 'x9', looked: true, abortAccepted: true })
    const result = settledResult(request(waitResult('cancelled')), settlement)
    expect(result.executionId).toBe('x9')
    expect(result.executionUrl).toContain('/executions/x9/pipeline')
    expect(result.message).toBe('ended: cancelled. The abort was sent and Harness accepted it.')
  })

  it('a look behind a stuck QUEUED reads the history', async () => {
    const { client, calls } = fakeClient({
      details: { pending: true, status: 'QUEUED', warningMsg: 'There are multiple trigger events' }
    })
    const settlement = await settle(request(waitResult('cancelled')), client)
    expect(calls.map(call => call.what)).toEqual(['look', 'history', 'abort'])
    expect(settlement.executionId).toBe('fromHistory')
  })

  it('an event still pending: no abort, and not done (a later clean-up looks again)', async () => {
    const { client } = fakeClient({ details: { pending: true } })
    const settlement = await settle(request(waitResult('cancelled')), client)
    expect(settlement).toMatchObject({ abortSent: false, done: false })
    expect(settlement.note).toMatch(/may still start an execution/)
  })

  it('an event that ended without an execution: nothing to abort, done', async () => {
    const { client } = fakeClient({
      details: { pending: false, status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS' }
    })
    const settlement = await settle(request(waitResult('cancelled')), client)
    expect(settlement).toMatchObject({ abortSent: false, done: true })
  })

  it('a failed abort is reported, not thrown, and leaves the execution to a later clean-up', async () => {
    const { client } = fakeClient({
      abort: [new HarnessApiError('HTTP 500 oops', 500, undefined, true)]
    })
    const settlement = await settle(request(waitResult('cancelled', 'exec1')), client)
    expect(settlement).toMatchObject({ abortSent: true, abortAccepted: false, done: false })
    expect(settlement.note).toMatch(/abort was sent but failed \(HTTP 500 oops\)/)
  })

  it('findAndAbort tries again after passing trouble when asked, not after a refusal', async () => {
    const passing = fakeClient({ abort: [new HarnessApiError('busy', 503, undefined, true)] })
    const twice = await findAndAbort(
      { eventId: 'e', scope: ids, executionId: 'x' },
      passing.client,
      {
        abortAttempts: 2
      }
    )
    expect(twice.abortAccepted).toBe(true)
    expect(passing.calls.map(call => call.what)).toEqual(['abort', 'abort'])

    const refused = fakeClient({ abort: [new HarnessApiError('denied', 403, undefined, false)] })
    const once = await findAndAbort(
      { eventId: 'e', scope: ids, executionId: 'x' },
      refused.client,
      {
        abortAttempts: 2
      }
    )
    expect(once.abortAccepted).toBe(false)
    expect(refused.calls).toHaveLength(1)
  })

  it('findAndAbort looks again at a pending event when asked, and aborts what it started', async () => {
    const { client, calls } = fakeClient({
      looks: [
        { pending: true },
        { pending: true },
        { pending: false, pipelineExecutionId: 'late1' }
      ]
    })
    const pauses: number[] = []
    const report = await findAndAbort({ eventId: 'e', scope: ids }, client, {
      lookAttempts: 3,
      sleep: async ms => void pauses.push(ms)
    })
    expect(calls.map(call => call.what)).toEqual(['look', 'look', 'look', 'abort'])
    expect(pauses).toEqual([LOOK_AGAIN_PAUSE_MS, LOOK_AGAIN_PAUSE_MS])
    expect(report).toMatchObject({ executionId: 'late1', abortAccepted: true, done: true })
  })

  it('findAndAbort stops looking once the event ended without an execution, and gives up when it stays pending', async () => {
    const ended = fakeClient({
      looks: [
        { pending: true },
        { pending: false, status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS' }
      ]
    })
    const endedReport = await findAndAbort({ eventId: 'e', scope: ids }, ended.client, {
      lookAttempts: 3,
      sleep: async () => undefined
    })
    expect(ended.calls.map(call => call.what)).toEqual(['look', 'look'])
    expect(endedReport).toMatchObject({ abortSent: false, done: true })

    const pending = fakeClient({ details: { pending: true } })
    const pendingReport = await findAndAbort({ eventId: 'e', scope: ids }, pending.client, {
      lookAttempts: 3,
      sleep: async () => undefined
    })
    expect(pending.calls.map(call => call.what)).toEqual(['look', 'look', 'look'])
    expect(pendingReport).toMatchObject({ abortSent: false, done: false })
    expect(pendingReport.lookProblem).toMatch(/not processed the trigger event yet/)
  })
})
