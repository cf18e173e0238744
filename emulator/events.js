// Trigger events and their asynchronous processing (harness-api.md §2): pending for a scripted
// number of details reads, then matched against the triggers and their payload conditions, which
// may start an execution. Also the details (V2, v1) and event history routes.
import { errorReply, jsonReply, newEventId, requireParams, success } from './envelope.js'
import { checkAccess, PERMISSION_VIEW } from './auth.js'
import { engineStatus } from './executions.js'

const QUEUED = 'QUEUED'
const STARTED = 'TARGET_EXECUTION_REQUESTED'
const MULTIPLE_WARNING =
  'There are multiple trigger events generated from this eventId. This response contains only one of them.'

/** Messages Harness writes for the statuses a custom trigger can reach. */
const DEFAULT_MESSAGES = {
  QUEUED: 'Trigger execution is queued.',
  TARGET_EXECUTION_REQUESTED: 'Pipeline execution was requested successfully',
  NO_ENABLED_CUSTOM_TRIGGER_FOUND: 'No enabled custom trigger found for the event',
  INVALID_RUNTIME_INPUT_YAML: 'Failed while requesting Pipeline Execution through Trigger',
  EXCEPTION_WHILE_PROCESSING: 'Exception occurred while Processing Trigger Filter',
  TARGET_DID_NOT_EXECUTE: 'Trigger target did not execute'
}
const EXCEPTION_STATUSES = new Set(['INVALID_RUNTIME_INPUT_YAML', 'EXCEPTION_WHILE_PROCESSING'])
const SUCCESS_STATUSES = new Set([STARTED, 'TRIGGER_CONFIRMATION_SUCCESSFUL'])
const SKIPPED_STATUSES = new Set(['SKIPPED', 'TRIGGER_DID_NOT_MATCH_EVENT_CONDITION'])

/**
 * Reads `image`, `github.branch` or `<+trigger.payload.github.branch>` from a parsed body.
 * @param {unknown} payload
 * @param {string} key
 */
function valueAt(payload, key) {
  const path = key.replace(/^<\+trigger\.payload\./, '').replace(/>$/, '')
  /** @type {unknown} */
  let value = payload
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = /** @type {Record<string, unknown>} */ (value)[part]
  }
  return value === undefined || value === null ? undefined : String(value)
}

/**
 * @param {import('./types.js').PayloadCondition} condition
 * @param {unknown} payload
 */
export function conditionHolds(condition, payload) {
  const actual = valueAt(payload, condition.key)
  if (actual === undefined) return false
  const expected = condition.value
  const list = () => expected.split(',').map(item => item.trim())
  switch (condition.operator.replace(/\s+/g, '').toLowerCase()) {
    case 'equals':
      return actual === expected
    case 'notequals':
      return actual !== expected
    case 'startswith':
      return actual.startsWith(expected)
    case 'endswith':
      return actual.endsWith(expected)
    case 'contains':
      return actual.includes(expected)
    case 'in':
      return list().includes(actual)
    case 'notin':
      return !list().includes(actual)
    case 'regex':
      return new RegExp(expected).test(actual)
    default:
      return false
  }
}

