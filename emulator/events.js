// Trigger events and their asynchronous processing (harness-api.md §2): pending for a scripted
// number of details reads, then matched against the triggers and their payload conditions, which
// may start an execution. Also the details (V2, v1) and event history routes.
import { errorReply, jsonReply, newEventId, requireParams, success } from './envelope.js'
import { checkAccess, PERMISSION_VIEW } from './auth.js'

const QUEUED = 'QUEUED'
const STARTED = 'TARGET_EXECUTION_REQUESTED'
const INVALID_INPUT = 'INVALID_RUNTIME_INPUT_YAML'
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
/**
 * TriggerEventResponse.FinalStatus's own messages: what TriggerEventStatusHelper puts in
 * `triggerEventStatus.message` of a history record (the record's `message` is another text).
 */
const FINAL_STATUS_MESSAGES = {
  TARGET_EXECUTION_REQUESTED: 'Target execution requested',
  INVALID_RUNTIME_INPUT_YAML: 'Invalid runtime input yaml',
  NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS: 'No matching trigger for payload conditions',
  NO_ENABLED_CUSTOM_TRIGGER_FOUND: 'No enabled custom trigger found',
  EXCEPTION_WHILE_PROCESSING: 'Exception while processing',
  TARGET_DID_NOT_EXECUTE: 'Target did not execute',
  TRIGGER_DID_NOT_MATCH_EVENT_CONDITION: 'Trigger did not match event condition',
  // QUEUED is not in the 2023 enum: its text here is UNVERIFIED (harness-api.md §2.3)
  QUEUED: 'Trigger execution is queued.'
}
/**
 * TriggerEventResponseHelper marks exceptionOccurred false for every custom-trigger outcome it
 * builds (toResponseWithPollingInfo); only the filter's exception path is marked [inferred].
 */
const EXCEPTION_STATUSES = new Set(['EXCEPTION_WHILE_PROCESSING'])
const SUCCESS_STATUSES = new Set([STARTED, 'TRIGGER_CONFIRMATION_SUCCESSFUL'])
const SKIPPED_STATUSES = new Set(['SKIPPED', 'TRIGGER_DID_NOT_MATCH_EVENT_CONDITION'])
/** NGTriggerEventHistoryMapper (newer service): these headers are shown as **** */
const SENSITIVE_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-amz-security-token',
  'x-amz-credential',
  'set-cookie',
  'cookie'
])
const SENSITIVE_VALUE = /^(?:Bearer\s+)?[\w-]+\.[\w-]+\.[\w-]+$|^[A-Za-z0-9+/]{20,}={0,2}$/i

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

/**
 * The branch a remote pipeline is fetched from (TriggerExecutionHelper.getPipelineEntityToExecute
 * and resolveBranchExpression): for a custom webhook an expression always reads the body's
 * top-level `branch` (<+trigger.payload.branch>), whatever the expression says; the flag
 * CDS_RESOLVE_CUSTOM_TRIGGER_EXPRESSION, which changes that, is not emulated.
 * @param {import('./types.js').World['triggers'][number]} trigger
 * @param {unknown} payload
 * @returns {{ branch: string, error?: undefined } | { error: string, branch?: undefined }}
 */
function resolveBranch(trigger, payload) {
  const configured = trigger.pipelineBranchName
  if (!configured) {
    return {
      error:
        `Unable to continue trigger execution. Pipeline with identifier: ${trigger.pipelineId}, ` +
        `with org: ${trigger.orgId}, with ProjectId: ${trigger.projectId}, For Trigger: ` +
        `${trigger.triggerId} has missing or empty pipelineBranchName in trigger's yaml.`
    }
  }
  // TriggerHelper.isBranchExpr: a literal branch name is used as it is
  if (!(configured.startsWith('<+') && configured.endsWith('>'))) return { branch: configured }
  const branch =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? /** @type {Record<string, unknown>} */ (payload).branch
      : undefined
  // an empty string resolves, and Harness then takes the repo's default branch [UNVERIFIED]
  if (typeof branch === 'string') return { branch: branch || 'main' }
  return { error: `Please ensure the expression ${configured} has the right branch information` }
}

