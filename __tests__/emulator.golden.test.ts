/**
 * The emulator against the golden answers (emulator/golden/): each case drives the emulator into
 * the situation a golden file records and compares the answer's structure (keys, JSON types,
 * nesting) and HTTP status with it. The golden files are shaped from Harness's DTOs, not from the
 * emulator, so a field the emulator invents or drops fails here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ACCOUNT_ID,
  API_KEY,
  IDS,
  VIEW_ONLY_API_KEY,
  WEBHOOK_TOKEN,
  defaultWorld,
  startEmulator,
  type Emulator,
  type StageScript,
  type ParallelStages,
  type WorldOptions
} from './helpers/index.js'
import { GOLDEN_NAMES, goldenAnswer, shapeDifferences } from '../emulator/golden/index.js'

interface Answer {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
  bytes: number
}

let emulator: Emulator
const api = () => `${emulator.url}/gateway/pipeline/api`
const scope = `accountIdentifier=${ACCOUNT_ID}&orgIdentifier=${IDS.orgId}&projectIdentifier=${IDS.projectId}`
const ids = (pipeline: string = IDS.pipelineId, trigger: string = IDS.triggerId) =>
  `${scope}&pipelineIdentifier=${pipeline}&triggerIdentifier=${trigger}`
const WITH_KEY = { 'x-api-key': API_KEY }
const BODY = '{"branch":"main","image":"ghcr.io/acme/api","tag":"1.4.2"}'

async function call(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Answer> {
  const response = await fetch(`${api()}/${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.headers ?? WITH_KEY) },
    body: init.body
  })
  const text = await response.text()
  return { status: response.status, json: JSON.parse(text), bytes: Buffer.byteLength(text) }
}

const fireV3 = (body = BODY, headers: Record<string, string> = WITH_KEY) =>
  call(`webhook/custom/${WEBHOOK_TOKEN}/v3?${ids()}`, { method: 'POST', headers, body })
const processing = (id: string) =>
  call(`webhook/triggerProcessingDetails?accountIdentifier=${ACCOUNT_ID}&eventId=${id}`)
const detailsV2 = (id: string) =>
  call(`webhook/triggerExecutionDetailsV2/${id}?accountIdentifier=${ACCOUNT_ID}`)
const detailsV1 = (id: string) =>
  call(`webhook/triggerExecutionDetails/${id}?accountIdentifier=${ACCOUNT_ID}`)
const history = (id: string) =>
  call(
    `triggers/eventHistory/v2/eventCorrelation/${id}?accountIdentifier=${ACCOUNT_ID}&page=0&size=10`
  )
const execution = (id: string) => call(`pipelines/execution/v2/${id}?${scope}`)
const abort = (id: string, headers: Record<string, string> = WITH_KEY) =>
  call(`pipeline/execute/interrupt/${id}?${scope}&interruptType=AbortAll`, {
    method: 'PUT',
    headers
  })

/** Build, then Deploy_EU and Deploy_US side by side, then Verify: the golden executions' layout. */
function stages(build: string, eu: string, us: string, verify: string) {
  const stage = (name: string, status: string): StageScript => ({ name, statuses: [status] })
  const parallel: ParallelStages = { parallel: [stage('Deploy_EU', eu), stage('Deploy_US', us)] }
  return [stage('Build', build), parallel, stage('Verify', verify)]
}
const RUNNING = {
  statuses: ['Running'],
  stages: stages('Success', 'Running', 'Running', 'NotStarted')
}

function world(overrides: WorldOptions): WorldOptions {
  return { ...defaultWorld(), ...overrides }
}

/** A remote (Git-stored) pipeline behind the default v3 trigger. */
function remoteWorld(overrides: WorldOptions = {}): WorldOptions {
  const base = defaultWorld()
  const triggers = (base.triggers ?? []).map(trigger =>
    trigger.webhookToken ? { ...trigger, pipelineStore: 'REMOTE' as const } : trigger
  )
  return { ...base, triggers, ...overrides }
}

/** Fires and waits for the emulated processor (it runs on its own when no reads are scripted). */
async function processedEvent(body = BODY): Promise<string> {
  const id: string = (await fireV3(body)).json.data.eventCorrelationId
  for (let tries = 0; !emulator.events.find(e => e.id === id)?.processed; tries++) {
    if (tries > 1000) throw new Error('the event was never processed')
    await new Promise(resolve => setTimeout(resolve, 5))
  }
  return id
}

async function startedExecution(): Promise<string> {
  const id = await processedEvent()
  const found = (await processing(id)).json.data.pipelineExecutionId
  expect(found).toEqual(expect.any(String))
  return found
}

