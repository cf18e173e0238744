import {
  isCancelledRequest,
  type EventDetails,
  type ExecutionSummary,
  type HarnessClient
} from '../harness/client.js'
import { classifyEventStatus, classifyExecutionStatus, isTerminal } from '../harness/status.js'
import { executionPageUrl, type HarnessEndpoint, type TriggerIds } from '../harness/urls.js'
import { formatDuration } from './duration.js'
import { fastStartDelay } from './wait/intervals.js'
import { StageTracker } from './wait/stages.js'
import {
  ReadFailures,
  describeReadError,
  isNotFound,
  isPassingTrouble,
  type WaitLog
} from './wait/failures.js'
import {
  cancelledMessage,
  eventPendingMessage,
  executionEndedMessage,
  neverStartedMessage,
  personWaitingNotice,
  timeoutMessage,
  unreadableMessage,
  type WhereItStands
} from './wait/messages.js'

export const DEFAULT_EVENT_PENDING_LIMIT_MS = 5 * 60_000

/** Right after the event starts it, Harness may not know the execution yet (eventual consistency). */
export const EXECUTION_NOT_FOUND_TOLERANCE = 3

export interface WaitDependencies {
  client: Pick<HarnessClient, 'getEventDetails' | 'getEventHistory' | 'getExecution'>
  now(): number
  /** resolves after ms, or early (without throwing) when signal aborts */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  random(): number
  log: WaitLog
}

export interface WaitRequest {
  endpoint: HarnessEndpoint
  ids: TriggerIds
  eventId: string
  timeoutMs: number
  pollIntervalMs: number
  /** default 5 min: an event still pending then fails (or at timeoutMs if sooner) */
  eventPendingLimitMs?: number
  /** aborted when the run is cancelled (SIGINT/SIGTERM): ends every sleep and every read at once */
  cancelSignal: AbortSignal
  /** called once, as soon as the execution id is known, so outputs/state can be saved early */
  onExecutionStarted?(started: StartedExecution): void
}

export interface StartedExecution {
  webhookStatus: string
  executionId: string
  executionUrl: string
}

export type WaitOutcome =
  'passed' | 'failed' | 'never-started' | 'event-pending' | 'timeout' | 'cancelled'

export interface WaitResult {
  outcome: WaitOutcome
  webhookStatus?: string
  executionId?: string
  executionUrl?: string
  /** last execution status seen */
  status?: string
  /** one sentence for the step's failure or success line, secret-free, with the link when known */
  message: string
  execution?: ExecutionSummary
  startedAt: number
  endedAt: number
}

/**
 * Follows the trigger event until Harness has processed it, then the execution it started until a
 * terminal status, the timeout, or cancellation. Never throws for Harness's or the network's
 * sake: every ending is a WaitResult. Aborting the execution is the caller's business.
 */
export function waitForPipeline(request: WaitRequest, deps: WaitDependencies): Promise<WaitResult> {
  return new PipelineWait(request, deps).run()
}

/** What Harness made of the trigger event. */
type EventVerdict =
  | { phase: 'pending'; status?: string }
  | { phase: 'started'; status: string; executionId: string; executionUrl?: string }
  | { phase: 'never-started'; status?: string; message?: string }

/**
 * `again`: the next look is due that long after this one started (a fixed cadence: the time an
 * answer takes does not add up, read after read). `backoff`: a failed read's pause, counted from
 * its end, so that a slow failure cannot shorten the rest it asks for.
 */
type Look<T> = { done: T } | { again: number; backoff?: true }

type PollEnd<T> = { kind: 'done'; value: T } | { kind: 'deadline' } | { kind: 'cancelled' }

/** A read failed in a way waiting will not cure (401, 403, a 404 that stays, an odd answer). */
/** The read in flight was abandoned because the run was cancelled. */
class Cancelled extends Error {}

class Unreadable extends Error {
  constructor(
    readonly what: string,
    readonly reason: string
  ) {
    super(reason)
  }
}

class PipelineWait {
  private readonly startedAt: number
  private readonly deadline: number
  private readonly pendingDeadline: number
  private readonly failures: ReadFailures
  private readonly stages = new StageTracker()