/** @param {string} pipelineId */
function runtimeInputOf(pipelineId) {
  return `pipeline:\n  identifier: ${pipelineId}\n`
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
   * @returns {import('./types.js').HistoryRecord}
   */
  record(finalStatus, message, now, trigger) {
    return {
      finalStatus,
      message,
      pipelineId: trigger?.pipelineId ?? this.pipelineId,
      triggerId: trigger?.triggerId ?? this.triggerId,
      createdAt: now,
      exceptionOccurred: EXCEPTION_STATUSES.has(finalStatus)
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
    return matching.map(trigger => this.start(trigger, executions, now))
  }

  /**
   * One matched trigger: the scripted outcome, or (for TARGET_EXECUTION_REQUESTED) the start of
   * its pipeline, which fails as INVALID_RUNTIME_INPUT_YAML with the exception's text when a
   * remote pipeline's branch does not resolve (TriggerEventExecutionHelper.generateEventHistoryForError).
   * @param {import('./types.js').World['triggers'][number]} trigger
   * @param {import('./executions.js').ExecutionStore} executions
   * @param {number} now
   * @returns {import('./types.js').HistoryRecord}
   */
  start(trigger, executions, now) {
    const status = this.script.outcome
    const message =
      this.script.message ??
      DEFAULT_MESSAGES[/** @type {keyof typeof DEFAULT_MESSAGES} */ (status)] ??
      status
    if (status !== STARTED) return this.record(status, message, now, trigger)
    const runtimeInput = runtimeInputOf(trigger.pipelineId)
    const resolved =
      trigger.pipelineStore === 'REMOTE' ? resolveBranch(trigger, this.payload) : undefined
    if (resolved?.error !== undefined) {
      // prepareTargetExecutionSummary without a plan execution: trigger, target and inputs only
      return {
        ...this.record(INVALID_INPUT, resolved.error, now, trigger),
        target: { runtimeInput }
      }
    }
    const execution = executions.start({
      accountId: this.accountId,
      orgId: trigger.orgId,
      projectId: trigger.projectId,
      pipelineId: trigger.pipelineId,
      triggerId: trigger.triggerId,
      eventId: this.id,
      branch: resolved?.branch,
      script: this.executionScript,
      now
    })
    return {
      ...this.record(status, message, now, trigger),
      executionId: execution.planExecutionId,
      target: {
        runtimeInput,
        executionId: execution.planExecutionId,
        runSequence: execution.runSequence,
        startTs: execution.startTs
      }
    }
  }
}

/** Events of the emulated account, and Harness's background processor. */
export class EventStore {
  /** @param {import('./executions.js').ExecutionStore} executions */
  constructor(executions) {
    /** @type {EmulatedEvent[]} */
    this.all = []
    this.executions = executions
    /** @type {Set<NodeJS.Timeout>} */
    this.timers = new Set()
  }

  /** @param {ConstructorParameters<typeof EmulatedEvent>[0]} init */
  create(init) {
    const event = new EmulatedEvent(init)
    this.all.push(event)
    // a time-only script: the processor takes the event up on its own once pendingMs is over,
    // whether or not anyone reads it (an execution may start after the client has gone)
    if (event.script.pendingReads === 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        event.processIfDue(this.executions, Date.now())
      }, event.script.pendingMs)
      timer.unref()
      this.timers.add(timer)
    }
    return event
  }

  /**
   * @param {string} id
   * @param {string | undefined} accountId
   */
  find(id, accountId) {
    return this.all.find(event => event.id === id && event.accountId === accountId)
  }

  /** stop the processor: events not yet processed stay QUEUED (close) */
  stop() {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  /** forget every event (reset) */
  clear() {
    this.stop()
    this.all.length = 0
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
 * The event a status read asks about, with the access check of the details routes (§2.1) and
 * one read counted (the scripted pending reads).
 * @param {import('./internal.js').RouteContext} context
 * @param {import('./types.js').RecordedRequest} request
 * @param {string} id
 * @returns {{ reply: import('./types.js').Reply, event?: undefined } | { event: EmulatedEvent, reply?: undefined }}
 */
function readEvent(context, request, id) {
  const { world, store } = context
  const invalid = requireParams(request.query, ['accountIdentifier'])
  if (invalid) return { reply: invalid }
  const event = store.events.find(id, request.query.accountIdentifier)
  const denied = checkAccess(world, request, {
    required: world.viewRequiresKey,
    permission: PERMISSION_VIEW,
    resource: { org: event?.orgId, project: event?.projectId, pipeline: event?.pipelineId }
  })
  if (denied) return { reply: denied }
  if (!event) return { reply: historyMissing(id) }
  const now = Date.now()
  const pending = !event.processed && !event.isDue(now)
  event.detailsReads += 1
  if (!pending) event.processIfDue(store.executions, now)
  return { event }
}

/**
 * WebhookEventProcessingDetails (NGTriggerServiceImpl.fetchTriggerEventHistory): the first
 * history row; no @JsonInclude, so absent values are sent as null.
 * @param {EmulatedEvent} event
 */
function processingDetails(event) {
  const shown = event.records[0]
  return {
    eventFound: true,
    eventId: event.id,
    accountIdentifier: event.accountId,
    orgIdentifier: event.orgId,
    projectIdentifier: event.projectId,
    triggerIdentifier: shown.triggerId ?? null,
    pipelineIdentifier: shown.pipelineId ?? null,
    // set from the row's TargetExecutionSummary, which a failed start has without an id
    pipelineExecutionId: shown.target ? (shown.target.executionId ?? null) : null,
    exceptionOccured: shown.exceptionOccurred,
    status: shown.finalStatus,
    message: shown.message,
    payload: event.body,
    // the history row's own createdAt, not the event's
    eventCreatedAt: shown.createdAt,
    runtimeInput: shown.target?.runtimeInput ?? null,
    warningMsg: event.records.length > 1 ? MULTIPLE_WARNING : null
  }
}

/**
 * GET …/webhook/triggerProcessingDetails?accountIdentifier=&eventId= (NGTriggerWebhookConfigResource
 * fetchWebhookDetails): the status fields only. The newer service answers QUEUED here (harness-api.md
 * corrections 2); `processingDetailsAvailable: false` plays an install without the route.
 * @param {import('./internal.js').RouteContext} context
 * @param {import('./types.js').RecordedRequest} request
 */
export function readProcessingDetails(context, request) {
  if (request.method !== 'GET') return undefined
  if (!context.world.event.processingDetailsAvailable) {
    return errorReply('RESOURCE_NOT_FOUND', 'HTTP 404 Not Found')
  }
  const invalid = requireParams(request.query, ['accountIdentifier', 'eventId'])
  if (invalid) return invalid
  const read = readEvent(context, request, request.query.eventId)
  if (read.reply) return read.reply
  return jsonReply(200, success(processingDetails(read.event)))
}

/**
 * GET …/webhook/triggerExecutionDetailsV2/{id} and …/triggerExecutionDetails/{id}
 * (WebhookExecutionDetails, no @JsonInclude: `executionDetails` is null until there is an
 * execution; the newer service's class adds `executionUrl`, the 2023 one has no such key).
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
  const read = readEvent(context, request, id)
  if (read.reply) return read.reply
  const { event } = read
  const shown = event.records[0]
  if (shown.finalStatus === QUEUED && version === 'v1') return historyMissing(id)

  const execution = shown.executionId
    ? store.executions.all.find(e => e.planExecutionId === shown.executionId)
    : undefined
  const now = Date.now()
  /** @type {Record<string, unknown>} */
  const data = {
    webhookProcessingDetails: processingDetails(event),
    executionDetails:
      execution && event.script.includeExecutionDetails
        ? execution.render(now, context.uiBaseUrl)
        : null
  }
  // an old server (no V2 route) is the 2023 service, whose class has no executionUrl
  if (world.event.v2Available) {
    data.executionUrl =
      execution && event.script.includeExecutionUrl
        ? execution.executionUrl(context.uiBaseUrl)
        : null
  }
  return jsonReply(200, success(data))
}

/** @param {string} finalStatus TriggerEventStatusHelper.toStatus */
function eventStatusOf(finalStatus) {
  if (SUCCESS_STATUSES.has(finalStatus)) return 'SUCCESS'
  return SKIPPED_STATUSES.has(finalStatus) ? 'SKIPPED' : 'FAILED'
}

/**
 * GET …/pipeline/api/triggers/eventHistory/v2/eventCorrelation/{id}?accountIdentifier=&page=&size=
 * (NGTriggerEventHistoryResource): without `sort`, newest first (Sort.by(DESC, createdAt)).
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
    // createdAt DESC; among equal times the later insert first
    .sort((a, b) => b.record.createdAt - a.record.createdAt || b.order - a.order)
    .map(({ record }) => historyDto(/** @type {EmulatedEvent} */ (event), record))
  const page = Math.max(0, Number.parseInt(request.query.page ?? '0', 10) || 0)
  const size = Math.max(1, Number.parseInt(request.query.size ?? '10', 10) || 10)
  return jsonReply(200, success(pageOf(rows, page, size)))
}

