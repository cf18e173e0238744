import type { Settings } from './settings.js'
import type { WebhookAccepted } from './harness/client.js'
import type { WaitResult } from './wait.js'
import { formatDuration } from './duration.js'
import { classifyExecutionStatus } from './harness/status.js'

export interface ReportView {
  settings: Settings
  accepted: WebhookAccepted
  result?: WaitResult
}

/** The job summary section for one deployment (one matrix leg appends one section). Pure. */
export function renderSummary({ settings, accepted, result }: ReportView): string {
  const { ids, image } = settings
  const artifact = image.image
    ? `\`${image.image}${image.tag ? `:${image.tag}` : ''}\``
    : image.tag
      ? `tag \`${image.tag}\``
      : 'no image'
  const rows: Array<[string, string]> = [
    ['Pipeline', `\`${ids.pipelineId}\` (${ids.orgId}/${ids.projectId})`],
    ['Trigger', `\`${ids.triggerId}\``],
    ['Artifact', artifact + (image.digest ? ` @ \`${image.digest.slice(0, 19)}…\`` : '')],
    [
      'Event',
      `\`${accepted.eventCorrelationId}\`${result?.webhookStatus ? ` ${result.webhookStatus}` : ''}`
    ]
  ]
  if (result) {
    rows.push(['Execution', `${statusMark(result)} ${result.status ?? outcomeWords(result)}`])
    rows.push(['Duration', formatDuration(Math.max(0, result.endedAt - result.startedAt))])
  }
  const links = [
    result?.executionUrl ? `[Execution](${result.executionUrl})` : undefined,
    accepted.uiUrl ? `[Deployments](${accepted.uiUrl})` : undefined,
    accepted.uiSetupUrl ? `[Pipeline studio](${accepted.uiSetupUrl})` : undefined
  ].filter(Boolean)

  const title = `### ${result ? statusMark(result) : '🚀'} Harness: ${ids.pipelineId} · ${image.image ?? image.tag ?? ids.triggerId}`
  return [
    title,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([key, value]) => `| ${key} | ${escapeCell(value)} |`),
    '',
    links.join(' · '),
    result && result.outcome !== 'passed' ? `\n> ${result.message}` : '',
    ''
  ].join('\n')
}

function statusMark(result: WaitResult): string {
  if (result.outcome === 'passed') return '✅'
  if (result.outcome === 'cancelled') return '⏹️'
  if (result.outcome === 'timeout' || result.outcome === 'event-pending') return '⏱️'
  if (result.status && classifyExecutionStatus(result.status) === 'waiting-for-person') return '✋'
  return '❌'
}

function outcomeWords(result: WaitResult): string {
  return {
    passed: 'passed',
    failed: 'failed',
    'never-started': 'did not start',
    'event-pending': 'event still pending',
    timeout: 'timed out',
    cancelled: 'cancelled'
  }[result.outcome]
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
