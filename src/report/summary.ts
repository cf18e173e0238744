import type { Settings } from '../core/settings.js'
import type { StageSummary, WebhookAccepted } from '../harness/client.js'
import type { StartedExecution, WaitResult } from '../core/wait.js'
import type { Settlement } from '../core/settle.js'
import { formatElapsed } from '../core/duration.js'
import { byStartThenName } from '../core/wait/stages.js'
import { classifyExecutionStatus } from '../harness/status.js'

/** Where one deployment stands: fired (`accepted`), then running (`started`), then ended (`result`). */
export interface ReportView {
  settings: Settings
  accepted: WebhookAccepted
  /** known once Harness has started the execution, while it is being followed */
  started?: StartedExecution
  /** known once following has ended (only with `wait`) */
  result?: WaitResult
  /** what the end of the wait did about the execution (abort sent? accepted?) */
  settlement?: Settlement
}

/** More stages than this and the list stops helping the eye. */
const MAX_STAGES_SHOWN = 15

/**
 * The markdown for one deployment: a heading that names the pipeline and the leg's image (so every
 * matrix leg's section stands apart), a table, the links. Used for the job summary and the PR
 * comment alike. Pure; renders nothing secret: `settings.webhookUrl` and keys are never read.
 */
export function renderSummary(view: ReportView): string {
  const { settings, accepted, result } = view
  const { ids } = settings
  const rows: Array<[string, string]> = [
    ['Pipeline', `${code(ids.pipelineId)} in ${code(`${ids.orgId}/${ids.projectId}`)}`],
    ['Trigger', code(ids.triggerId)],
    ['Image', artifactCell(settings)],
    ['Event', `${code(accepted.eventCorrelationId)} ${eventStatus(view)}`],
    ['Execution', executionCell(view)]
  ]
  const abort = abortCell(view.settlement)
  if (abort) rows.push(['Abort', abort])
  const duration = durationCell(result)
  if (duration) rows.push(duration)
  const stages = result?.execution?.stages ?? []
  if (stages.length > 0) rows.push(['Stages', stagesCell(stages)])

  const lines = [
    `### ${overallMark(view)} Harness: ${ids.pipelineId} · ${code(artifactName(settings))}`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([key, value]) => `| ${key} | ${cell(value)} |`),
    '',
    linksLine(view)
  ]
  if (result && result.outcome !== 'passed') lines.push('', `> ${plain(oneLine(result.message))}`)
  return lines.join('\n') + '\n'
}

/** `image:tag`, or the tag alone, or what is known: names the matrix leg. */
function artifactName({ image, ids }: Settings): string {
  if (image.image) return image.tag ? `${image.image}:${image.tag}` : image.image
  return image.tag ? `tag ${image.tag}` : ids.triggerId
}

function artifactCell({ image }: Settings): string {
  const name = image.image
    ? code(image.tag ? `${image.image}:${image.tag}` : image.image)
    : image.tag
      ? `no image, tag ${code(image.tag)}`
      : 'none found'
  // `sha256:` and 12 hex digits tell digests apart as well as `docker images` does.
  return image.digest ? `${name} @ ${code(`${image.digest.slice(0, 19)}…`)}` : name
}

function eventStatus({ result, started }: ReportView): string {
  const status = result?.webhookStatus ?? started?.webhookStatus
  return status ? plain(status) : 'accepted'
}

function executionCell({ settings, started, result }: ReportView): string {
  if (result) {
    const words = result.status ?? outcomeWords[result.outcome]
    const run = result.execution?.runSequence ? ` (run #${result.execution.runSequence})` : ''
    return `${resultMark(result)} ${plain(words)}${run}`
  }
  if (started) return `${statusMarks.running} Running`
  return settings.wait
    ? `${statusMarks.queued} Waiting for Harness to start it`
    : 'Not followed (`wait` is off)'
}

