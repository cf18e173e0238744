import { describe, it, expect } from '@jest/globals'
import {
  BUILT_URL,
  EXECUTION_ID,
  START,
  connectionReset,
  execution,
  linesAt,
  notFound,
  notProcessed,
  queued,
  readsOf,
  runWait,
  serverError,
  stage,
  started,
  tooManyRequests,
  unauthorized
} from './wait-fakes.js'

const MINUTE = 60_000
const stuckQueued = {
  ...queued,
  warningMsg:
    'There are multiple trigger events generated from this eventId. This response contains only one of them.'
}

describe('waitForPipeline: the trigger event', () => {
  it('follows a pending event to its execution and that to Success', async () => {
    const run = await runWait({
      details: [queued, queued, started],
      executions: [execution('Running'), execution('Success', { startTs: 1_000, endTs: 96_000 })]
    })

    expect(run.result).toMatchObject({
      outcome: 'passed',
      webhookStatus: 'TARGET_EXECUTION_REQUESTED',
      executionId: EXECUTION_ID,
      executionUrl: BUILT_URL,
      status: 'Success',
      startedAt: START
    })
    expect(run.result.message).toBe(`Pipeline execution ended with Success in 1m 35s: ${BUILT_URL}`)
    // 2 s and 4 s while pending, then the execution is read at once and every 10 s after that.
    expect(run.sleeps).toEqual([2_000, 4_000, 10_000])
    expect(run.result.endedAt - run.result.startedAt).toBe(16_000)
    expect(run.result.execution?.status).toBe('Success')
  })

  it('announces the execution once, before reading it', async () => {
    const run = await runWait({
      details: [started],
      executions: [execution('Running'), execution('Running'), execution('Success')]
    })
    expect(run.started).toEqual([
      {
        webhookStatus: 'TARGET_EXECUTION_REQUESTED',
        executionId: EXECUTION_ID,
        executionUrl: BUILT_URL
      }
    ])
    expect(run.timeline.slice(0, 3)).toEqual(['getEventDetails', 'started', 'getExecution'])
  })

  it('polls a pending event fast at first, doubling up to the poll interval', async () => {
    const run = await runWait({
      details: [queued, queued, queued, queued, queued, queued, started],
      executions: [execution('Success')]
    })
    expect(run.sleeps).toEqual([2_000, 4_000, 8_000, 10_000, 10_000, 10_000])
  })

  it('never polls faster than a poll interval shorter than the fast start', async () => {
    const run = await runWait(
      { details: [queued, queued, queued, started], executions: [execution('Success')] },
      { request: { pollIntervalMs: 500 } }
    )
    expect(run.sleeps).toEqual([500, 500, 500])
  })

  it('treats "history doesn\'t exist" (v1, no status yet) as pending', async () => {
    const run = await runWait({
      details: [notProcessed, notProcessed, started],
      executions: [execution('Success')]
    })
    expect(run.result.outcome).toBe('passed')
    expect(readsOf(run, 'getEventDetails')).toHaveLength(3)
    expect(linesAt(run, 'info')).toContain('Trigger event: not processed by Harness yet')
  })

  it('logs each event status once, not once per poll', async () => {
    const run = await runWait({
      details: [queued, queued, queued, started],
      executions: [execution('Success')]
    })
    const eventLines = linesAt(run, 'info').filter(line => line.startsWith('Trigger event'))
    expect(eventLines).toEqual([
      'Trigger event: QUEUED',
      'Trigger event: TARGET_EXECUTION_REQUESTED'
    ])
  })

  it('fails at once, without reading an execution, when the event ends without starting one', async () => {
    const run = await runWait({
      details: [
        queued,
        {
          pending: false,
          status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
          message: 'No trigger matched the payload conditions'
        }
      ]
    })
    expect(run.result.outcome).toBe('never-started')
    expect(run.result.webhookStatus).toBe('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS')
    expect(run.result.executionId).toBeUndefined()
    expect(run.result.message).toContain('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS')
    expect(run.result.message).toContain('No trigger matched the payload conditions')
    expect(run.result.message).toContain('literal text')
    expect(readsOf(run, 'getExecution')).toHaveLength(0)
    expect(run.started).toHaveLength(0)
    expect(run.sleeps).toEqual([2_000])
  })

  it('counts TARGET_EXECUTION_REQUESTED without an execution id as not started', async () => {
    const run = await runWait({
      details: [{ pending: false, status: 'TARGET_EXECUTION_REQUESTED' }]
    })
    expect(run.result.outcome).toBe('never-started')
    expect(run.result.message).toContain('no execution id')
    expect(readsOf(run, 'getExecution')).toHaveLength(0)
  })

  it('uses the server-side execution link when Harness gives one', async () => {
    const serverUrl =
      'https://app.harness.io/ng/account/ACC/all/orgs/default/projects/Shop/pipelines/deploy/executions/exec_1/pipeline'
    const run = await runWait({
      details: [{ ...started, executionUrl: serverUrl }],
      executions: [execution('Success')]
    })
    expect(run.started[0].executionUrl).toBe(serverUrl)
    expect(run.result.executionUrl).toBe(serverUrl)
  })

  it("builds the link with the execution's module, skipping pms", async () => {
    const run = await runWait({
      details: [started],
      executions: [execution('Success', { modules: ['pms', 'ci'] })]
    })
    expect(run.result.executionUrl).toBe(BUILT_URL.replace('/cd/', '/ci/'))
  })
})