/** What each golden case does to the emulator; returns the answer to compare. */
const CASES: Record<string, { world?: WorldOptions; run: () => Promise<Answer> }> = {
  'webhook-v3-success': { run: () => fireV3() },
  'webhook-v2-success': {
    run: () =>
      call(`webhook/custom/v2?${ids(IDS.legacyPipelineId, IDS.legacyTriggerId)}`, {
        method: 'POST',
        body: BODY
      })
  },
  'webhook-v1-success': {
    run: () =>
      call(`webhook/custom?${ids(IDS.legacyPipelineId, IDS.legacyTriggerId)}`, {
        method: 'POST',
        body: BODY
      })
  },
  'webhook-v2-retired': {
    run: () => call(`webhook/custom/v2?${ids()}`, { method: 'POST', body: BODY })
  },
  'webhook-mandate-authorization': {
    world: world({ mandateAuthorization: true }),
    run: () => fireV3(BODY, {})
  },
  'webhook-invalid-token': { run: () => fireV3(BODY, { 'x-api-key': 'pat.nope.nope.nope' }) },
  'webhook-access-denied': { run: () => fireV3(BODY, { 'x-api-key': VIEW_ONLY_API_KEY }) },
  'processing-details-queued': {
    world: world({ event: { pendingReads: 2 } }),
    run: async () => processing((await fireV3()).json.data.eventCorrelationId)
  },
  'processing-details-started': { run: async () => processing(await processedEvent()) },
  'processing-details-invalid-branch': {
    world: remoteWorld(),
    run: async () => processing(await processedEvent('{"image":"ghcr.io/acme/api"}'))
  },
  'event-details-v2-queued': {
    world: world({ event: { pendingReads: 2 } }),
    run: async () => detailsV2((await fireV3()).json.data.eventCorrelationId)
  },
  'event-details-v2-started': {
    world: world({ execution: RUNNING }),
    run: async () => detailsV2(await processedEvent())
  },
  'event-details-v1-started': {
    world: world({ event: { v2Available: false }, execution: RUNNING }),
    run: async () => detailsV1(await processedEvent())
  },
  'event-details-v1-pending': {
    world: world({ event: { pendingReads: 2 } }),
    run: async () => detailsV1((await fireV3()).json.data.eventCorrelationId)
  },
  'event-history-started': { run: async () => history(await processedEvent()) },
  'event-history-stuck': {
    world: world({
      triggers: [
        {
          ...IDS_TRIGGER(),
          payloadConditions: [{ key: 'image', operator: 'Equals', value: '<+trigger.payload.x>' }]
        }
      ],
      event: { stuckQueued: true }
    }),
    run: async () => history(await processedEvent())
  },
  'execution-running': {
    world: world({ execution: RUNNING }),
    run: async () => execution(await startedExecution())
  },
  'execution-success': {
    world: world({
      execution: {
        statuses: ['Success'],
        stages: stages('Success', 'Success', 'Success', 'Success')
      }
    }),
    run: async () => execution(await startedExecution())
  },
  'execution-failed': {
    world: world({
      execution: {
        statuses: ['Failed'],
        stages: stages('Success', 'Failed', 'Success', 'NotStarted')
      }
    }),
    run: async () => execution(await startedExecution())
  },
  'execution-remote-success': {
    world: remoteWorld({ execution: { statuses: ['Success'] } }),
    run: async () => execution(await startedExecution())
  },
  'execution-not-found': { run: () => execution('kX3vQ9mZt2Lr8Wn5Pc1J_w') },
  'abort-success': {
    world: world({ execution: { statuses: ['Running'] } }),
    run: async () => abort(await startedExecution())
  },
  'abort-already-finished': {
    world: world({ execution: { statuses: ['Success'] } }),
    run: async () => abort(await startedExecution())
  },
  'abort-already-aborting': {
    world: world({ execution: { statuses: ['Running'] } }),
    run: async () => {
      const id = await startedExecution()
      expect((await abort(id)).status).toBe(200)
      return abort(id)
    }
  },
  'abort-permission-denied': {
    world: world({
      abortPermissionFlag: true,
      apiKeys: [API_KEY, { key: VIEW_ONLY_API_KEY, canExecute: true, canAbort: false }],
      execution: { statuses: ['Running'] }
    }),
    run: async () => abort(await startedExecution(), { 'x-api-key': VIEW_ONLY_API_KEY })
  }
}

function IDS_TRIGGER() {
  return {
    orgId: IDS.orgId,
    projectId: IDS.projectId,
    pipelineId: IDS.pipelineId,
    triggerId: IDS.triggerId,
    webhookToken: WEBHOOK_TOKEN
  }
}

beforeAll(async () => {
  emulator = await startEmulator(defaultWorld())
})

afterAll(async () => {
  await emulator.close()
})

beforeEach(() => {
  emulator.reset()
})

