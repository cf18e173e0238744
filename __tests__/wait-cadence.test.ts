import { describe, it, expect } from '@jest/globals'
import { execution, queued, runWait, serverError, started, tooManyRequests } from './wait-fakes.js'

// Reads keep a fixed cadence: the next one is due a poll interval after the previous one started,
// however long its answer took; a failed read's backoff still counts from its end, with jitter.
describe('waitForPipeline: the cadence of reads', () => {
  it('schedules each execution read from the start of the one before', async () => {
    const run = await runWait(
      {
        details: [started],
        executions: [execution('Running'), execution('Running'), execution('Success')]
      },
      { readTakesMs: 300 }
    )
    expect(run.result.outcome).toBe('passed')
    const executionReads = run.reads.filter(read => read.call === 'getExecution')
    const gaps = executionReads.slice(1).map((read, i) => read.at - executionReads[i].at)
    expect(gaps).toEqual([10_000, 10_000])
    expect(run.sleeps).toEqual([9_700, 9_700])
  })

  it('keeps the fast start of a pending event on the same cadence', async () => {
    const run = await runWait(
      { details: [queued, queued, started], executions: [execution('Success')] },
      { readTakesMs: 250 }
    )
    const detailReads = run.reads.filter(read => read.call === 'getEventDetails')
    expect(detailReads.map(read => read.at)).toEqual([0, 2_000, 6_000])
  })

  it('reads again at once when an answer took longer than the interval', async () => {
    const run = await runWait(
      { details: [started], executions: [execution('Running'), execution('Success')] },
      { request: { pollIntervalMs: 1_000 }, readTakesMs: 1_500 }
    )
    expect(run.result.outcome).toBe('passed')
    expect(run.sleeps).toEqual([0])
  })

  it('backs off from the end of a failed read, with jitter, then returns to the cadence', async () => {
    const run = await runWait(
      {
        details: [started],
        executions: [
          execution('Running'),
          serverError(),
          tooManyRequests(),
          execution('Running'),
          execution('Success')
        ]
      },
      { readTakesMs: 400, random: () => 0.5 }
    )
    expect(run.result.outcome).toBe('passed')
    // usual 10 s doubled per failure, equal jitter at 0.5 (0.75 × ceiling), counted from the end;
    // the successful reads around them are on the cadence (10 s from their start).
    expect(run.sleeps).toEqual([9_600, 15_000, 30_000, 9_600])
    const jittered = await runWait(
      { details: [started], executions: [serverError(), execution('Success')] },
      { readTakesMs: 400, random: () => 1 }
    )
    expect(jittered.sleeps).toEqual([20_000])
  })
})
