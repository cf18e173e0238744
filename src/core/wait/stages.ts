import { shorten } from '../../harness/plain.js'
import { formatElapsed } from '../duration.js'
import type { StageSummary } from '../../harness/client.js'
import { classifyExecutionStatus } from '../../harness/status.js'

/** Harness lists every stage from the start; a stage that has not started yet is not news. */
const NOT_STARTED = new Set(['notstarted', 'not_started'])

/** Remembers each stage's last status so that only changes are logged, never one line per poll. */
export class StageTracker {
  private readonly lastStatus = new Map<string, string>()

  /** One line per stage whose status changed since the previous call, in the order the stages started. */
  changes(stages: readonly StageSummary[]): string[] {
    const changed = stages.filter(stage => this.record(stage))
    return [...changed].sort(byStartThenName).map(describeStage)
  }

  private record(stage: StageSummary): boolean {
    const before = this.lastStatus.get(stage.nodeUuid)
    this.lastStatus.set(stage.nodeUuid, stage.status)
    if (before === undefined) return !NOT_STARTED.has(stage.status.toLowerCase())
    return before !== stage.status
  }
}

/** `Stage "Deploy": Running`, `Stage "Deploy": Success in 1m 12s`, `Stage "Deploy": Failed after 30s: why`. */
export function describeStage(stage: StageSummary): string {
  const label = `Stage "${stage.name || stage.nodeUuid}": ${stage.status}`
  const phase = classifyExecutionStatus(stage.status)
  if (phase !== 'passed' && phase !== 'failed') return label
  const took = elapsed(stage.startTs, stage.endTs)
  if (phase === 'passed') return took === undefined ? label : `${label} in ${took}`
  const after = took === undefined ? '' : ` after ${took}`
  const why = stage.failureMessage ? `: ${oneLine(stage.failureMessage)}` : ''
  return `${label}${after}${why}`
}

/** Harness leaves unset times at 0 or out; only a real start and a later end make a duration. */
export function elapsed(startTs?: number, endTs?: number): string | undefined {
  if (!startTs || !endTs || startTs <= 0 || endTs < startTs) return undefined
  return formatElapsed(endTs - startTs)
}

/** Harness failure messages can span lines (scripts' stderr); a log line should not. */
export function oneLine(text: string, maxLength = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return shorten(flat, maxLength)
}

/** Stages in the order they started; those not started yet last, by name. */
export function byStartThenName(a: StageSummary, b: StageSummary): number {
  const startA = a.startTs ?? Number.MAX_SAFE_INTEGER
  const startB = b.startTs ?? Number.MAX_SAFE_INTEGER
  return startA - startB || a.name.localeCompare(b.name)
}
