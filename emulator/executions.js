// Pipeline executions (harness-api.md §3, §4): a scripted list of statuses that advances one step
// per read of the execution (or one step per `stepMs`), stage nodes that follow it, and AbortAll.
import { errorReply, jsonReply, newShortUuid, requireParams, success } from './envelope.js'
import { checkAccess, PERMISSION_ABORT, PERMISSION_EXECUTE, PERMISSION_VIEW } from './auth.js'

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
/** ParallelPlanCreator's nodeType (YAMLFieldNameConstants.PARALLEL) */
const PARALLEL = 'parallel'

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
   *   triggerId: string, eventId: string, runSequence: number, branch?: string,
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
    /** a remote pipeline's branch (undefined: an inline pipeline) */
    this.branch = init.branch
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
   * `PipelineExecutionDetailDTO` as it stands now (no step advanced). That DTO, the summary and
   * the layout nodes are @JsonInclude(NON_NULL): absent values (endTs of a running execution, the
   * graphs without stageNodeId) are left out; primitives (counts, flags) are always there.
   * @param {number} now
   * @param {string} uiBaseUrl
   */
  render(now, uiBaseUrl = '') {
    const status = this.statusAt(now)
    if (isTerminal(status) && this.endTs === undefined) this.endTs = now
    const nodes = this.layoutNodes(now, status)
    const stages = nodes.filter(node => node.nodeType !== PARALLEL)
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
      tags: [],
      executionTriggerInfo: {
        triggerType: 'WEBHOOK_CUSTOM',
        triggeredBy: {
          uuid: 'systemUser',
          identifier: this.triggerId,
          extraInfo: {
            triggerRef: `${this.accountId}/${this.orgId}/${this.projectId}/${this.triggerId}`,
            eventCorrelationId: this.eventId
          },
          triggerIdentifier: this.triggerId,
          triggerName: this.triggerId
        },
        isRerun: false
      },
      ...(BROKEN.has(status)
        ? {
            failureInfo: {
              message: this.script.failureMessage ?? DEFAULT_FAILURE,
              failureTypeList: ['APPLICATION_ERROR'],
              responseMessages: []
            }
          }
        : {}),
      ...(this.script.summaryBytes > 0 ? { moduleInfo: this.moduleInfo() } : {}),
      layoutNodeMap: Object.fromEntries(nodes.map(node => [node.nodeUuid, node])),
      modules: ['cd'],
      startingNodeId: nodes[0]?.nodeUuid,
      startTs: this.startTs,
      ...(isTerminal(status) ? { endTs: this.endTs } : {}),
      createdAt: this.startTs,
      canRetry: isTerminal(status) && !PASSED.has(status),
      showRetryHistory: false,
      runSequence: this.runSequence,
      successfulStagesCount: count(s => PASSED.has(s)),
      runningStagesCount: count(s => !isTerminal(s) && s !== 'NotStarted'),
      failedStagesCount: count(s => BROKEN.has(s)),
      totalStagesCount: stages.length,
      ...(this.branch === undefined
        ? { storeType: 'INLINE' }
        : {
            // a remote pipeline shows the branch it was fetched from
            gitDetails: {
              objectId: null,
              branch: this.branch,
              repoIdentifier: null,
              rootFolder: null,
              filePath: `.harness/${this.pipelineId}.yaml`,
              repoName: 'deploy-config',
              commitId: null,
              fileUrl: null,
              repoUrl: null,
              parentEntityConnectorRef: null,
              parentEntityRepoName: null,
              isHarnessCodeRepo: null
            },
            storeType: 'REMOTE',
            connectorRef: 'account.github'
          }),
      stagesExecution: false,
      allowStageExecutions: false,
      executionMode: 'NORMAL',
      notesExistForPlanExecutionId: false,
      shouldUseSimplifiedKey: false
    }
    if (this.script.includeExecutionUrl) summary.executionUrl = this.executionUrl(uiBaseUrl)
    return { pipelineExecutionSummary: summary }
  }

  /**
   * `moduleInfo` (a map of free-form module data), filled to `summaryBytes` of JSON with service
   * entries: a large pipeline or matrix makes the summary MBs. The entries are filler, not a
   * Harness module's real keys.
   */
  moduleInfo() {
    const entry = (/** @type {number} */ i) => ({
      identifier: `service_${i}`,
      displayName: `Service ${i}`,
      deploymentType: 'Kubernetes'
    })
    const one = JSON.stringify(entry(0)).length + 1
    const count = Math.ceil(this.script.summaryBytes / one)
    return { cd: { serviceInfoList: Array.from({ length: count }, (_, i) => entry(i)) } }
  }

  /**
   * layoutNodeMap's nodes: stages, and a parallel wrapper node before each group of parallel stages.
   * @param {number} now
   * @param {string} pipelineStatus
   */
  layoutNodes(now, pipelineStatus) {
    const entries = this.script.stages?.length ? this.script.stages : [{ name: 'Deploy' }]
    const index = this.stepIndex(now)
    const total = this.script.statuses.length
    const uuidOf = (/** @type {string} */ name) => `${this.planExecutionId}-${identifierOf(name)}`
    const topUuids = entries.map((entry, position) =>
      'parallel' in entry ? `${this.planExecutionId}-parallel${position}` : uuidOf(entry.name)
    )
    /** @type {Array<Record<string, any>>} */
    const nodes = []
    entries.forEach((entry, position) => {
      const derived = derivedStageStatus(pipelineStatus, position, entries.length, index, total)
      const next = topUuids.slice(position + 1, position + 2)
      if (!('parallel' in entry)) {
        nodes.push(this.stageNode(entry, uuidOf(entry.name), derived, pipelineStatus, now, next))
        return
      }
      const children = entry.parallel.map(stage =>
        this.stageNode(stage, uuidOf(stage.name), derived, pipelineStatus, now, [])
      )
      // ParallelPlanCreator.getLayoutNodeInfo: nodeType parallel, nodeGroup STAGE, no name, the
      // stages as currentNodeChildren; its status follows them [inferred]
      const uuid = topUuids[position]
      nodes.push({
        nodeType: PARALLEL,
        nodeGroup: 'STAGE',
        nodeIdentifier: `parallel${uuid}`,
        name: '',
        nodeUuid: uuid,
        status: groupStatus(children.map(child => child.status)),
        module: 'pms',
        ...stageTimestamps(this, uuid, groupStatus(children.map(c => c.status)), now),
        edgeLayoutList: {
          currentNodeChildren: children.map(child => child.nodeUuid),
          nextIds: next
        },
        failureInfo: { message: '' },
        nodeExecutionId: `${uuid}-exec`
      })
      nodes.push(...children)
    })
    return nodes
  }

  /**
   * One stage node (GraphLayoutNodeDTO).
   * @param {import('./types.js').StageScript} stage
   * @param {string} uuid
   * @param {string} derived the status derived from the pipeline's when the stage has no script
   * @param {string} pipelineStatus
   * @param {number} now
   * @param {string[]} nextIds
   */
  stageNode(stage, uuid, derived, pipelineStatus, now, nextIds) {
    const index = this.stepIndex(now)
    let status = stage.statuses
      ? stage.statuses[Math.min(index, stage.statuses.length - 1)]
      : derived
    // an abort stops what was still going; finished and unstarted stages stay as they were
    if (this.abortState && !isTerminal(status) && status !== 'NotStarted') status = pipelineStatus
    return {
      nodeType: stage.nodeType ?? 'Deployment',
      nodeGroup: 'STAGE',
      nodeIdentifier: identifierOf(stage.name),
      name: stage.name,
      nodeUuid: uuid,
      status,
      module: 'cd',
      ...stageTimestamps(this, uuid, status, now),
      edgeLayoutList: { currentNodeChildren: [], nextIds },
      failureInfo: {
        message: BROKEN.has(status)
          ? (stage.failureMessage ?? this.script.failureMessage ?? DEFAULT_FAILURE)
          : ''
      },
      nodeExecutionId: `${uuid}-exec`
    }
  }
}

