// Pipeline executions (harness-api.md §3, §4): a scripted list of statuses that advances one step
// per read of the execution (or one step per `stepMs`), stage nodes that follow it, and AbortAll.
import { errorReply, jsonReply, newShortUuid, requireParams, success } from './envelope.js'
import { checkAccess, PERMISSION_EXECUTE, PERMISSION_VIEW } from './auth.js'

const TERMINAL = new Set([
  'Success',
  'Failed',
  'Errored',
  'Aborted',
  'Expired',
  'ApprovalRejected',
  'AbortedByFreeze',
  'IgnoreFailed',
  'Skipped',
  'Suspended',
  'PassedWithWarning'
])
const PASSED = new Set(['Success', 'PassedWithWarning', 'IgnoreFailed'])
const BROKEN = new Set(['Failed', 'Errored', 'Expired', 'ApprovalRejected', 'AbortedByFreeze'])
const DEFAULT_FAILURE = 'Shell Script step "rollout" failed: exit status 1'

/** Engine names that are not simply the PascalCase name in UPPER_SNAKE. */
const ENGINE_NAMES = { Success: 'SUCCEEDED', NotStarted: 'NO_OP', AbortedByFreeze: 'FREEZE_FAILED' }

/** @param {string} status */
export function isTerminal(status) {
  return TERMINAL.has(status)
}

/**
 * The engine enum name Harness prints in interrupt errors and event history (`[SUCCEEDED]`).
 * @param {string} status PascalCase, as the execution API shows it
 */
export function engineStatus(status) {
  const known = ENGINE_NAMES[/** @type {keyof typeof ENGINE_NAMES} */ (status)]
  if (known) return known
  return status.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()
}

/** @param {string} status */
function isQueued(status) {
  return status === 'Queued' || status.startsWith('Queued') || status === 'QUEUED_PLAN_CREATION'
}

/** @typedef {import('./types.js').EmulatedExecution} EmulatedExecutionShape */

/** @implements {EmulatedExecutionShape} */
export class EmulatedExecution {
  /**
   * @param {{ accountId: string, orgId: string, projectId: string, pipelineId: string,
   *   triggerId: string, eventId: string, runSequence: number,
   *   script: import('./types.js').World['execution'], now: number }} init
   */
  constructor(init) {
    this.planExecutionId = newShortUuid()
    this.accountId = init.accountId
    this.orgId = init.orgId
    this.projectId = init.projectId
    this.pipelineId = init.pipelineId
    this.triggerId = init.triggerId
    this.eventId = init.eventId
    this.runSequence = init.runSequence
    this.startTs = init.now
    /** a copy: later changes to the world do not rewrite a running execution */
    this.script = structuredClone(init.script)
    this.reads = 0
    /** index of the step the last read showed (read-based model) */
    this.shown = -1
    /** @type {import('./types.js').Interrupt[]} */
    this.interrupts = []
    /** @type {{ at: number, reads: number, index: number, immediate: boolean } | undefined} */
    this.abortState = undefined
    /** @type {number | undefined} */
    this.endTs = undefined
    /** @type {Map<string, { startTs?: number, endTs?: number }>} when each stage was first seen started / finished */
    this.stageTimes = new Map()
  }

  get status() {
    return this.statusAt(Date.now())
  }

  /** @param {number} now */
  stepIndex(now) {
    const last = this.script.statuses.length - 1
    if (this.abortState) return this.abortState.index
    if (this.script.stepMs)
      return Math.min(Math.floor((now - this.startTs) / this.script.stepMs), last)
    return Math.max(0, Math.min(this.shown, last))
  }

  /** @param {number} now */
  statusAt(now) {
    const abort = this.abortState
    if (!abort) return this.script.statuses[this.stepIndex(now)]
    if (abort.immediate) return 'Aborted'
    // abort goes through Discontinuing: for one read (or one step of time), then Aborted
    const discontinuing = this.script.stepMs
      ? now - abort.at < this.script.stepMs
      : this.reads - abort.reads <= 1
    return discontinuing ? 'Discontinuing' : 'Aborted'
  }

  /**
   * One read of the execution route: advances the script, then renders it.
   * @param {number} now
   * @param {string} uiBaseUrl
   */
  read(now, uiBaseUrl) {
    this.reads += 1
    if (!this.abortState && !this.script.stepMs) {
      this.shown = Math.min(this.shown + 1, this.script.statuses.length - 1)
    }
    return this.render(now, uiBaseUrl)
  }

