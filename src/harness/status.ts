/** What a trigger event's processing status means for us (harness-api.md §2.3). */
export type EventPhase = 'pending' | 'started' | 'never-started'

/**
 * `QUEUED` → pending; `TARGET_EXECUTION_REQUESTED` with an execution id → started; other → never-started.
 * A missing status is pending too (nothing processed yet). Case-insensitive.
 */
export function classifyEventStatus(
  status: string | undefined,
  pipelineExecutionId?: string
): EventPhase {
  const name = status?.trim().toUpperCase() ?? ''
  if (name === '' || name === 'QUEUED') return 'pending'
  if (name === 'TARGET_EXECUTION_REQUESTED' && pipelineExecutionId?.trim()) return 'started'
  return 'never-started'
}

/**
 * What an execution status means (harness-api.md §3.2): `passed` and `failed` are terminal;
 * `waiting-for-person` (approval, intervention, input, paused); `queued`; `running`; and
 * `unknown` for values we have never seen (keep waiting).
 */
export type ExecutionPhase =
  'passed' | 'failed' | 'waiting-for-person' | 'queued' | 'running' | 'unknown'

/**
 * Statuses by phase, written as display names or engine names; they are compared with case and
 * `_` ignored, so `ApprovalWaiting`, `APPROVAL_WAITING` and `approvalwaiting` are one status.
 * Skipped and Suspended are terminal in Harness (and "positive" to it), but an execution that did
 * not run its stages has not deployed anything: a deploy gate counts them as failed.
 */
const PHASE_STATUSES: Record<Exclude<ExecutionPhase, 'unknown'>, string[]> = {
  passed: ['Success', 'Succeeded', 'PassedWithWarning', 'IgnoreFailed'],
  failed: [
    'Failed',
    'Errored',
    'Aborted',
    'Expired',
    'ApprovalRejected',
    'AbortedByFreeze',
    'FreezeFailed',
    'Skipped',
    'Suspended'
  ],
  'waiting-for-person': [
    'ApprovalWaiting',
    'InterventionWaiting',
    'InputWaiting',
    'Paused',
    'Pausing'
  ],
  queued: [
    'Queued',
    'QueuedLicenseLimitReached',
    'QueuedExecutionConcurrencyReached',
    'QueuedGlobalInfraCapacityReached',
    'QueuedPlanCreation',
    'QueuedStepConcurrency',
    'ResourceWaiting',
    'NotStarted',
    'Waiting',
    'Starting',
    'StartingPlanCreation'
  ],
  running: [
    'Running',
    'AsyncWaiting',
    'TaskWaiting',
    'TimedWaiting',
    'WaitStepRunning',
    'UploadWaiting',
    'Discontinuing'
  ]
}

const PHASE_BY_KEY = new Map<string, ExecutionPhase>(
  Object.entries(PHASE_STATUSES).flatMap(([phase, statuses]) =>
    statuses.map(status => [statusKey(status), phase as ExecutionPhase] as const)
  )
)

function statusKey(status: string): string {
  return status.trim().replace(/_/g, '').toLowerCase()
}

/** Case-insensitive on the display name (`ApprovalWaiting`) and the enum name (`APPROVAL_WAITING`). */
export function classifyExecutionStatus(status: string): ExecutionPhase {
  return PHASE_BY_KEY.get(statusKey(status)) ?? 'unknown'
}

export function isTerminal(phase: ExecutionPhase): boolean {
  return phase === 'passed' || phase === 'failed'
}