  private webhookStatus?: string
  private eventStatusSeen = false
  private sawPendingEvent = false
  private eventLooks = 0
  private historyTroubleTold = false

  private executionId?: string
  private serverExecutionUrl?: string
  private execution?: ExecutionSummary
  private notFoundLooks = 0

  constructor(
    private readonly request: WaitRequest,
    private readonly deps: WaitDependencies
  ) {
    this.startedAt = deps.now()
    this.deadline = this.startedAt + request.timeoutMs
    const pendingLimit = request.eventPendingLimitMs ?? DEFAULT_EVENT_PENDING_LIMIT_MS
    this.pendingDeadline = this.startedAt + Math.min(pendingLimit, request.timeoutMs)
    this.failures = new ReadFailures(deps.log, () => deps.random())
  }

  async run(): Promise<WaitResult> {
    try {
      const event = await this.followEvent()
      if ('outcome' in event) return event
      this.executionId = event.executionId
      this.serverExecutionUrl = event.executionUrl
      this.request.onExecutionStarted?.({
        webhookStatus: event.status,
        executionId: event.executionId,
        executionUrl: this.executionUrl() ?? ''
      })
      return await this.followExecution(event.executionId)
    } catch (error) {
      if (error instanceof Cancelled) {
        return this.result('cancelled', cancelledMessage(this.whereItStands()))
      }
      if (!(error instanceof Unreadable)) throw error
      const message = unreadableMessage(error.what, error.reason, this.whereItStands())
      // The execution's status is unknown now, whatever was read before.
      return { ...this.result('failed', message), status: undefined }
    }
  }

  // ── the event ────────────────────────────────────────────────────────────────────────────

  private async followEvent(): Promise<Extract<EventVerdict, { phase: 'started' }> | WaitResult> {
    // Once Harness has said "pending", the shorter pending limit applies; before any answer, only
    // the timeout does (read errors never end the wait early).
    const end = await this.poll(
      () => (this.sawPendingEvent ? this.pendingDeadline : this.deadline),
      () => this.lookAtEvent()
    )
    if (end.kind === 'cancelled') return this.result('cancelled', cancelledMessage({}))
    const verdict = end.kind === 'done' ? end.value : await this.lastLookBeforeGivingUp()
    if (verdict === undefined) return this.eventNeverSettled()
    if (verdict.phase === 'started') return verdict
    return this.result('never-started', neverStartedMessage(verdict.status, verdict.message))
  }

  private async lookAtEvent(): Promise<Look<Exclude<EventVerdict, { phase: 'pending' }>>> {
    const usualDelay = fastStartDelay(this.eventLooks, this.request.pollIntervalMs)
    let details: EventDetails
    try {
      details = await this.deps.client.getEventDetails(
        this.request.ids.accountId,
        this.request.eventId,
        this.call()
      )
    } catch (error) {
      return { again: this.afterFailedRead(error, 'the trigger event', usualDelay), backoff: true }
    }
    this.failures.succeeded('the trigger event')
    const verdict = await this.judgeEvent(details)
    this.noteEventStatus(verdict.status)
    if (verdict.phase !== 'pending') return { done: verdict }
    this.sawPendingEvent = true
    this.eventLooks += 1
    return { again: usualDelay }
  }

  private async judgeEvent(details: EventDetails): Promise<EventVerdict> {
    const verdict: EventVerdict = details.pending
      ? { phase: 'pending', status: details.status }
      : this.verdictOf(
          details.status,
          details.pipelineExecutionId,
          details.message,
          details.executionUrl
        )
    // Stuck-QUEUED trap: when the event made several history rows, the details endpoint may show
    // the QUEUED one forever (with warningMsg); the history has the real answer.
    if (verdict.phase === 'pending' && details.warningMsg) {
      return (await this.lookAtHistory()) ?? verdict
    }
    return verdict
  }