  /**
   * AbortAll: an error answer (already finished, already aborting) or the InterruptDTO.
   * @param {number} now
   */
  abort(now = Date.now()) {
    const status = this.statusAt(now)
    if (isTerminal(status)) {
      return errorReply(
        'INVALID_REQUEST',
        `Execution is already finished with status: [${engineStatus(status)}]`
      )
    }
    if (this.abortState) {
      return errorReply('ABORT_ALL_ALREADY_NG', 'Execution already has ABORT_ALL interrupt')
    }
    this.abortState = {
      at: now,
      reads: this.reads,
      index: this.stepIndex(now),
      immediate: isQueued(status)
    }
    const interrupt = { id: newShortUuid(), type: 'AbortAll', time: now }
    this.interrupts.push(interrupt)
    return jsonReply(
      200,
      success({ id: interrupt.id, type: 'AbortAll', planExecutionId: this.planExecutionId })
    )
  }

  /**
   * The UI link Harness computes for `<+pipeline.executionUrl>` (§3.3).
   * @param {string} uiBaseUrl
   */
  executionUrl(uiBaseUrl) {
    return (
      `${uiBaseUrl}/account/${this.accountId}/cd/orgs/${this.orgId}/projects/${this.projectId}` +
      `/pipelines/${this.pipelineId}/executions/${this.planExecutionId}/pipeline`
    )
  }

  /**
   * `PipelineExecutionDetailDTO` as it stands now (no step advanced).
   * @param {number} now
   * @param {string} uiBaseUrl
   */
  render(now, uiBaseUrl = '') {
    const status = this.statusAt(now)
    if (isTerminal(status) && this.endTs === undefined) this.endTs = now
    const stages = this.stages(now, status)
    const count = (/** @type {(s: string) => boolean} */ test) =>
      stages.filter(stage => test(stage.status)).length
    /** @type {Record<string, unknown>} */
    const summary = {
      pipelineIdentifier: this.pipelineId,
      orgIdentifier: this.orgId,
      projectIdentifier: this.projectId,
      planExecutionId: this.planExecutionId,
      name: this.script.pipelineName ?? this.pipelineId,
      status,
      runSequence: this.runSequence,
      startTs: this.startTs,
      endTs: isTerminal(status) ? this.endTs : null,
      modules: ['cd'],
      failureInfo: {
        message: BROKEN.has(status) ? (this.script.failureMessage ?? DEFAULT_FAILURE) : '',
        failureTypeList: [],
        responseMessages: []
      },
      executionTriggerInfo: {
        triggerType: 'WEBHOOK_CUSTOM',
        triggeredBy: {
          uuid: 'systemUser',
          identifier: this.triggerId,
          extraInfo: {
            triggerRef: `${this.accountId}/${this.orgId}/${this.projectId}/${this.triggerId}`,
            eventCorrelationId: this.eventId
          }
        },
        isRerun: false
      },
      successfulStagesCount: count(s => PASSED.has(s)),
      runningStagesCount: count(s => !isTerminal(s) && s !== 'NotStarted'),
      failedStagesCount: count(s => BROKEN.has(s)),
      totalStagesCount: stages.length,
      startingNodeId: stages[0]?.nodeUuid,
      layoutNodeMap: Object.fromEntries(stages.map(stage => [stage.nodeUuid, stage]))
    }
    if (this.script.includeExecutionUrl) summary.executionUrl = this.executionUrl(uiBaseUrl)
    return {
      pipelineExecutionSummary: summary,
      executionGraph: null,
      childGraph: null,
      rollbackGraph: null
    }
  }

  /**
   * Stage nodes for layoutNodeMap.
   * @param {number} now
   * @param {string} pipelineStatus
   */
  stages(now, pipelineStatus) {
    const scripts = this.script.stages?.length ? this.script.stages : [{ name: 'Deploy' }]
    const index = this.stepIndex(now)
    const total = this.script.statuses.length
    const uuids = scripts.map(stage => `${this.planExecutionId}-${identifierOf(stage.name)}`)
    return scripts.map((stage, position) => {
      let status = stage.statuses
        ? stage.statuses[Math.min(index, stage.statuses.length - 1)]
        : derivedStageStatus(pipelineStatus, position, scripts.length, index, total)
      // an abort stops what was still going; finished and unstarted stages stay as they were
      if (this.abortState && !isTerminal(status) && status !== 'NotStarted') status = pipelineStatus
      return {
        nodeType: 'Deployment',
        nodeGroup: 'STAGE',
        nodeIdentifier: identifierOf(stage.name),
        name: stage.name,
        nodeUuid: uuids[position],
        status,
        module: 'cd',
        ...stageTimestamps(this, uuids[position], status, now),
        failureInfo: {
          message: BROKEN.has(status)
            ? (stage.failureMessage ?? this.script.failureMessage ?? DEFAULT_FAILURE)
            : ''
        },
        edgeLayoutList: {
          currentNodeChildren: [],
          nextIds: uuids.slice(position + 1, position + 2)
        }
      }
    })
  }
}

/**
 * @param {EmulatedExecution} execution
 * @param {string} uuid
 * @param {string} status
 * @param {number} now
 */
