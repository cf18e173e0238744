import type {
  EventDetails,
  EventHistoryRecord,
  ExecutionSummary,
  StageSummary,
  WebhookAccepted
} from './client.js'
import { isRecord, textField } from './envelope.js'
import { withoutUndefined } from './plain.js'

/** A successful answer whose `data` lacks what is needed; the message says what is missing. */
export class ShapeProblem extends Error {
  constructor(missing: string) {
    super(missing)
    this.name = 'ShapeProblem'
  }
}

type Redact = (text: string) => string

/** v2/v3 answer object, or v1's bare event id string. */
export function webhookAcceptedFrom(data: unknown): WebhookAccepted {
  const bareId = textField(data)
  if (bareId) return { eventCorrelationId: bareId, apiUrl: '', uiUrl: '', uiSetupUrl: '' }
  const answer = recordOrFail(data, 'no data object')
  const eventCorrelationId = textField(answer.eventCorrelationId)
  if (!eventCorrelationId) throw new ShapeProblem('no data.eventCorrelationId')
  return {
    eventCorrelationId,
    apiUrl: httpUrlField(answer.apiUrl) ?? '',
    uiUrl: httpUrlField(answer.uiUrl) ?? '',
    uiSetupUrl: httpUrlField(answer.uiSetupUrl) ?? ''
  }
}

/** `WebhookEventProcessingDetails` (triggerProcessingDetails): the event's status fields. */
export function processingDetailsFrom(data: unknown, redact: Redact): EventDetails {
  return processingFrom(data, 'data', redact)
}

/** `WebhookExecutionDetails`: the event's processing status and, once started, its execution. */
export function eventDetailsFrom(data: unknown, redact: Redact): EventDetails {
  const root = recordOrFail(data, 'no data object')
  const details = processingFrom(
    root.webhookProcessingDetails,
    'data.webhookProcessingDetails',
    redact
  )
  if (details.pending && details.status === undefined) return details
  const summary = record(record(root.executionDetails)?.pipelineExecutionSummary)
  return withoutUndefined({
    ...details,
    executionUrl: httpUrlField(root.executionUrl),
    executionStatus: textField(summary?.status)
  })
}

function processingFrom(processing: unknown, where: string, redact: Redact): EventDetails {
  if (!isRecord(processing)) throw new ShapeProblem(`no ${where}`)
  // Very old servers answer eventFound:false before the event is processed.
  if (processing.eventFound === false) return { pending: true }
  if (processing.eventFound !== true && typeof processing.status !== 'string') {
    throw new ShapeProblem(`no ${where}.status`)
  }
  const status = textField(processing.status)
  return withoutUndefined({
    pending: status === undefined || status === 'QUEUED',
    status,
    message: redacted(processing.message, redact),
    warningMsg: redacted(processing.warningMsg, redact),
    pipelineExecutionId: textField(processing.pipelineExecutionId)
  })
}

/**
 * `Page<NGTriggerEventHistoryDTO>` → records, in Harness's order: newest first when no `sort` is
 * sent (Sort.by(DESC, createdAt) server-side). The records carry no `createdAt` to sort on.
 */
export function eventHistoryFrom(data: unknown, redact: Redact): EventHistoryRecord[] {
  const content = recordOrFail(data, 'no data object').content
  if (!Array.isArray(content)) throw new ShapeProblem('no data.content list')
  return content.filter(isRecord).map(entry =>
    withoutUndefined({
      finalStatus: textField(entry.finalStatus),
      message: redacted(entry.message, redact),
      planExecutionId: textField(record(entry.targetExecutionSummary)?.planExecutionId)
    })
  )
}

/** `PipelineExecutionDetailDTO` → the summary the action reports on. */
export function executionSummaryFrom(
  data: unknown,
  planExecutionId: string,
  redact: Redact
): ExecutionSummary {
  const root = recordOrFail(data, 'no data object')
  const summary = root.pipelineExecutionSummary
  if (!isRecord(summary)) throw new ShapeProblem('no data.pipelineExecutionSummary')
  const status = textField(summary.status)
  if (!status) throw new ShapeProblem('no data.pipelineExecutionSummary.status')
  const modules = Array.isArray(summary.modules)
    ? summary.modules.filter((module): module is string => typeof module === 'string')
    : undefined
  return withoutUndefined({
    status,
    planExecutionId: textField(summary.planExecutionId) ?? planExecutionId,
    pipelineIdentifier: textField(summary.pipelineIdentifier),
    name: textField(summary.name),
    runSequence: numberField(summary.runSequence),
    startTs: timestampField(summary.startTs),
    endTs: timestampField(summary.endTs),
    modules,
    failureMessage: redacted(record(summary.failureInfo)?.message, redact),
    executionUrl: httpUrlField(summary.executionUrl) ?? httpUrlField(root.executionUrl),
    stages: stagesFrom(summary.layoutNodeMap, redact)
  })
}

/**
 * Stage nodes of `layoutNodeMap`: every node with a name and a status that looksLikeStage.
 */
function stagesFrom(layoutNodeMap: unknown, redact: Redact): StageSummary[] {
  if (!isRecord(layoutNodeMap)) return []
  const stages: StageSummary[] = []
  for (const [key, node] of Object.entries(layoutNodeMap)) {
    if (!isRecord(node) || !looksLikeStage(node)) continue
    const name = textField(node.name)
    const status = textField(node.status)
    if (!name || !status) continue
    stages.push(
      withoutUndefined({
        nodeUuid: textField(node.nodeUuid) ?? key,
        name,
        status,
        startTs: timestampField(node.startTs),
        endTs: timestampField(node.endTs),
        failureMessage: redacted(record(node.failureInfo)?.message, redact)
      })
    )
  }
  return stages
}

/**
 * A stage is a node of `nodeGroup` STAGE (a node without a group counts, for older answers) that
 * is not a parallel wrapper. ParallelPlanCreator gives the wrapper of stages run side by side
 * `nodeGroup: STAGE` too, so the group alone does not tell it apart: its shape does (`nodeType`
 * `parallel`, its stages as `edgeLayoutList.currentNodeChildren`). Its empty name is not the reason.
 */
function looksLikeStage(node: Record<string, unknown>): boolean {
  const group = textField(node.nodeGroup)
  if (group && group.toUpperCase() !== 'STAGE') return false
  return !isParallelWrapper(node)
}

function isParallelWrapper(node: Record<string, unknown>): boolean {
  if (textField(node.nodeType)?.toLowerCase() === 'parallel') return true
  const children = record(node.edgeLayoutList)?.currentNodeChildren
  return Array.isArray(children) && children.length > 0
}

function recordOrFail(value: unknown, missing: string): Record<string, unknown> {
  if (!isRecord(value)) throw new ShapeProblem(missing)
  return value
}

function record(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined
}

function redacted(value: unknown, redact: Redact): string | undefined {
  const text = textField(value)
  return text === undefined ? undefined : redact(text)
}

/** A URL from an answer is used only when it is http(s): a link, an output, never a `javascript:`. */
function httpUrlField(value: unknown): string | undefined {
  const text = textField(value)
  if (text === undefined) return undefined
  try {
    const { protocol } = new URL(text)
    return protocol === 'https:' || protocol === 'http:' ? text : undefined
  } catch {
    return undefined
  }
}

function numberField(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** Harness sends 0 for a time that has not come yet (endTs of a running execution). */
function timestampField(value: unknown): number | undefined {
  const time = numberField(value)
  return time !== undefined && time > 0 ? time : undefined
}