/**
 * Request headers as the newer mapper shows them: values joined with ',', secrets as ****.
 * @param {Record<string, string>} headers
 */
function maskedHeaders(headers) {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      SENSITIVE_HEADERS.has(name.toLowerCase()) || SENSITIVE_VALUE.test(value) ? '****' : value
    ])
  )
}

/**
 * NGTriggerEventHistoryDTO as NGTriggerEventHistoryMapper.toTriggerEventHistoryDto builds it:
 * @JsonInclude(NON_NULL), and the mapper never sets `createdAt`, `exceptionOccurred` or (on this
 * route) `type`, so those keys are absent. TargetExecutionSummary has no @JsonInclude: its nulls stay.
 * @param {EmulatedEvent} event
 * @param {import('./types.js').HistoryRecord} record
 */
function historyDto(event, record) {
  /** @type {Record<string, unknown>} */
  const dto = {
    triggerIdentifier: record.triggerId,
    accountId: event.accountId,
    orgIdentifier: event.orgId,
    projectIdentifier: event.projectId,
    targetIdentifier: record.pipelineId,
    eventCorrelationId: event.id,
    payload: event.body,
    headers: maskedHeaders(event.headers),
    eventCreatedAt: event.createdAt,
    finalStatus: record.finalStatus,
    triggerEventStatus: {
      status: eventStatusOf(record.finalStatus),
      message:
        FINAL_STATUS_MESSAGES[
          /** @type {keyof typeof FINAL_STATUS_MESSAGES} */ (record.finalStatus)
        ] ?? record.finalStatus
    },
    message: record.message
  }
  if (record.target) {
    dto.targetExecutionSummary = {
      triggerId: record.triggerId ?? null,
      targetId: record.pipelineId ?? null,
      runtimeInput: record.target.runtimeInput,
      planExecutionId: record.target.executionId ?? null,
      runSequence: record.target.runSequence ?? null,
      // the plan execution's engine status when the start was recorded, not a live one
      executionStatus: record.target.executionId ? 'RUNNING' : null,
      startTs: record.target.startTs ?? null
    }
  }
  for (const key of Object.keys(dto)) if (dto[key] === undefined) delete dto[key]
  return dto
}

/**
 * A Spring Data page, as Harness serialises `Page<…>` [inferred: Jackson's view of PageImpl].
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
