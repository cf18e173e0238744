import { describe, it, expect } from '@jest/globals'
import { StageTracker, describeStage, oneLine } from '../src/core/wait/stages.js'
import type { StageSummary } from '../src/harness/client.js'

function stage(name: string, status: string, extra: Partial<StageSummary> = {}): StageSummary {
  return { nodeUuid: `n-${name}`, name, status, ...extra }
}

describe('StageTracker', () => {
  it('reports a stage only when its status changes', () => {
    const tracker = new StageTracker()
    expect(tracker.changes([stage('Build', 'Running')])).toEqual(['Stage "Build": Running'])
    expect(tracker.changes([stage('Build', 'Running')])).toEqual([])
    expect(tracker.changes([stage('Build', 'AsyncWaiting')])).toEqual([
      'Stage "Build": AsyncWaiting'
    ])
  })

  it('keeps quiet about stages that have not started', () => {
    const tracker = new StageTracker()
    expect(tracker.changes([stage('Deploy', 'NotStarted'), stage('Gate', 'NOT_STARTED')])).toEqual(
      []
    )
    expect(tracker.changes([stage('Deploy', 'Running')])).toEqual(['Stage "Deploy": Running'])
  })

  it('tells a stage first seen in its final status', () => {
    const tracker = new StageTracker()
    expect(tracker.changes([stage('Canary', 'Skipped')])).toEqual(['Stage "Canary": Skipped'])
  })

  it('keeps stages with the same name apart by node id', () => {
    const tracker = new StageTracker()
    const first = { ...stage('Deploy', 'Running'), nodeUuid: 'a' }
    const second = { ...stage('Deploy', 'Running'), nodeUuid: 'b' }
    expect(tracker.changes([first, second])).toHaveLength(2)
    expect(tracker.changes([first, { ...second, status: 'Success' }])).toEqual([
      'Stage "Deploy": Success'
    ])
  })

  it('lists changes in the order the stages started', () => {
    const tracker = new StageTracker()
    const lines = tracker.changes([
      stage('Late', 'Running', { startTs: 300 }),
      stage('Unstarted', 'Queued'),
      stage('Early', 'Running', { startTs: 100 })
    ])
    expect(lines).toEqual([
      'Stage "Early": Running',
      'Stage "Late": Running',
      'Stage "Unstarted": Queued'
    ])
  })
})

describe('describeStage', () => {
  it('gives a passed stage its duration', () => {
    expect(
      describeStage(stage('Deploy to prod', 'Success', { startTs: 1_000, endTs: 73_000 }))
    ).toBe('Stage "Deploy to prod": Success in 1m 12s')
  })

  it('gives a failed stage its duration and failure message', () => {
    const failed = stage('Deploy', 'Failed', {
      startTs: 1_000,
      endTs: 6_000,
      failureMessage: 'boom'
    })
    expect(describeStage(failed)).toBe('Stage "Deploy": Failed after 5s: boom')
  })

  it('leaves the duration out when the times are missing or backwards', () => {
    expect(describeStage(stage('A', 'Success'))).toBe('Stage "A": Success')
    expect(describeStage(stage('A', 'Aborted', { startTs: 9, endTs: 3 }))).toBe(
      'Stage "A": Aborted'
    )
  })

  it('falls back to the node id for a stage without a name', () => {
    expect(describeStage({ nodeUuid: 'xyz', name: '', status: 'Running' })).toBe(
      'Stage "xyz": Running'
    )
  })
})

describe('oneLine', () => {
  it('flattens whitespace and shortens long text', () => {
    expect(oneLine('a\n  b\tc ')).toBe('a b c')
    const long = oneLine('x'.repeat(500), 20)
    expect(long).toHaveLength(20)
    expect(long.endsWith('…')).toBe(true)
  })
})
