/** What a trigger event's processing status means for us (harness-api.md §2.3). */
export type EventPhase = 'pending' | 'started' | 'never-started'

/** `QUEUED` → pending; `TARGET_EXECUTION_REQUESTED` with an execution id → started; other → never-started. */
export function classifyEventStatus(status: string | undefined, pipelineExecutionId?: string): EventPhase {
  void status
  void pipelineExecutionId
  throw new Error('not implemented')
}

/**
 * What an execution status means (harness-api.md §3.2): `passed` and `failed` are terminal;
 * `waiting-for-person` (approval, intervention, input, paused); `queued`; `running`; and
 * `unknown` for values we have never seen (keep waiting).
 */
export type ExecutionPhase = 'passed' | 'failed' | 'waiting-for-person' | 'queued' | 'running' | 'unknown'

/** Case-insensitive on the display name (`ApprovalWaiting`) and the enum name (`APPROVAL_WAITING`). */
export function classifyExecutionStatus(status: string): ExecutionPhase {
  void status
  throw new Error('not implemented')
}

export function isTerminal(phase: ExecutionPhase): boolean {
  return phase === 'passed' || phase === 'failed'
}
