import { formatDuration } from '../duration.js'
import type { ExecutionSummary } from '../../harness/client.js'
import { classifyExecutionStatus } from '../../harness/status.js'
import { isBranchUnresolved } from '../../harness/known-answers.js'
import { adviceFor } from '../advice.js'
import { elapsed, oneLine } from './stages.js'

/** What to check first, for the event statuses a custom trigger can end in without starting. */
const NEVER_STARTED_HINTS: Record<string, string> = {
  NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS:
    "Check the trigger's payload conditions: their value side is literal text, so an expression there never matches.",
  NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS: "Check the trigger's header conditions.",
  NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS: "Check the trigger's JEXL condition.",
  NO_ENABLED_CUSTOM_TRIGGER_FOUND: 'Check that the trigger exists and is enabled.',
  TARGET_EXECUTION_REQUESTED: 'Harness gave no execution id for it, so there is nothing to follow.',
  INVALID_RUNTIME_INPUT_YAML:
    'Harness could not start the pipeline: check the trigger\'s inputs, the permissions, and for a Git-stored pipeline a "branch" in the payload.'
}

const PENDING_CAUSES =
  'Usual causes: a payload condition whose value is an expression such as <+trigger.payload.x> ' +
  '(Harness compares the value as literal text), a Git-stored pipeline while the payload has no ' +
  '"branch", or a disabled trigger.'

/** What a person is asked to do, by lower-cased status without underscores. */
const PERSON_WAITS: Record<string, string> = {
  approvalwaiting: 'is waiting for an approval',
  interventionwaiting: 'is waiting for manual intervention',
  inputwaiting: 'is waiting for runtime input',
  paused: 'is paused',
  pausing: 'is being paused'
}

export function neverStartedMessage(status: string | undefined, harnessMessage?: string): string {
  const said = harnessMessage ? ` (${oneLine(harnessMessage)})` : ''
  const hint = isBranchUnresolved(status, harnessMessage)
    ? adviceFor({ kind: 'branch-unresolved' })
    : status
      ? NEVER_STARTED_HINTS[status.toUpperCase()]
      : undefined
  const base = `Harness did not start the pipeline: the trigger event ended as ${status ?? 'an unknown status'}${said}.`
  return hint ? `${base} ${hint}` : base
}

export function eventPendingMessage(
  status: string | undefined,
  waitedMs: number,
  limitWasTimeout: boolean
): string {
  const state = status ? `pending (${status})` : 'unprocessed'
  const when = limitWasTimeout
    ? `when the timeout of ${formatDuration(waitedMs)} was reached`
    : `after ${formatDuration(waitedMs)}`
  return `Harness still had the trigger event ${state} ${when}; the pipeline did not start. ${PENDING_CAUSES}`
}

/** The step's last line once the execution reached a terminal status. */
export function executionEndedMessage(summary: ExecutionSummary, url: string): string {
  const took = elapsed(summary.startTs, summary.endTs)
  if (classifyExecutionStatus(summary.status) === 'passed') {
    return `Pipeline execution ended with ${summary.status}${took ? ` in ${took}` : ''}: ${url}`
  }
  const after = took ? ` after ${took}` : ''
  const why = summary.failureMessage ? `: ${oneLine(summary.failureMessage)}` : ''
  return `Pipeline execution ended with ${summary.status}${after}${why} (${url})`
}

export function personWaitingNotice(status: string, url: string): string {
  const doing = PERSON_WAITS[status.toLowerCase().replace(/_/g, '')] ?? 'is waiting for a person'
  return `The pipeline ${doing} (${status}): ${url}`
}

export interface WhereItStands {
  /** last execution status read, if any */
  status?: string
  executionUrl?: string
  /** the last read error of a streak still going on */
  lastError?: string
}

export function timeoutMessage(timeoutMs: number, where: WhereItStands): string {
  const head = `Timed out after ${formatDuration(timeoutMs)}`
  if (!where.executionUrl) {
    return `${head} before Harness said what became of the trigger event${lastErrorNote(where)}.`
  }
  if (!where.status) {
    return `${head} before Harness reported the execution's status${lastErrorNote(where)}: ${where.executionUrl}`
  }
  return `${head}: the pipeline execution is still ${where.status}: ${where.executionUrl}`
}

export function cancelledMessage(where: WhereItStands): string {
  if (!where.executionUrl)
    return 'Cancelled while waiting for Harness to process the trigger event.'
  const stood = where.status ? ` (last status ${where.status})` : ''
  return `Cancelled while waiting for the pipeline execution${stood}: ${where.executionUrl}`
}

export function unreadableMessage(what: string, error: string, where: WhereItStands): string {
  const base = `Could not read ${what}: ${error}`
  if (!where.executionUrl) return base
  const stood = where.status ? ` (last status ${where.status})` : ''
  return `${base}${stood}: ${where.executionUrl}`
}

function lastErrorNote(where: WhereItStands): string {
  return where.lastError ? ` (last error: ${where.lastError})` : ''
}