describe('waitForPipeline: the stuck-QUEUED trap', () => {
  it('takes the newest non-QUEUED history record when the details carry a warning', async () => {
    const run = await runWait({
      details: [stuckQueued],
      history: [
        [
          { finalStatus: 'QUEUED' },
          {
            finalStatus: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
            message: 'payload did not match'
          },
          { finalStatus: 'TARGET_EXECUTION_REQUESTED', planExecutionId: 'older' }
        ]
      ]
    })
    expect(run.result.outcome).toBe('never-started')
    expect(run.result.webhookStatus).toBe('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS')
    expect(run.result.message).toContain('payload did not match')
    expect(readsOf(run, 'getExecution')).toHaveLength(0)
  })

  it("takes Harness's order (newest first; the records have no createdAt)", async () => {
    const run = await runWait({
      details: [stuckQueued],
      history: [
        [
          { finalStatus: 'TARGET_EXECUTION_REQUESTED', planExecutionId: EXECUTION_ID },
          { finalStatus: 'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS' }
        ]
      ],
      executions: [execution('Success')]
    })
    expect(run.result.outcome).toBe('passed')
    expect(run.result.executionId).toBe(EXECUTION_ID)
  })

  it('keeps waiting while the history has nothing past QUEUED either', async () => {
    const run = await runWait({
      details: [stuckQueued, stuckQueued, started],
      history: [[{ finalStatus: 'QUEUED' }]],
      executions: [execution('Success')]
    })
    expect(run.result.outcome).toBe('passed')
    expect(readsOf(run, 'getEventHistory')).toHaveLength(2)
  })

  it('does not read the history for a plain QUEUED event', async () => {
    const run = await runWait({
      details: [queued, queued, started],
      executions: [execution('Success')]
    })
    expect(readsOf(run, 'getEventHistory')).toHaveLength(0)
  })

  it('keeps waiting when the history cannot be read, warning once', async () => {
    const run = await runWait({
      details: [stuckQueued, stuckQueued, stuckQueued, started],
      history: [unauthorized()],
      executions: [execution('Success')]
    })
    expect(run.result.outcome).toBe('passed')
    const warnings = linesAt(run, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('history')
  })
})

describe('waitForPipeline: an event that stays pending', () => {
  it('fails after 5 minutes naming the usual causes', async () => {
    const run = await runWait({ details: [queued], history: [[]] })

    expect(run.result.outcome).toBe('event-pending')
    expect(run.result.webhookStatus).toBe('QUEUED')
    expect(run.result.endedAt - run.result.startedAt).toBe(5 * MINUTE)
    expect(run.result.message).toContain('after 5m')
    expect(run.result.message).toContain('<+trigger.payload.')
    expect(run.result.message).toContain('"branch"')
    expect(run.result.message).toContain('disabled trigger')
    // the last sleep is cut to land on the limit, and no read comes after it but one last look
    expect(run.sleeps.reduce((a, b) => a + b, 0)).toBe(5 * MINUTE)
    expect(readsOf(run, 'getEventHistory')).toHaveLength(1)
    expect(readsOf(run, 'getExecution')).toHaveLength(0)
  })

  it('fails at the timeout when that comes before the pending limit', async () => {
    const run = await runWait(
      { details: [queued], history: [[]] },
      { request: { timeoutMs: MINUTE } }
    )
    expect(run.result.outcome).toBe('event-pending')
    expect(run.result.endedAt - run.result.startedAt).toBe(MINUTE)
    expect(run.result.message).toContain('timeout of 1m')
  })

  it('honours a custom pending limit', async () => {
    const run = await runWait(
      { details: [notProcessed], history: [[]] },
      { request: { eventPendingLimitMs: 90_000 } }
    )
    expect(run.result.outcome).toBe('event-pending')
    expect(run.result.endedAt - run.result.startedAt).toBe(90_000)
    expect(run.result.message).toContain('unprocessed')
  })

  it('follows the execution when the last look at the history finds it started', async () => {
    const run = await runWait({
      details: [queued],
      history: [[{ finalStatus: 'TARGET_EXECUTION_REQUESTED', planExecutionId: EXECUTION_ID }]],
      executions: [execution('Running'), execution('Success')]
    })
    expect(run.result.outcome).toBe('passed')
    expect(run.result.endedAt - run.result.startedAt).toBe(5 * MINUTE + 10_000)
  })
})

describe('waitForPipeline: the execution', () => {
  it('returns as soon as the terminal status is read, with no sleep after it', async () => {
    const run = await runWait({
      details: [started],
      executions: [execution('Running'), execution('Running'), execution('Failed')]
    })
    expect(run.sleeps).toEqual([10_000, 10_000])
    expect(run.timeline.at(-1)).toBe('getExecution')
  })

  it('fails on a failed execution with its failure message and link', async () => {
    const run = await runWait({
      details: [started],
      executions: [
        execution('Failed', {
          startTs: 1_000,
          endTs: 31_000,
          failureMessage: 'Shell Script failed:\n exit status 1'
        })
      ]
    })
    expect(run.result.outcome).toBe('failed')
    expect(run.result.status).toBe('Failed')
    expect(run.result.message).toBe(
      `Pipeline execution ended with Failed after 30s: Shell Script failed: exit status 1 (${BUILT_URL})`
    )
  })

  it.each(['PassedWithWarning', 'IgnoreFailed'])('passes on %s', async status => {
    const run = await runWait({ details: [started], executions: [execution(status)] })
    expect(run.result.outcome).toBe('passed')
  })

  it.each(['Aborted', 'Expired', 'ApprovalRejected', 'Errored'])('fails on %s', async status => {
    const run = await runWait({ details: [started], executions: [execution(status)] })
    expect(run.result.outcome).toBe('failed')
    expect(run.result.status).toBe(status)
  })

  it('keeps waiting through a status it has never seen', async () => {
    const run = await runWait({
      details: [started],
      executions: [execution('SomethingNew'), execution('SomethingNew'), execution('Success')]
    })
    expect(run.result.outcome).toBe('passed')
    expect(readsOf(run, 'getExecution')).toHaveLength(3)
  })

  it('logs the pipeline status only when it changes', async () => {
    const run = await runWait({
      details: [started],
      executions: [
        execution('Queued'),
        execution('Running'),
        execution('Running'),
        execution('Running'),
        execution('Success')
      ]
    })
    const statusLines = linesAt(run, 'info').filter(line => line.startsWith('Pipeline execution:'))
    expect(statusLines).toEqual(['Pipeline execution: Queued', 'Pipeline execution: Running'])
    // The final status is the front end's last line (result.message), said once.
    expect(run.result.message).toMatch(/^Pipeline execution ended with Success/)
  })

  it('announces a wait for approval once, as a notice with the link', async () => {
    const run = await runWait({
      details: [started],
      executions: [
        execution('Running'),
        execution('ApprovalWaiting'),
        execution('ApprovalWaiting'),
        execution('ApprovalWaiting'),
        execution('Running'),
        execution('Success')
      ]
    })
    expect(linesAt(run, 'notice')).toEqual([
      `The pipeline is waiting for an approval (ApprovalWaiting): ${BUILT_URL}`
    ])
    expect(run.result.outcome).toBe('passed')
  })

  it('announces again when the pipeline comes to wait for a person again', async () => {
    const run = await runWait({
      details: [started],
      executions: [
        execution('ApprovalWaiting'),
        execution('Running'),
        execution('InterventionWaiting'),
        execution('Aborted')
      ]
    })
    const notices = linesAt(run, 'notice')
    expect(notices).toHaveLength(2)
    expect(notices[1]).toContain('manual intervention')
  })

  it('logs one line per stage status change, with durations and failure messages', async () => {
    const build = (status: string, extra = {}) =>
      stage('Build', status, { startTs: 1_000, ...extra })
    const deploy = (status: string, extra = {}) =>
      stage('Deploy to prod', status, { startTs: 50_000, ...extra })
    const run = await runWait({
      details: [started],
      executions: [
        execution('Running', { stages: [build('Running'), deploy('NotStarted')] }),
        execution('Running', { stages: [build('Running'), deploy('NotStarted')] }),
        execution('Running', {
          stages: [build('Success', { endTs: 73_000 }), deploy('Running')]
        }),
        execution('Running', {
          stages: [build('Success', { endTs: 73_000 }), deploy('Running')]
        }),
        execution('Failed', {
          stages: [
            build('Success', { endTs: 73_000 }),
            deploy('Failed', { endTs: 80_000, failureMessage: 'kubectl rollout timed out' })
          ]
        })
      ]
    })
    const stageLines = linesAt(run, 'info').filter(line => line.startsWith('Stage '))
    expect(stageLines).toEqual([
      'Stage "Build": Running',
      'Stage "Build": Success in 1m 12s',
      'Stage "Deploy to prod": Running',
      'Stage "Deploy to prod": Failed after 30s: kubectl rollout timed out'
    ])
    // the pipeline's own final line is the result's message, not a second status line
    expect(linesAt(run, 'info')).not.toContain('Pipeline execution: Failed')
  })

  it('stays within about 7 reads a minute for a 10-minute run with the defaults', async () => {
    const run = await runWait({
      details: [started],
      executionAt: elapsed => execution(elapsed < 10 * MINUTE ? 'Running' : 'Success')
    })
    expect(run.result.outcome).toBe('passed')
    const times = run.reads.map(read => read.at)
    for (const at of times) {
      const inWindow = times.filter(other => other >= at && other < at + MINUTE)
      expect(inWindow.length).toBeLessThanOrEqual(7)
    }
    expect(readsOf(run, 'getExecution').length).toBeLessThanOrEqual(62)
  })
})

describe('waitForPipeline: read errors', () => {
  it('retries 500, 429 and network errors with growing waits, warning once', async () => {
    const run = await runWait({
      details: [serverError(), tooManyRequests(), connectionReset(), started],
      executions: [execution('Success')]
    })
    expect(run.result.outcome).toBe('passed')
    // usual 2 s doubled per failure, with equal jitter at 0.5: 0.75 × ceiling
    expect(run.sleeps).toEqual([3_000, 6_000, 12_000])
    const warnings = linesAt(run, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('Harness had an internal error (HTTP 500)')
    const debug = linesAt(run, 'debug')
    expect(debug.some(line => line.includes('Too many requests (HTTP 429)'))).toBe(true)
    expect(debug.some(line => line.includes('was reset'))).toBe(true)
    expect(linesAt(run, 'info')).toContain('Read the trigger event again after 3 failed reads.')
  })

  it('backs off no further than 60 s and fails only at the timeout', async () => {
    const run = await runWait(
      { details: [started], executions: [execution('Running'), serverError()] },
      { request: { timeoutMs: 10 * MINUTE }, random: () => 1 }
    )
    expect(run.result.outcome).toBe('timeout')
    expect(run.result.endedAt - run.result.startedAt).toBe(10 * MINUTE)
    expect(Math.max(...run.sleeps)).toBe(60_000)
    expect(run.sleeps.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 60_000])
    expect(run.result.status).toBe('Running')
    expect(run.result.message).toContain('still Running')
    expect(linesAt(run, 'warning')).toHaveLength(1)
  })

  it('says so when the timeout comes before the execution could be read', async () => {
    const run = await runWait(
      { details: [started], executions: [serverError()] },
      { request: { timeoutMs: MINUTE } }
    )
    expect(run.result.outcome).toBe('timeout')
    expect(run.result.status).toBeUndefined()
    expect(run.result.message).toBe(
      `Timed out after 1m before Harness reported the execution's status (last error: Harness had an internal error (HTTP 500)): ${BUILT_URL}`
    )
  })

  it('says so when the timeout comes before any answer about the event', async () => {
    const run = await runWait(
      { details: [connectionReset()] },
      { request: { timeoutMs: 2 * MINUTE } }
    )
    expect(run.result.outcome).toBe('timeout')
    expect(run.result.endedAt - run.result.startedAt).toBe(2 * MINUTE)
    expect(run.result.message).toContain('before Harness said what became of the trigger event')
    expect(run.result.message).toContain('was reset')
  })

  it("fails at once on 401, with Harness's message", async () => {
    const run = await runWait({ details: [unauthorized()] })
    expect(run.result.outcome).toBe('failed')
    expect(run.result.status).toBeUndefined()
    expect(run.result.message).toBe(
      'Could not read the trigger event: Invalid token or token expired (HTTP 401)'
    )
    expect(run.reads).toHaveLength(1)
    expect(run.sleeps).toEqual([])
  })

  it('fails at once on 401 while following the execution, keeping what is known', async () => {
    const run = await runWait({
      details: [started],
      executions: [execution('Running'), unauthorized()]
    })
    expect(run.result.outcome).toBe('failed')
    expect(run.result.status).toBeUndefined()
    expect(run.result.executionId).toBe(EXECUTION_ID)
    expect(run.result.message).toBe(
      `Could not read the pipeline execution: Invalid token or token expired (HTTP 401) (last status Running): ${BUILT_URL}`
    )
  })

  it('tolerates three 404s right after the start (eventual consistency)', async () => {
    const run = await runWait({
      details: [started],
      executions: [notFound(), notFound(), notFound(), execution('Success')]
    })
    expect(run.result.outcome).toBe('passed')
    expect(run.sleeps).toEqual([2_000, 4_000, 8_000])
    expect(linesAt(run, 'warning')).toHaveLength(0)
  })

  it('fails on the fourth 404 in a row', async () => {
    const run = await runWait({ details: [started], executions: [notFound()] })
    expect(run.result.outcome).toBe('failed')
    expect(readsOf(run, 'getExecution')).toHaveLength(4)
    expect(run.result.message).toContain('HTTP 404')
    expect(run.result.executionUrl).toBe(BUILT_URL)
  })

  it('fails on a 404 once the execution has been read', async () => {
    const run = await runWait({
      details: [started],
      executions: [execution('Running'), notFound()]
    })
    expect(run.result.outcome).toBe('failed')
    expect(readsOf(run, 'getExecution')).toHaveLength(2)
  })

  it('turns an unexpected error into a failed result', async () => {
    const run = await runWait({ details: [new Error('answer was not JSON')] })
    expect(run.result.outcome).toBe('failed')
    expect(run.result.message).toContain('answer was not JSON')
  })
})

describe('waitForPipeline: timeout and cancellation', () => {
  it('times out saying where the execution stands, never sleeping past the deadline', async () => {
    const run = await runWait(
      { details: [started], executions: [execution('Running'), execution('ApprovalWaiting')] },
      { request: { timeoutMs: 65_000 } }
    )
    expect(run.result.outcome).toBe('timeout')
    expect(run.result.status).toBe('ApprovalWaiting')
    expect(run.result.message).toBe(
      `Timed out after 1m 5s: the pipeline execution is still ApprovalWaiting: ${BUILT_URL}`
    )
    expect(run.sleeps).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 5_000])
    expect(run.result.endedAt - run.result.startedAt).toBe(65_000)
  })

  it('counts the time reads take against the timeout', async () => {
    const run = await runWait(
      { details: [started], executions: [execution('Running')] },
      { request: { timeoutMs: MINUTE }, readTakesMs: 1_000 }
    )
    expect(run.result.outcome).toBe('timeout')
    expect(run.sleeps.every(ms => ms <= 10_000)).toBe(true)
    expect(run.result.endedAt - run.result.startedAt).toBeLessThanOrEqual(MINUTE + 1_000)
  })

  it('stops promptly when cancelled mid-sleep, with what is known', async () => {
    const run = await runWait(
      { details: [started], executions: [execution('Running')] },
      {
        duringSleep: (elapsed, controller) => {
          if (elapsed >= 30_000) controller.abort()
        }
      }
    )
    expect(run.result.outcome).toBe('cancelled')
    expect(run.result.executionId).toBe(EXECUTION_ID)
    expect(run.result.status).toBe('Running')
    expect(run.result.message).toBe(
      `Cancelled while waiting for the pipeline execution (last status Running): ${BUILT_URL}`
    )
    expect(run.timeline.at(-1)).toBe('sleep 10000')
    expect(run.result.endedAt - run.result.startedAt).toBe(35_000)
  })

  it('stops while the event is pending, without any further read', async () => {
    const run = await runWait(
      { details: [queued] },
      { duringSleep: (_elapsed, controller) => controller.abort() }
    )
    expect(run.result.outcome).toBe('cancelled')
    expect(run.reads).toHaveLength(1)
    expect(run.result.message).toBe(
      'Cancelled while waiting for Harness to process the trigger event.'
    )
  })

  it('reads nothing when already cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const run = await runWait(
      { details: [queued] },
      { request: { cancelSignal: controller.signal } }
    )
    expect(run.result.outcome).toBe('cancelled')
    expect(run.reads).toHaveLength(0)
  })
})