/**
 * The status a parallel wrapper shows: a broken child, else a running one, else the first [inferred].
 * @param {string[]} statuses
 */
function groupStatus(statuses) {
  return (
    statuses.find(s => BROKEN.has(s)) ??
    statuses.find(s => !isTerminal(s) && s !== 'NotStarted') ??
    statuses.find(s => s !== 'NotStarted') ??
    statuses[0]
  )
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
  // NON_NULL: a time not yet known is left out
  return {
    ...(times.startTs === undefined ? {} : { startTs: times.startTs }),
    ...(times.endTs === undefined ? {} : { endTs: times.endTs })
  }
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
  // the auth filter first (a bad key is 401 before anything else)
  const invalidKey = checkAccess(world, request, { required: true })
  if (invalidKey) return invalidKey
  if (request.query.interruptType.toLowerCase() !== 'abortall') {
    return errorReply(
      'INVALID_REQUEST',
      `Interrupt type ${request.query.interruptType} is not supported by this emulator`
    )
  }
  // the summary is fetched before the permission check (ENTITY_NOT_FOUND first)
  if (!execution) return notFound(id)
  // PlanExecutionResourceImpl.checkForPermissionAccessOrThrow: with the flag
  // CDS_PIPELINE_ABORT_RBAC_PERMISSION an abort needs core_pipeline_abort, else execute
  const denied = checkAccess(world, request, {
    required: true,
    permission: world.abortPermissionFlag ? PERMISSION_ABORT : PERMISSION_EXECUTE,
    resource: scopeOf(request.query, execution.pipelineId)
  })
  if (denied) return denied
  return execution.abort(Date.now())
}

/**
 * @param {Record<string, string>} query
 * @param {string | undefined} pipeline
 */
function scopeOf(query, pipeline) {
  return { org: query.orgIdentifier, project: query.projectIdentifier, pipeline }
}