describe('golden answers', () => {
  it('has a case for every golden file, and a golden file for every case', () => {
    expect(Object.keys(CASES).sort()).toEqual([...GOLDEN_NAMES])
  })

  it.each(GOLDEN_NAMES)('%s: the emulator answers with the same status and shape', async name => {
    const golden = goldenAnswer(name)
    const testCase = CASES[name]
    emulator.reset(testCase.world ?? defaultWorld())
    const answer = await testCase.run()
    expect(answer.status).toBe(golden.httpStatus)
    expect(shapeDifferences(answer.json, golden)).toEqual([])
  })

  it('catches a drift: an extra field, a missing one, a null where Harness sends an object', () => {
    const golden = goldenAnswer('event-history-started')
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const body = structuredClone(golden.body) as any
    body.data.content[0].createdAt = 1701590400000
    delete body.data.content[0].finalStatus
    body.data.content[0].triggerEventStatus = null
    expect(shapeDifferences(body, golden)).toEqual([
      'body.data.content.0 matches no golden member: ' +
        'body.data.content.*.finalStatus: missing (Harness sends it); ' +
        'body.data.content.*.triggerEventStatus: null where Harness sends object; ' +
        'body.data.content.*.createdAt: extra (Harness never sends it here)',
      'body.data.content: no member has the shape of golden member 0'
    ])
  })
})

describe("known answers carry Harness's own words", () => {
  it('names the branch expression when a Git-stored pipeline gets no top-level branch', async () => {
    emulator.reset(remoteWorld())
    const id = await processedEvent('{"github":{"branch":"main"}}')
    const details = (await processing(id)).json.data
    expect(details).toMatchObject({
      status: 'INVALID_RUNTIME_INPUT_YAML',
      message: 'Please ensure the expression <+trigger.branch> has the right branch information',
      pipelineExecutionId: null
    })
    expect(emulator.executions).toHaveLength(0)
  })

  it("starts a Git-stored pipeline from the body's top-level branch, and shows that branch", async () => {
    emulator.reset(remoteWorld({ execution: { statuses: ['Success'] } }))
    const id = await startedExecution()
    expect(emulator.executions[0].branch).toBe('main')
    const summary = (await execution(id)).json.data.pipelineExecutionSummary
    expect(summary).toMatchObject({ storeType: 'REMOTE', gitDetails: { branch: 'main' } })
  })

  it('uses a literal pipelineBranchName as it is, and names a missing one', async () => {
    const triggers = [
      { ...IDS_TRIGGER(), pipelineStore: 'REMOTE' as const, pipelineBranchName: 'release' }
    ]
    emulator.reset(world({ triggers }))
    await startedExecution()
    expect(emulator.executions[0].branch).toBe('release')
    emulator.reset(world({ triggers: [{ ...triggers[0], pipelineBranchName: '' }] }))
    const id = await processedEvent()
    expect((await processing(id)).json.data.message).toBe(
      `Unable to continue trigger execution. Pipeline with identifier: ${IDS.pipelineId}, with org: ` +
        `${IDS.orgId}, with ProjectId: ${IDS.projectId}, For Trigger: ${IDS.triggerId} has missing or ` +
        "empty pipelineBranchName in trigger's yaml."
    )
  })

  it('asks for core_pipeline_abort only with the flag, and for execute without it', async () => {
    const apiKeys = [API_KEY, { key: VIEW_ONLY_API_KEY, canExecute: true, canAbort: false }]
    emulator.reset(world({ apiKeys, execution: { statuses: ['Running'] } }))
    expect((await abort(await startedExecution(), { 'x-api-key': VIEW_ONLY_API_KEY })).status).toBe(
      200
    )
    emulator.reset(
      world({ apiKeys, abortPermissionFlag: true, execution: { statuses: ['Running'] } })
    )
    const denied = await abort(await startedExecution(), { 'x-api-key': VIEW_ONLY_API_KEY })
    expect(denied.status).toBe(403)
    expect(denied.json.failedPermissionChecks[0].permission).toBe('core_pipeline_abort')
    expect(denied.json.message).toContain('Missing permission core_pipeline_abort on pipeline')
    // the flag's migration gave abort to every role with execute: a plain key still aborts
    expect((await abort(await startedExecution())).status).toBe(200)
  })

  it('answers 404 on triggerProcessingDetails for an install without it', async () => {
    emulator.reset(world({ event: { processingDetailsAvailable: false } }))
    const id = (await fireV3()).json.data.eventCorrelationId
    expect((await processing(id)).status).toBe(404)
    expect((await detailsV2(id)).status).toBe(200)
  })
})

describe('large event details', () => {
  it('embeds an execution summary of several MB in the details, while the status route stays small', async () => {
    emulator.reset(world({ execution: { summaryBytes: 6 * 1024 * 1024 } }))
    const id = await processedEvent()
    const details = await detailsV2(id)
    expect(details.bytes).toBeGreaterThan(6 * 1024 * 1024)
    const summary = details.json.data.executionDetails.pipelineExecutionSummary
    expect(summary.moduleInfo.cd.serviceInfoList.length).toBeGreaterThan(1000)
    const executionAnswer = await execution(summary.planExecutionId)
    expect(executionAnswer.bytes).toBeGreaterThan(6 * 1024 * 1024)
    const status = await processing(id)
    expect(status.bytes).toBeLessThan(2048)
    expect(status.json.data.status).toBe('TARGET_EXECUTION_REQUESTED')
  })
})