  private verdictOf(
    status: string | undefined,
    executionId: string | undefined,
    message: string | undefined,
    executionUrl?: string
  ): EventVerdict {
    const phase = classifyEventStatus(status, executionId)
    if (phase === 'pending') return { phase, status }
    if (phase === 'started' && status && executionId) {
      return { phase, status, executionId, executionUrl }
    }
    return { phase: 'never-started', status, message }
  }

  /** The newest history record that is past QUEUED, or undefined when there is none (or no answer). */
  private async lookAtHistory(): Promise<Exclude<EventVerdict, { phase: 'pending' }> | undefined> {
    let records
    try {
      records = await this.deps.client.getEventHistory(
        this.request.ids.accountId,
        this.request.eventId,
        this.call()
      )
    } catch (error) {
      this.throwIfCancelled(error)
      const line = `Could not read the trigger event's history: ${describeReadError(error)}`
      if (this.historyTroubleTold) this.deps.log.debug(line)
      else this.deps.log.warning(line)
      this.historyTroubleTold = true
      return undefined
    }
    // Harness sends the records newest first (and no createdAt to sort them by)
    for (const record of records) {
      const verdict = this.verdictOf(record.finalStatus, record.planExecutionId, record.message)
      if (verdict.phase !== 'pending') return verdict
    }
    return undefined
  }

  /** Before failing a pending event, one look at the history: the details can lag behind it. */
  private async lastLookBeforeGivingUp(): Promise<
    Exclude<EventVerdict, { phase: 'pending' }> | undefined
  > {
    if (!this.sawPendingEvent || this.request.cancelSignal.aborted) return undefined
    const verdict = await this.lookAtHistory()
    if (verdict) this.noteEventStatus(verdict.status)
    return verdict
  }

  private eventNeverSettled(): WaitResult {
    if (this.request.cancelSignal.aborted) return this.result('cancelled', cancelledMessage({}))
    if (!this.sawPendingEvent) {
      return this.result('timeout', timeoutMessage(this.request.timeoutMs, this.whereItStands()))
    }
    const limitWasTimeout = this.pendingDeadline >= this.deadline
    const message = eventPendingMessage(
      this.webhookStatus,
      this.pendingDeadline - this.startedAt,
      limitWasTimeout
    )
    return this.result('event-pending', message)
  }

  private noteEventStatus(status: string | undefined): void {
    if (this.eventStatusSeen && status === this.webhookStatus) return
    this.eventStatusSeen = true
    this.webhookStatus = status
    this.deps.log.info(
      status ? `Trigger event: ${status}` : 'Trigger event: not processed by Harness yet'
    )
  }

  // ── the execution ────────────────────────────────────────────────────────────────────────

  private async followExecution(executionId: string): Promise<WaitResult> {
    const end = await this.poll(
      () => this.deadline,
      () => this.lookAtExecution(executionId)
    )
    if (end.kind === 'cancelled')
      return this.result('cancelled', cancelledMessage(this.whereItStands()))
    if (end.kind === 'deadline') {
      return this.result('timeout', timeoutMessage(this.request.timeoutMs, this.whereItStands()))
    }
    const summary = end.value
    const outcome = classifyExecutionStatus(summary.status) === 'passed' ? 'passed' : 'failed'
    return this.result(outcome, executionEndedMessage(summary, this.executionUrl() ?? ''))
  }

  private async lookAtExecution(executionId: string): Promise<Look<ExecutionSummary>> {
    const { pollIntervalMs } = this.request
    let summary: ExecutionSummary
    try {
      summary = await this.deps.client.getExecution(this.request.ids, executionId, this.call())
    } catch (error) {
      this.throwIfCancelled(error)
      if (this.mayNotExistYet(error)) {
        const delay = fastStartDelay(this.notFoundLooks, pollIntervalMs)
        this.notFoundLooks += 1
        this.deps.log.debug(
          `Harness does not know execution ${executionId} yet (HTTP 404); looking again in ${formatDuration(delay)}.`
        )
        return { again: delay }
      }
      return {
        again: this.afterFailedRead(error, 'the pipeline execution', pollIntervalMs),
        backoff: true
      }
    }
    this.failures.succeeded('the pipeline execution')
    const terminal = isTerminal(classifyExecutionStatus(summary.status))
    this.noteExecution(summary, terminal)
    return terminal ? { done: summary } : { again: pollIntervalMs }
  }

