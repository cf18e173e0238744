import { describe, it, expect } from '@jest/globals'
import {
  classifyEventStatus,
  classifyExecutionStatus,
  isTerminal,
  type ExecutionPhase
} from '../src/harness/status.js'

describe('classifyEventStatus', () => {
  it('treats QUEUED and a missing status as pending', () => {
    expect(classifyEventStatus('QUEUED')).toBe('pending')
    expect(classifyEventStatus('queued', undefined)).toBe('pending')
    expect(classifyEventStatus(undefined)).toBe('pending')
    expect(classifyEventStatus('')).toBe('pending')
  })

  it('treats TARGET_EXECUTION_REQUESTED with an execution id as started', () => {
    expect(classifyEventStatus('TARGET_EXECUTION_REQUESTED', '_iodHvEhT2y_Mn_DLaR32A')).toBe(
      'started'
    )
  })

  it('does not count TARGET_EXECUTION_REQUESTED without an execution id as started', () => {
    expect(classifyEventStatus('TARGET_EXECUTION_REQUESTED')).toBe('never-started')
    expect(classifyEventStatus('TARGET_EXECUTION_REQUESTED', ' ')).toBe('never-started')
  })

  it.each([
    'NO_ENABLED_CUSTOM_TRIGGER_FOUND',
    'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
    'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS',
    'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS',
    'EXCEPTION_WHILE_PROCESSING',
    'INVALID_RUNTIME_INPUT_YAML',
    'TRIGGER_AUTHENTICATION_FAILED',
    'TARGET_DID_NOT_EXECUTE',
    'VALIDATION_FAILED_FOR_TRIGGER',
    'SKIPPED',
    'INVALID_PAYLOAD',
    'SOMETHING_NEW'
  ])('treats %s as never started, even with an id', status => {
    expect(classifyEventStatus(status, 'x1')).toBe('never-started')
  })
})

describe('classifyExecutionStatus', () => {
  const table: Array<[ExecutionPhase, string[]]> = [
    [
      'passed',
      [
        'Success',
        'PassedWithWarning',
        'IgnoreFailed',
        'SUCCEEDED',
        'IGNORE_FAILED',
        'PASSED_WITH_WARNING'
      ]
    ],
    [
      'failed',
      [
        'Failed',
        'Errored',
        'Aborted',
        'Expired',
        'ApprovalRejected',
        'AbortedByFreeze',
        'Skipped',
        'Suspended',
        'FAILED',
        'ABORTED',
        'APPROVAL_REJECTED',
        'FREEZE_FAILED'
      ]
    ],
    [
      'waiting-for-person',
      [
        'ApprovalWaiting',
        'InterventionWaiting',
        'InputWaiting',
        'Paused',
        'Pausing',
        'APPROVAL_WAITING',
        'INTERVENTION_WAITING'
      ]
    ],
    [
      'queued',
      [
        'Queued',
        'QueuedLicenseLimitReached',
        'QueuedExecutionConcurrencyReached',
        'QueuedGlobalInfraCapacityReached',
        'QUEUED_PLAN_CREATION',
        'ResourceWaiting',
        'NotStarted',
        'Waiting',
        'RESOURCE_WAITING',
        'QUEUED_LICENSE_LIMIT_REACHED'
      ]
    ],
    [
      'running',
      [
        'Running',
        'AsyncWaiting',
        'TaskWaiting',
        'TimedWaiting',
        'WaitStepRunning',
        'UploadWaiting',
        'Discontinuing',
        'RUNNING',
        'ASYNC_WAITING'
      ]
    ]
  ]

  it.each(table.flatMap(([phase, statuses]) => statuses.map(status => [status, phase] as const)))(
    '%s is %s',
    (status, phase) => {
      expect(classifyExecutionStatus(status)).toBe(phase)
    }
  )

  it('ignores case and surrounding space', () => {
    expect(classifyExecutionStatus(' success ')).toBe('passed')
    expect(classifyExecutionStatus('approvalwaiting')).toBe('waiting-for-person')
  })

  it.each(['', 'NO_OP', 'SomethingNew', 'Succes'])('does not know %j', status => {
    expect(classifyExecutionStatus(status)).toBe('unknown')
  })

  it('counts only passed and failed as terminal', () => {
    const phases: ExecutionPhase[] = [
      'passed',
      'failed',
      'waiting-for-person',
      'queued',
      'running',
      'unknown'
    ]
    expect(phases.filter(isTerminal)).toEqual(['passed', 'failed'])
  })
})