/** @param {string} text */
function parseJson(text) {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** @typedef {import('./types.js').EmulatedEvent} EmulatedEventShape */

/** @implements {EmulatedEventShape} */
export class EmulatedEvent {
  /**
   * @param {{ accountId: string, orgId: string, projectId: string, pipelineId?: string,
   *   triggerId?: string, webhookVersion: 'v1' | 'v2' | 'v3', body: string,
   *   headers: Record<string, string>, candidates: import('./types.js').World['triggers'],
   *   script: import('./types.js').World['event'],
   *   executionScript: import('./types.js').World['execution'], now: number }} init
   */
  constructor(init) {
    this.id = newEventId()
    this.accountId = init.accountId
    this.orgId = init.orgId
    this.projectId = init.projectId
    this.pipelineId = init.pipelineId
    this.triggerId = init.triggerId
    this.webhookVersion = init.webhookVersion
    this.body = init.body
    this.payload = parseJson(init.body)
    this.headers = init.headers
    this.createdAt = init.now
    /** the triggers the processor will look at (copied: the world may change meanwhile) */
    this.candidates = structuredClone(init.candidates)
    this.script = { ...init.script }
    this.executionScript = structuredClone(init.executionScript)
    this.detailsReads = 0
    this.processed = false
    /** @type {import('./types.js').HistoryRecord[]} the webhook route upserts a QUEUED row at once */
    this.records = [this.record(QUEUED, DEFAULT_MESSAGES.QUEUED, init.now)]
  }

  /**
   * @param {string} finalStatus
   * @param {string} message
   * @param {number} now
   * @param {{ pipelineId: string, triggerId: string }} [trigger]
   */
  record(finalStatus, message, now, trigger) {
    return {
      finalStatus,
      message,
      pipelineId: trigger?.pipelineId ?? this.pipelineId,
      triggerId: trigger?.triggerId ?? this.triggerId,
      createdAt: now
    }
  }

  /** @param {number} now */
  isDue(now) {
    return (
      this.detailsReads >= this.script.pendingReads && now >= this.createdAt + this.script.pendingMs
    )
  }

  /**
   * Processes the event once it is due (what Harness's processor does in the background).
   * @param {import('./executions.js').ExecutionStore} executions
   * @param {number} now
   */
  processIfDue(executions, now) {
    if (this.processed || !this.isDue(now)) return
    this.processed = true
    const results = this.outcomes(executions, now)
    // the processor upserts over the QUEUED row on success; when it inserts instead, the QUEUED
    // row stays first and the details route keeps showing it (§2.4)
    if (this.script.stuckQueued) this.records.push(...results)
    else this.records.splice(0, 1, ...results)
  }

  /**
   * @param {import('./executions.js').ExecutionStore} executions
   * @param {number} now
   * @returns {import('./types.js').HistoryRecord[]}
   */
  outcomes(executions, now) {
    if (this.candidates.length === 0) {
      return [
        this.record(
          'NO_ENABLED_CUSTOM_TRIGGER_FOUND',
          DEFAULT_MESSAGES.NO_ENABLED_CUSTOM_TRIGGER_FOUND,
          now
        )
      ]
    }
    const matching = this.candidates.filter(trigger =>
      trigger.payloadConditions.every(condition => conditionHolds(condition, this.payload))
    )
    if (matching.length === 0) {
      const trigger = this.candidates[0]
      const failed = trigger.payloadConditions.find(c => !conditionHolds(c, this.payload))
      const actual = failed ? valueAt(this.payload, failed.key) : undefined
      return [
        this.record(
          'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
          `No trigger matched the payload conditions: ${failed?.key} ${failed?.operator} ` +
            `"${failed?.value}" (payload has ${actual === undefined ? 'no value' : `"${actual}"`})`,
          now
        )
      ]
    }
    return matching.map(trigger => {
      const status = this.script.outcome
      const message =
        this.script.message ??
        DEFAULT_MESSAGES[/** @type {keyof typeof DEFAULT_MESSAGES} */ (status)] ??
        status
      const row = this.record(status, message, now, trigger)
      if (status !== STARTED) return row
      const execution = executions.start({
        accountId: this.accountId,
        orgId: trigger.orgId,
        projectId: trigger.projectId,
        pipelineId: trigger.pipelineId,
        triggerId: trigger.triggerId,
        eventId: this.id,
        script: this.executionScript,
        now
      })
      return { ...row, executionId: execution.planExecutionId }
    })
  }
}

/** Events of the emulated account. */
export class EventStore {
  constructor() {
    /** @type {EmulatedEvent[]} */
    this.all = []
  }

  /** @param {ConstructorParameters<typeof EmulatedEvent>[0]} init */
  create(init) {
    const event = new EmulatedEvent(init)
    this.all.push(event)
    return event
  }

  /**
   * @param {string} id
   * @param {string | undefined} accountId
   */
  find(id, accountId) {
    return this.all.find(event => event.id === id && event.accountId === accountId)
  }
}

/** @param {string} id */
function historyMissing(id) {
  return errorReply(
    'INVALID_REQUEST',
    `Trigger event history doesn't exist for event with eventId ${id}`
  )
}

/**
 * GET …/webhook/triggerExecutionDetailsV2/{id} and …/triggerExecutionDetails/{id}
 * @param {import('./internal.js').RouteContext} context
 * @param {import('./types.js').RecordedRequest} request
 * @param {string} id
 * @param {'v1' | 'v2'} version
 */
export function readEventDetails(context, request, id, version) {
  if (request.method !== 'GET') return undefined
  const { world, store } = context
  if (version === 'v2' && !world.event.v2Available) {
    return errorReply('RESOURCE_NOT_FOUND', 'HTTP 404 Not Found')
  }
  const invalid = requireParams(request.query, ['accountIdentifier'])
  if (invalid) return invalid
  const event = store.events.find(id, request.query.accountIdentifier)
  const denied = checkAccess(world, request, {
    required: world.viewRequiresKey,
    permission: PERMISSION_VIEW,
    resource: { org: event?.orgId, project: event?.projectId, pipeline: event?.pipelineId }
  })
  if (denied) return denied
  if (!event) return historyMissing(id)

  const now = Date.now()
  const pending = !event.processed && !event.isDue(now)
  event.detailsReads += 1
  if (!pending) event.processIfDue(store.executions, now)
  const shown = event.records[0]
  if (shown.finalStatus === QUEUED && version === 'v1') return historyMissing(id)

  const execution = shown.executionId
    ? store.executions.all.find(e => e.planExecutionId === shown.executionId)
    : undefined
  /** @type {Record<string, unknown>} */
  const data = {
    webhookProcessingDetails: {
      eventFound: true,
      eventId: event.id,
      accountIdentifier: event.accountId,
      orgIdentifier: event.orgId,
      projectIdentifier: event.projectId,
      triggerIdentifier: shown.triggerId ?? null,
      pipelineIdentifier: shown.pipelineId ?? null,
      pipelineExecutionId: shown.executionId ?? null,
      exceptionOccured: EXCEPTION_STATUSES.has(shown.finalStatus),
      status: shown.finalStatus,
      message: shown.message,
      payload: event.body,
      eventCreatedAt: event.createdAt,
      runtimeInput: execution ? `pipeline:\n  identifier: ${execution.pipelineId}\n` : null,
      warningMsg: event.records.length > 1 ? MULTIPLE_WARNING : null
    }
  }
  if (execution && event.script.includeExecutionDetails) {
    data.executionDetails = execution.render(now, context.uiBaseUrl)
  }
  if (execution && event.script.includeExecutionUrl) {
    data.executionUrl = execution.executionUrl(context.uiBaseUrl)
  }
  return jsonReply(200, success(data))
}

/** @param {string} finalStatus */
function eventStatusOf(finalStatus) {
  if (finalStatus === QUEUED) return null
  if (SUCCESS_STATUSES.has(finalStatus)) return 'SUCCESS'
  return SKIPPED_STATUSES.has(finalStatus) ? 'SKIPPED' : 'FAILED'
}

/**
 * GET …/pipeline/api/triggers/eventHistory/v2/eventCorrelation/{id}?accountIdentifier=&page=&size=
 * @param {import('./internal.js').RouteContext} context
 * @param {import('./types.js').RecordedRequest} request
 * @param {string} id
 */
export function readEventHistory(context, request, id) {
  if (request.method !== 'GET') return undefined
  const { world, store } = context
  const invalid = requireParams(request.query, ['accountIdentifier'])
  if (invalid) return invalid
  const event = store.events.find(id, request.query.accountIdentifier)
  const denied = checkAccess(world, request, {
    required: true,
    permission: PERMISSION_VIEW,
    resource: { org: event?.orgId, project: event?.projectId, pipeline: event?.pipelineId }
  })
  if (denied) return denied
  const now = Date.now()
  event?.processIfDue(store.executions, now)
  const rows = (event?.records ?? [])
    .map((record, order) => ({ record, order }))
    // default sort createdAt DESC; among equal times the later insert first
    .sort((a, b) => b.record.createdAt - a.record.createdAt || b.order - a.order)
    .map(({ record }) => historyDto(context, /** @type {EmulatedEvent} */ (event), record))
  const page = Math.max(0, Number.parseInt(request.query.page ?? '0', 10) || 0)
  const size = Math.max(1, Number.parseInt(request.query.size ?? '10', 10) || 10)
  return jsonReply(200, success(pageOf(rows, page, size)))
}

/**
 * NGTriggerEventHistoryDTO
 * @param {import('./internal.js').RouteContext} context
 * @param {EmulatedEvent} event
 * @param {import('./types.js').HistoryRecord} record
 */
function historyDto(context, event, record) {
  const execution = record.executionId
    ? context.store.executions.all.find(e => e.planExecutionId === record.executionId)
    : undefined
  return {
    accountId: event.accountId,
    orgIdentifier: event.orgId,
    projectIdentifier: event.projectId,
    targetIdentifier: record.pipelineId ?? null,
    triggerIdentifier: record.triggerId ?? null,
    eventCorrelationId: event.id,
    payload: event.body,
    eventCreatedAt: event.createdAt,
    finalStatus: record.finalStatus,
    message: record.message,
    exceptionOccurred: EXCEPTION_STATUSES.has(record.finalStatus),
    triggerEventStatus: { status: eventStatusOf(record.finalStatus), message: record.message },
    createdAt: record.createdAt,
    type: 'WEBHOOK',
    targetExecutionSummary: execution
      ? {
          triggerId: execution.triggerId,
          targetId: execution.pipelineId,
          runtimeInput: `pipeline:\n  identifier: ${execution.pipelineId}\n`,
          planExecutionId: execution.planExecutionId,
          executionStatus: engineStatus(execution.status),
          startTs: execution.startTs
        }
      : null
  }
}

/**
 * A Spring Data page, as Harness serialises `Page<…>`.
 * @template T
 * @param {T[]} rows
 * @param {number} page
 * @param {number} size
 */
function pageOf(rows, page, size) {
  const content = rows.slice(page * size, page * size + size)
  const totalPages = Math.ceil(rows.length / size)
  const sort = { sorted: true, unsorted: false, empty: false }
  return {
    content,
    pageable: {
      pageNumber: page,
      pageSize: size,
      offset: page * size,
      sort,
      paged: true,
      unpaged: false
    },
    totalElements: rows.length,
    totalPages,
    last: page >= totalPages - 1,
    first: page === 0,
    size,
    number: page,
    sort,
    numberOfElements: content.length,
    empty: content.length === 0
  }
}