/** Only when an abort was called for, or deliberately left out: sent? accepted? */
function abortCell(settlement: Settlement | undefined): string | undefined {
  if (!settlement?.abortReason) return settlement?.note ? plain(settlement.note) : undefined
  if (!settlement.abortSent) return `Not sent: ${plain(settlement.note ?? 'no execution found')}`
  if (settlement.abortAccepted) return `Sent and accepted (${plain(settlement.abortOutcome ?? '')})`
  return `Sent, failed: ${plain(oneLine(settlement.abortProblem ?? 'no answer'))}`
}

/** The execution's own duration when Harness gave both ends, else how long it was followed. */
function durationCell(result: WaitResult | undefined): [string, string] | undefined {
  if (!result) return undefined
  const execution = result.execution
  if (execution?.startTs && execution.endTs && execution.endTs >= execution.startTs) {
    return ['Duration', formatElapsed(execution.endTs - execution.startTs)]
  }
  return ['Followed for', formatElapsed(result.endedAt - result.startedAt)]
}

/** In the order the stages started; those not started yet at the end. */
function stagesCell(stages: readonly StageSummary[]): string {
  const ordered = [...stages].sort(byStartThenName)
  const shown = ordered.slice(0, MAX_STAGES_SHOWN).map(stage => {
    const took =
      stage.startTs && stage.endTs && stage.endTs >= stage.startTs
        ? ` ${formatElapsed(stage.endTs - stage.startTs)}`
        : ''
    return `${markFor(stage.status)} ${plain(stage.name || stage.nodeUuid)}${took}`
  })
  const hidden = ordered.length - shown.length
  return shown.join(' · ') + (hidden > 0 ? ` · and ${hidden} more` : '')
}

function linksLine({ accepted, started, result }: ReportView): string {
  const executionUrl = result?.executionUrl ?? started?.executionUrl
  return [
    executionUrl ? `[Execution](${executionUrl})` : undefined,
    accepted.uiUrl ? `[Deployments](${accepted.uiUrl})` : undefined,
    accepted.uiSetupUrl ? `[Pipeline studio](${accepted.uiSetupUrl})` : undefined
  ]
    .filter(Boolean)
    .join(' · ')
}

const statusMarks = {
  passed: '✅',
  failed: '❌',
  aborted: '⏹️',
  expired: '⏱️',
  skipped: '⏭️',
  'waiting-for-person': '✋',
  queued: '⏳',
  running: '🔄',
  unknown: '❔',
  fired: '🚀'
} as const

/** A mark for any execution or stage status Harness reports. */
function markFor(status: string): string {
  const phase = classifyExecutionStatus(status)
  if (phase !== 'failed') return statusMarks[phase]
  const name = status.toLowerCase()
  if (name.includes('abort')) return statusMarks.aborted
  if (name === 'expired') return statusMarks.expired
  if (name === 'skipped') return statusMarks.skipped
  return statusMarks.failed
}

function overallMark({ settings, started, result }: ReportView): string {
  if (result) return resultMark(result)
  if (started) return statusMarks.running
  return settings.wait ? statusMarks.queued : statusMarks.fired
}

function resultMark(result: WaitResult): string {
  switch (result.outcome) {
    case 'passed':
      return statusMarks.passed
    case 'failed':
      return result.status ? markFor(result.status) : statusMarks.failed
    case 'timeout':
    case 'event-pending':
      return statusMarks.expired
    case 'cancelled':
      return statusMarks.aborted
    case 'never-started':
      return statusMarks.failed
  }
}

const outcomeWords: Record<WaitResult['outcome'], string> = {
  passed: 'Passed',
  failed: 'Failed',
  'never-started': 'Did not start',
  'event-pending': 'Event still pending',
  timeout: 'Timed out',
  cancelled: 'Cancelled'
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``
}

/** Text from Harness, shown as text: no HTML, which could also fake a comment's hidden marker. */
function plain(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
