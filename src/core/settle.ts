import { HarnessApiError, type AbortOutcome, type HarnessClient } from '../harness/client.js'
import { classifyEventStatus } from '../harness/status.js'
import {
  executionPageUrl,
  type HarnessEndpoint,
  type ProjectScope,
  type TriggerIds
} from '../harness/urls.js'
import type { WaitResult } from './wait.js'
import { isPassingTrouble } from './wait/failures.js'
import { adviceFor } from './advice.js'
import { messageOf } from '../harness/plain.js'

/**
 * Deadlines of the requests made after the wait has ended. After SIGINT the runner sends SIGTERM
 * at 7.5 s and kills at 10 s: the POST's grace (1.5 s, fire.ts), one look at the event (2.5 s in
 * all, its history included) and the abort (2.5 s) fit before SIGTERM whatever Harness does.
 * These requests are not bound to the cancel signal: it has fired already, and they are what the
 * cancellation asks for.
 */
export const SETTLE_LOOK_BUDGET_MS = 2500
export const SETTLE_ABORT_TIMEOUT_MS = 2500
const ABORT_RETRY_PAUSE_MS = 500
/** between looks at an event Harness has not processed yet (it usually takes a second or two) */
export const LOOK_AGAIN_PAUSE_MS = 2000

export interface SettleRequest {
  result: WaitResult
  eventId: string
  endpoint: HarnessEndpoint
  ids: TriggerIds
  abortOnCancel: boolean
  abortOnTimeout: boolean
}

/** Where to find the execution to abort: the event always, the execution when known. */
export interface AbortTarget {
  eventId: string
  scope: ProjectScope
  executionId?: string
}

/** What finding and aborting the execution did. */
export interface AbortReport {
  /** the execution, as it was known or the one look found it */
  executionId?: string
  /** the one look at the event was made (the execution was not known) */
  looked: boolean
  /** what the look failed with, or what the event was when it showed no execution */
  lookProblem?: string
  abortSent: boolean
  /** Harness took the abort, or said the execution had finished or was being aborted already */
  abortAccepted: boolean
  abortOutcome?: AbortOutcome
  abortProblem?: string
  /**
   * Nothing is left for a later clean-up: the execution was seen to end, or was aborted, or the
   * settings say to leave it, or Harness said the event started none. False means a clean-up
   * step (the action's post step) should look for the execution and abort it.
   */
  done: boolean
}

/** What the end of the wait did about the execution, for the outputs, the summary and the state. */
export interface Settlement extends AbortReport {
  /** why an abort was called for: the run was cancelled, or timed out (with the setting on) */
  abortReason?: 'cancelled' | 'timeout'
  /** one sentence on what became of the execution, for the step's last line and the summary */
  note?: string
}

type SettleClient = Pick<HarnessClient, 'getEventDetails' | 'getEventHistory' | 'abortExecution'>

/**
 * The abort policy, one function for every front end: cancelled → abort with `abortOnCancel`;
 * timed out → abort with `abortOnTimeout`; ended before the execution was known → one look at
 * the event first. Each request has a short deadline of its own. Never throws.
 */
export async function settle(request: SettleRequest, client: SettleClient): Promise<Settlement> {
  const { result } = request
  const abortReason = reasonToAbort(request)
  if (!abortReason) {
    const left = result.outcome === 'cancelled' && !request.abortOnCancel
    return {
      executionId: result.executionId,
      looked: false,
      abortSent: false,
      abortAccepted: false,
      done: true,
      note: left ? 'The execution was not aborted: abort-on-cancel is false.' : undefined
    }
  }
  const target = { eventId: request.eventId, scope: request.ids, executionId: result.executionId }
  const report = await findAndAbort(target, client)
  return { abortReason, ...report, note: abortNote(report) }
}

/**
 * The wait's result as the settlement completed it: the execution the look found, and the
 * sentence on the abort after the wait's own message.
 */
export function settledResult(
  request: Pick<SettleRequest, 'result' | 'endpoint' | 'ids'>,
  settlement: Settlement
): WaitResult {
  const { result, endpoint, ids } = request
  const executionId = result.executionId ?? settlement.executionId
  const executionUrl =
    result.executionUrl ?? (executionId ? executionPageUrl(endpoint, ids, executionId) : undefined)
  const message = settlement.note ? `${result.message} ${settlement.note}` : result.message
  return { ...result, executionId, executionUrl, message }
}

function abortNote(report: AbortReport): string {
  if (!report.abortSent) {
    const why = report.lookProblem ?? 'no execution was found'
    return report.done
      ? `No abort was sent: ${why}.`
      : `No abort was sent: ${why}; the trigger event may still start an execution.`
  }
  switch (report.abortOutcome) {
    case 'aborted':
      return 'The abort was sent and Harness accepted it.'
    case 'already-finished':
      return 'The abort was sent; the execution had already finished.'
    case 'already-aborting':
      return 'The abort was sent; the execution was already being aborted.'
    default:
      return `The abort was sent but failed (${report.abortProblem ?? 'no answer'}); the execution may still be running.`
  }
}

/**
 * Aborts the event's execution: the one known, or the one a look at the event finds (one look, or
 * `lookAttempts` while the event is still pending).
 * Short deadlines, bound to no cancel signal (this is what a cancellation asks for). Never throws.
 */