  private mayNotExistYet(error: unknown): boolean {
    return (
      this.execution === undefined &&
      isNotFound(error) &&
      this.notFoundLooks < EXECUTION_NOT_FOUND_TOLERANCE
    )
  }

  /** Logs what changed since the last read: the pipeline's status, and each stage's. */
  private noteExecution(summary: ExecutionSummary, terminal: boolean): void {
    const statusChanged = summary.status !== this.execution?.status
    this.execution = summary
    const stageLines = this.stages.changes(summary.stages)
    // The final status is not announced here: the front end's last line ("…ended with Success in
    // 3s: link") says it, once, after the stages' outcomes.
    if (statusChanged && !terminal) this.announceStatus(summary.status)
    stageLines.forEach(line => this.deps.log.info(line))
  }

  private announceStatus(status: string): void {
    if (classifyExecutionStatus(status) === 'waiting-for-person') {
      this.deps.log.notice(personWaitingNotice(status, this.executionUrl() ?? ''))
    } else {
      this.deps.log.info(`Pipeline execution: ${status}`)
    }
  }

  // ── shared ───────────────────────────────────────────────────────────────────────────────

  /**
   * Looks, then sleeps until the next look is due (see Look; never past `until`), until a look is
   * done, `until` has passed (after one last look at it), or the run is cancelled.
   */
  private async poll<T>(until: () => number, look: () => Promise<Look<T>>): Promise<PollEnd<T>> {
    const { cancelSignal } = this.request
    for (;;) {
      if (cancelSignal.aborted) return { kind: 'cancelled' }
      const lookStartedAt = this.deps.now()
      let seen: Look<T>
      try {
        seen = await look()
      } catch (error) {
        if (error instanceof Cancelled) return { kind: 'cancelled' }
        throw error
      }
      // A terminal answer is worth more than a cancellation that came while it was on its way.
      if ('done' in seen) return { kind: 'done', value: seen.done }
      const now = this.deps.now()
      const remaining = until() - now
      if (remaining <= 0) return { kind: 'deadline' }
      const pause = seen.backoff ? seen.again : Math.max(0, lookStartedAt + seen.again - now)
      await this.deps.sleep(Math.min(pause, remaining), cancelSignal)
    }
  }

  /** The delay before trying again, or Unreadable when waiting will not help. */
  private afterFailedRead(error: unknown, what: string, usualDelayMs: number): number {
    this.throwIfCancelled(error)
    if (!isPassingTrouble(error)) throw new Unreadable(what, describeReadError(error))
    return this.failures.retryAfter(error, what, usualDelayMs)
  }

  /** Every read is bound to the cancel signal: the signal abandons it at once. */
  private call(): { signal: AbortSignal } {
    return { signal: this.request.cancelSignal }
  }

  /** A read abandoned for the cancel signal is no read error: no warning, no retry. */
  private throwIfCancelled(error: unknown): void {
    if (isCancelledRequest(error) || this.request.cancelSignal.aborted) throw new Cancelled()
  }

  private executionUrl(): string | undefined {
    if (!this.executionId) return undefined
    const known = this.execution?.executionUrl || this.serverExecutionUrl
    if (known) return known
    const module = this.execution?.modules?.find(name => name.toLowerCase() !== 'pms') ?? 'cd'
    return executionPageUrl(this.request.endpoint, this.request.ids, this.executionId, module)
  }

  private whereItStands(): WhereItStands {
    return {
      status: this.execution?.status,
      executionUrl: this.executionUrl(),
      lastError: this.failures.lastError
    }
  }

  private result(outcome: WaitOutcome, message: string): WaitResult {
    return {
      outcome,
      webhookStatus: this.webhookStatus,
      executionId: this.executionId,
      executionUrl: this.executionUrl(),
      status: this.execution?.status,
      message,
      execution: this.execution,
      startedAt: this.startedAt,
      endedAt: this.deps.now()
    }
  }
}