function stageTimestamps(execution, uuid, status, now) {
  const times = execution.stageTimes.get(uuid) ?? {}
  if (status !== 'NotStarted') times.startTs ??= now
  if (isTerminal(status)) times.endTs ??= now
  execution.stageTimes.set(uuid, times)
  return { startTs: times.startTs ?? null, endTs: times.endTs ?? null }
}

/** @param {string} name */
function identifierOf(name) {
  return name.replace(/[^A-Za-z0-9_]/g, '_')
}

/**
 * A plausible stage status when the test scripted only the pipeline's: stages run one after the
 * other, spread evenly over the pipeline's steps; the active one shows the pipeline's status,
 * those before it succeeded, those after it have not started.
 * @param {string} pipelineStatus
 * @param {number} position
 * @param {number} stageCount
 * @param {number} index
 * @param {number} stepCount
 */
function derivedStageStatus(pipelineStatus, position, stageCount, index, stepCount) {
  if (PASSED.has(pipelineStatus)) return pipelineStatus
  // the first step runs the first stage, the last step the last stage
  const active =
    stepCount <= 1 ? stageCount - 1 : Math.round((index * (stageCount - 1)) / (stepCount - 1))
  if (position < active) return 'Success'
  return position === active ? pipelineStatus : 'NotStarted'
}

/**
 * Executions of the emulated account.
 */
export class ExecutionStore {
  constructor() {
    /** @type {EmulatedExecution[]} */
    this.all = []
    /** @type {Map<string, number>} */
    this.runSequences = new Map()
  }

  /**
   * @param {Omit<ConstructorParameters<typeof EmulatedExecution>[0], 'runSequence'>} init
   */
  start(init) {
    const key = `${init.accountId}/${init.orgId}/${init.projectId}/${init.pipelineId}`
    const runSequence = (this.runSequences.get(key) ?? 0) + 1
    this.runSequences.set(key, runSequence)
    const execution = new EmulatedExecution({ ...init, runSequence })
    this.all.push(execution)
    return execution
  }

  /**
   * @param {string} id
   * @param {Record<string, string>} query acc/org/proj scope
   */
  find(id, query) {
    return this.all.find(
      execution =>
        execution.planExecutionId === id &&
        execution.accountId === query.accountIdentifier &&
        execution.orgId === query.orgIdentifier &&
        execution.projectId === query.projectIdentifier
    )
  }
}

/** @param {string} id */
function notFound(id) {
  return errorReply(
    'ENTITY_NOT_FOUND',
    `Plan Execution Summary does not exist or has been deleted for planExecutionId: ${id}`
  )
}

const SCOPE = ['accountIdentifier', 'orgIdentifier', 'projectIdentifier']

/**
 * GET …/pipeline/api/pipelines/execution/v2/{planExecutionId}
 * @param {import('./internal.js').RouteContext} context
 * @param {import('./types.js').RecordedRequest} request
 * @param {string} id
 */
export function readExecution(context, request, id) {
  if (request.method !== 'GET') return undefined
  const { world, store } = context
  const invalid = requireParams(request.query, SCOPE)
  if (invalid) return invalid
  const execution = store.executions.find(id, request.query)
  const denied = checkAccess(world, request, {
    required: world.viewRequiresKey,
    permission: PERMISSION_VIEW,
    resource: scopeOf(request.query, execution?.pipelineId)
  })
  if (denied) return denied
  if (!execution) return notFound(id)
  return jsonReply(200, success(execution.read(Date.now(), context.uiBaseUrl)))
}

/**
 * PUT …/pipeline/api/pipeline/execute/interrupt/{planExecutionId}?…&interruptType=AbortAll
 * @param {import('./internal.js').RouteContext} context
 * @param {import('./types.js').RecordedRequest} request
 * @param {string} id
 */
export function interruptExecution(context, request, id) {
  if (request.method !== 'PUT') return undefined
  const { world, store } = context
  const invalid = requireParams(request.query, [...SCOPE, 'interruptType'])
  if (invalid) return invalid
  const execution = store.executions.find(id, request.query)
  const denied = checkAccess(world, request, {
    required: true,
    permission: PERMISSION_EXECUTE,
    resource: scopeOf(request.query, execution?.pipelineId)
  })
  if (denied) return denied
  if (request.query.interruptType.toLowerCase() !== 'abortall') {
    return errorReply(
      'INVALID_REQUEST',
      `Interrupt type ${request.query.interruptType} is not supported by this emulator`
    )
  }
  if (!execution) return notFound(id)
  return execution.abort(Date.now())
}

/**
 * @param {Record<string, string>} query
 * @param {string | undefined} pipeline
 */
function scopeOf(query, pipeline) {
  return { org: query.orgIdentifier, project: query.projectIdentifier, pipeline }
}