export async function findAndAbort(
  target: AbortTarget,
  client: SettleClient,
  options: {
    abortAttempts?: number
    /** looks at a still-pending event before giving up (default 1) */
    lookAttempts?: number
    sleep?: (ms: number) => Promise<void>
  } = {}
): Promise<AbortReport> {
  const report: AbortReport = {
    executionId: target.executionId,
    looked: false,
    abortSent: false,
    abortAccepted: false,
    done: false
  }
  const sleep = options.sleep ?? (ms => new Promise<void>(done => setTimeout(done, ms)))
  if (!report.executionId) {
    report.looked = true
    // An event Harness has not processed yet may still start an execution: the last clean-up
    // (the post step) asks for a few looks, so one that starts a moment later is still aborted.
    const looks = Math.max(1, options.lookAttempts ?? 1)
    for (let lookNumber = 1; lookNumber <= looks; lookNumber++) {
      const look = await lookForExecution(target, client)
      report.executionId = look.executionId
      report.lookProblem = look.problem
      if (look.executionId) break
      // An event that ended without an execution leaves nothing to abort, now or later.
      if (look.eventEnded) return { ...report, done: true }
      if (lookNumber < looks) await sleep(LOOK_AGAIN_PAUSE_MS)
    }
    if (!report.executionId) return report
  }
  report.abortSent = true
  const attempts = Math.max(1, options.abortAttempts ?? 1)
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      report.abortOutcome = await client.abortExecution(
        target.scope,
        report.executionId as string,
        { timeoutMs: SETTLE_ABORT_TIMEOUT_MS }
      )
      report.abortAccepted = true
      report.done = true
      report.abortProblem = undefined
      break
    } catch (error) {
      // A refusal with a known meaning (a missing abort permission) says what to grant.
      const advice =
        error instanceof HarnessApiError && error.known ? ` ${adviceFor(error.known)}` : ''
      report.abortProblem = `${messageOf(error)}${advice}`
      // Aborting twice is harmless (Harness answers "already aborting"); only passing trouble
      // is worth a second try.
      if (!isPassingTrouble(error)) break
      if (attempt < attempts) await sleep(ABORT_RETRY_PAUSE_MS)
    }
  }
  return report
}

function reasonToAbort(request: SettleRequest): Settlement['abortReason'] {
  const { outcome } = request.result
  if (outcome === 'cancelled' && request.abortOnCancel) return 'cancelled'
  if (outcome === 'timeout' && request.abortOnTimeout) return 'timeout'
  return undefined
}

/**
 * One look, within SETTLE_LOOK_BUDGET_MS: the event's details, and its history when the details
 * may be stuck on QUEUED (Harness's warningMsg): the execution the event started, if any yet.
 */
async function lookForExecution(
  target: AbortTarget,
  client: SettleClient
): Promise<{ executionId?: string; eventEnded: boolean; problem?: string }> {
  const until = Date.now() + SETTLE_LOOK_BUDGET_MS
  const left = () => Math.max(until - Date.now(), 1)
  const { accountId } = target.scope
  try {
    const details = await client.getEventDetails(accountId, target.eventId, { timeoutMs: left() })
    if (details.pipelineExecutionId) {
      return { executionId: details.pipelineExecutionId, eventEnded: true }
    }
    const phase = details.pending
      ? 'pending'
      : classifyEventStatus(details.status, details.pipelineExecutionId)
    if (phase === 'pending' && details.warningMsg) {
      const records = await client.getEventHistory(accountId, target.eventId, {
        timeoutMs: left()
      })
      const started = records.find(record => record.planExecutionId)
      if (started?.planExecutionId)
        return { executionId: started.planExecutionId, eventEnded: true }
    }
    if (phase === 'pending') {
      return { eventEnded: false, problem: 'Harness had not processed the trigger event yet' }
    }
    const status = details.status ?? 'an unknown status'
    return {
      eventEnded: true,
      problem: `the trigger event ended as ${status} without an execution`
    }
  } catch (error) {
    return { eventEnded: false, problem: messageOf(error) }
  }
}

/**
 * What the settlement says in the log, worded the same by every front end. `level` is a hint:
 * an execution that may still be running is a warning.
 */
export function settlementLines(
  settlement: AbortReport
): Array<{ level: 'info' | 'warning'; text: string }> {
  const lines: Array<{ level: 'info' | 'warning'; text: string }> = []
  const id = settlement.executionId
  if (settlement.looked) {
    lines.push(
      id
        ? { level: 'info', text: `The trigger event had started execution ${id}.` }
        : {
            level: settlement.done ? 'info' : 'warning',
            text: `No execution to abort: ${settlement.lookProblem ?? 'none found'}.`
          }
    )
  }
  if (settlement.abortSent && id) {
    const said: Record<AbortOutcome, string> = {
      aborted: `Asked Harness to abort execution ${id}; it accepted.`,
      'already-finished': `Execution ${id} had already finished; nothing to abort.`,
      'already-aborting': `Execution ${id} is already being aborted.`
    }
    lines.push(
      settlement.abortOutcome
        ? { level: 'info', text: said[settlement.abortOutcome] }
        : {
            level: 'warning',
            text: `Could not abort execution ${id}: ${settlement.abortProblem ?? 'no answer'}; it may still be running.`
          }
    )
  }
  return lines
}
