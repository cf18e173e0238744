/**
 * The emulator against ../shared/harness-api.md, over real HTTP with node:http (not src/): if
 * the emulator drifts from Harness, every integration test built on it proves less.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import {
  ACCOUNT_ID,
  API_KEY,
  IDS,
  VIEW_ONLY_API_KEY,
  WEBHOOK_TOKEN,
  defaultWorld,
  harnessErrorBody,
  selfSignedCertificate,
  startEmulator,
  v2WebhookUrl,
  v3WebhookUrl,
  type Emulator,
  type WorldOptions
} from './helpers/index.js'

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

interface CallOptions {
  method?: string
  headers?: Record<string, string>
  body?: string
  timeoutMs?: number
  ca?: string
}

function call(url: string, options: CallOptions = {}): Promise<Answer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method: options.method ?? 'GET', headers: options.headers, ca: options.ca },
      res => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', chunk => (text += chunk))
        res.on('error', reject)
        res.on('end', () => {
          let json: unknown
          try {
            json = JSON.parse(text)
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
      }
    )
    req.on('error', reject)
    if (options.timeoutMs) {
      req.setTimeout(options.timeoutMs, () => req.destroy(new Error('client timeout')))
    }
    req.end(options.body)
  })
}

const JSON_TYPE = { 'content-type': 'application/json' }
const WITH_KEY = { 'x-api-key': API_KEY }

let emulator: Emulator
const gateway = () => `${emulator.url}/gateway/pipeline/api`

function fire(url = v3WebhookUrl(emulator), body = '{"image":"ghcr.io/acme/api","tag":"1.4.2"}') {
  return call(url, { method: 'POST', headers: { ...JSON_TYPE, ...WITH_KEY }, body })
}

function details(
  id: string,
  version: 'v1' | 'v2' = 'v2',
  headers: Record<string, string> = WITH_KEY
) {
  const route = version === 'v2' ? 'triggerExecutionDetailsV2' : 'triggerExecutionDetails'
  return call(`${gateway()}/webhook/${route}/${id}?accountIdentifier=${ACCOUNT_ID}`, { headers })
}

function history(id: string, query = '', headers: Record<string, string> = WITH_KEY) {
  return call(
    `${gateway()}/triggers/eventHistory/v2/eventCorrelation/${id}?accountIdentifier=${ACCOUNT_ID}${query}`,
    { headers }
  )
}

const scope = `accountIdentifier=${ACCOUNT_ID}&orgIdentifier=${IDS.orgId}&projectIdentifier=${IDS.projectId}`

function execution(id: string, headers: Record<string, string> = WITH_KEY) {
  return call(`${gateway()}/pipelines/execution/v2/${id}?${scope}`, { headers })
}

function abort(id: string, headers: Record<string, string> = WITH_KEY) {
  return call(`${gateway()}/pipeline/execute/interrupt/${id}?${scope}&interruptType=AbortAll`, {
    method: 'PUT',
    headers
  })
}

/** Fires, then reads the details until the event is processed; returns the execution id. */
async function startExecution(): Promise<string> {
  const fired = await fire()
  const answer = await details(fired.json.data.eventCorrelationId)
  const id = answer.json.data.webhookProcessingDetails.pipelineExecutionId
  expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
  return id
}

function world(overrides: WorldOptions): WorldOptions {
  return { ...defaultWorld(), ...overrides }
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

describe('webhook success', () => {
  it('answers v3 with the ResponseDTO envelope, a new 24-hex id per POST and the §1.4 URLs', async () => {
    const first = await fire()
    const second = await fire()
    expect(first.status).toBe(200)
    expect(first.headers['content-type']).toBe('application/json')
    expect(first.json).toEqual({
      status: 'SUCCESS',
      data: {
        eventCorrelationId: expect.stringMatching(/^[0-9a-f]{24}$/),
        apiUrl: `${gateway()}/webhook/triggerExecutionDetailsV2/${first.json.data.eventCorrelationId}?accountIdentifier=${ACCOUNT_ID}`,
        uiUrl: `${emulator.url}/ng/#/account/${ACCOUNT_ID}/all/orgs/default/projects/payments/deployments?pipelineIdentifier=deploy_api&page=0`,
        uiSetupUrl: `${emulator.url}/ng/#/account/${ACCOUNT_ID}/all/orgs/default/projects/payments/pipelines/deploy_api/pipeline-studio/`
      },
      metaData: null,
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/)
    })
    expect(second.json.data.eventCorrelationId).not.toBe(first.json.data.eventCorrelationId)
  })

  it('records the request and the parsed body of the event', async () => {
    await fire(v3WebhookUrl(emulator), '{"image":"ghcr.io/acme/api","github":{"branch":"main"}}')
    const [recorded] = emulator.requestsTo('webhook')
    expect(recorded).toMatchObject({
      method: 'POST',
      path: `/gateway/pipeline/api/webhook/custom/${WEBHOOK_TOKEN}/v3`,
      query: { accountIdentifier: ACCOUNT_ID, pipelineIdentifier: 'deploy_api' },
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      route: 'webhook'
    })
    expect(emulator.events[0].payload).toEqual({
      image: 'ghcr.io/acme/api',
      github: { branch: 'main' }
    })
    expect(emulator.events[0].webhookVersion).toBe('v3')
  })

  it('answers v1 with the bare id as data and v2 for an old trigger', async () => {
    const v1 = await fire(v2WebhookUrl(emulator).replace('/custom/v2?', '/custom?'))
    expect(v1.status).toBe(200)
    expect(v1.json.data).toMatch(/^[0-9a-f]{24}$/)
    const v2 = await fire(v2WebhookUrl(emulator))
    expect(v2.status).toBe(200)
    expect(v2.json.data.uiSetupUrl).toContain('/pipelines/legacy_pipeline/pipeline-studio/')
  })

  it('builds the URLs from the options: v1 apiUrl, module cd, a foreign origin, a /gratis prefix', async () => {
    emulator.reset(
      world({
        urls: { apiUrlVersion: 'v1', module: 'cd', apiUrlOrigin: 'https://elsewhere.example' }
      })
    )
    const answer = await fire(v3WebhookUrl(emulator, { prefix: '/gratis' }))
    const id = answer.json.data.eventCorrelationId
    expect(answer.json.data.apiUrl).toBe(
      `https://elsewhere.example/gratis/gateway/pipeline/api/webhook/triggerExecutionDetails/${id}?accountIdentifier=${ACCOUNT_ID}`
    )
    expect(answer.json.data.uiUrl).toContain(`/account/${ACCOUNT_ID}/cd/orgs/`)
  })

  it('accepts text/plain, application/yaml and no content type; refuses others with 415', async () => {
    const url = v3WebhookUrl(emulator)
    for (const type of ['text/plain', 'application/yaml', 'application/json; charset=utf-8']) {
      const answer = await call(url, {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'x'
      })
      expect(answer.status).toBe(200)
    }
    expect((await call(url, { method: 'POST', body: '{}' })).status).toBe(200)
    const refused = await call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>'
    })
    expect(refused.status).toBe(415)
    expect(emulator.events).toHaveLength(4)
  })

  it('answers 404 without /gateway and 405 for another method', async () => {
    const noGateway = await call(v3WebhookUrl(emulator).replace('/gateway', ''), {
      method: 'POST',
      body: '{}'
    })
    expect(noGateway.status).toBe(404)
    expect((await call(v3WebhookUrl(emulator))).status).toBe(405)
    expect(emulator.events).toHaveLength(0)
  })
})

describe('webhook validation (§1.1)', () => {
  it('rejects the v2 URL for a trigger that has a token', async () => {
    const answer = await fire(
      v2WebhookUrl(emulator, { pipelineId: IDS.pipelineId, triggerId: IDS.triggerId })
    )
    expect(answer.status).toBe(400)
    expect(answer.json.code).toBe('INVALID_REQUEST')
    expect(answer.json.message).toBe(
      'Invalid request: This webhook url is no longer supported for newly created custom webhook triggers. We are migrating to new webhook urls using custom webhook tokens in the url.'
    )
    expect(answer.json.responseMessages).toEqual([
      {
        code: 'INVALID_REQUEST',
        level: 'ERROR',
        message: answer.json.message,
        exception: null,
        failureTypes: []
      }
    ])
  })

  it('echoes an unknown token in its message, as Harness does', async () => {
    const token = 'UnknownToken_0123456789'
    const answer = await fire(v3WebhookUrl(emulator, { token }))
    expect(answer.status).toBe(400)
    expect(answer.json.message).toBe(
      `Invalid request: No custom trigger found for the used custom webhook token: ${token}`
    )
  })

  it('names the scope when no enabled trigger matches, and refuses a disabled trigger by token', async () => {
    const missing = await fire(v2WebhookUrl(emulator, { pipelineId: 'nope' }))
    expect(missing.json.message).toBe(
      `Invalid request: No enabled custom trigger found for Account:${ACCOUNT_ID}, Org: default, Project: payments, Pipeline: nope, Trigger: legacy_trigger`
    )
    const triggers = defaultWorld().triggers ?? []
    emulator.reset(world({ triggers: triggers.map(t => ({ ...t, enabled: false })) }))
    const disabled = await fire()
    expect(disabled.json.message).toBe(
      `Invalid request: No enabled custom trigger found for the used custom webhook token: ${WEBHOOK_TOKEN}`
    )
  })

  it('answers a FailureDTO for missing identifiers and INVALID_REQUEST for empty ones', async () => {
    const url = v3WebhookUrl(emulator).replace(/&projectIdentifier=[^&]*/, '')
    const missing = await fire(url)
    expect(missing.status).toBe(400)
    expect(missing.json).toMatchObject({
      status: 'FAILURE',
      code: 'INVALID_REQUEST',
      message: 'projectIdentifier: must not be null',
      errors: [{ fieldId: 'projectIdentifier', error: 'must not be null' }]
    })
    const empty = await fire(v3WebhookUrl(emulator, { orgId: '' }))
    expect(empty.status).toBe(400)
    expect(empty.json.status).toBe('ERROR')
    expect(empty.json.message).toContain('orgIdentifier and projectIdentifier are required')
  })
})

describe('webhook authentication (§1.2)', () => {
  it('answers 401 INVALID_TOKEN for an unknown key or a key of another account', async () => {
    for (const key of ['pat.acc-123_X.000000000000000000000000.AAAAAAAAAAAAAAAAAAAA', 'garbage']) {
      const answer = await call(v3WebhookUrl(emulator), {
        method: 'POST',
        headers: { ...JSON_TYPE, 'x-api-key': key },
        body: '{}'
      })
      expect(answer.status).toBe(401)
      expect(answer.json.code).toBe('INVALID_TOKEN')
      expect(answer.json.message).toBe(
        `Invalid call: Invalid token or token expired. Account id for API called: ${ACCOUNT_ID}`
      )
    }
    const foreignKey = API_KEY.replace(`.${ACCOUNT_ID}.`, '.otherAccount.')
    emulator.reset(world({ apiKeys: [foreignKey] }))
    expect(
      (
        await call(v3WebhookUrl(emulator), {
          method: 'POST',
          headers: { 'x-api-key': foreignKey },
          body: '{}'
        })
      ).status
    ).toBe(401)
    expect(emulator.events).toHaveLength(0)
  })

  it('accepts no key unless authorization is mandated, then answers 400 INVALID_REQUEST', async () => {
    const url = v3WebhookUrl(emulator)
    expect((await call(url, { method: 'POST', headers: JSON_TYPE, body: '{}' })).status).toBe(200)
    emulator.world.mandateAuthorization = true
    const refused = await call(url, { method: 'POST', headers: JSON_TYPE, body: '{}' })
    expect(refused.status).toBe(400)
    expect(refused.json.message).toBe(
      `Invalid request: Authorization is mandatory for custom triggers in ${ACCOUNT_ID}:default:payments. Please add X-Api-Key header in the request`
    )
    const withKey = await call(url, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'X-API-KEY': API_KEY },
      body: '{}'
    })
    expect(withKey.status).toBe(200)
  })

  it('answers 403 NG_ACCESS_DENIED for a key without the execute permission', async () => {
    const answer = await call(v3WebhookUrl(emulator), {
      method: 'POST',
      headers: { ...JSON_TYPE, 'x-api-key': VIEW_ONLY_API_KEY },
      body: '{}'
    })
    expect(answer.status).toBe(403)
    expect(answer.json).toMatchObject({
      status: 'ERROR',
      code: 'NG_ACCESS_DENIED',
      failedPermissionChecks: [
        {
          permission: 'core_pipeline_execute',
          resourceType: 'PIPELINE',
          resourceIdentifier: 'deploy_api'
        }
      ]
    })
  })
})

describe('event processing (§2)', () => {
  it('stays pending for the scripted reads (V2 QUEUED, v1 400), then starts an execution', async () => {
    emulator.reset(world({ event: { pendingReads: 3 } }))
    const id = (await fire()).json.data.eventCorrelationId
    const queued = await details(id)
    expect(queued.status).toBe(200)
    expect(queued.json.data.webhookProcessingDetails).toMatchObject({
      eventFound: true,
      eventId: id,
      status: 'QUEUED',
      message: 'Trigger execution is queued.',
      warningMsg: null
    })
    // WebhookExecutionDetails has no @JsonInclude: absent values are sent as null
    expect(queued.json.data.executionDetails).toBeNull()
    expect(queued.json.data.executionUrl).toBeNull()
    expect((await details(id)).json.data.webhookProcessingDetails.status).toBe('QUEUED')
    const v1 = await details(id, 'v1')
    expect(v1.status).toBe(400)
    expect(v1.json.message).toBe(
      `Invalid request: Trigger event history doesn't exist for event with eventId ${id}`
    )
    expect(emulator.executions).toHaveLength(0)

    const started = await details(id)
    const processing = started.json.data.webhookProcessingDetails
    expect(processing).toMatchObject({
      status: 'TARGET_EXECUTION_REQUESTED',
      message: 'Pipeline execution was requested successfully',
      exceptionOccured: false,
      pipelineIdentifier: 'deploy_api',
      triggerIdentifier: 'github_actions',
      payload: '{"image":"ghcr.io/acme/api","tag":"1.4.2"}'
    })
    expect(processing.pipelineExecutionId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(started.json.data.executionDetails.pipelineExecutionSummary.planExecutionId).toBe(
      processing.pipelineExecutionId
    )
    expect(started.json.data.executionUrl).toBe(
      `${emulator.url}/ng/#/account/${ACCOUNT_ID}/cd/orgs/default/projects/payments/pipelines/deploy_api/executions/${processing.pipelineExecutionId}/pipeline`
    )
    expect((await details(id, 'v1')).json.data.webhookProcessingDetails.status).toBe(
      'TARGET_EXECUTION_REQUESTED'
    )
  })

  it('stays pending for pendingMs after the POST', async () => {
    emulator.reset(world({ event: { pendingMs: 500 } }))
    const id = (await fire()).json.data.eventCorrelationId
    expect((await details(id)).json.data.webhookProcessingDetails.status).toBe('QUEUED')
    await new Promise(done => setTimeout(done, 550))
    expect((await details(id)).json.data.webhookProcessingDetails.status).toBe(
      'TARGET_EXECUTION_REQUESTED'
    )
  })

  it('ends in NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS when a condition fails', async () => {
    const triggers = (defaultWorld().triggers ?? []).map(trigger => ({
      ...trigger,
      payloadConditions: [
        { key: 'github.branch', operator: 'Equals', value: 'main' },
        { key: '<+trigger.payload.image>', operator: 'Starts With', value: 'ghcr.io/' },
        { key: 'tag', operator: 'Regex', value: '^\\d+\\.\\d+\\.\\d+$' }
      ]
    }))
    emulator.reset(world({ triggers }))
    const body = (branch: string) =>
      JSON.stringify({ image: 'ghcr.io/acme/api', tag: '1.4.2', github: { branch } })

    const refused = (await fire(undefined, body('feature'))).json.data.eventCorrelationId
    const answer = (await details(refused)).json.data
    expect(answer.webhookProcessingDetails.status).toBe(
      'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS'
    )
    expect(answer.webhookProcessingDetails.message).toContain('github.branch')
    expect(answer.webhookProcessingDetails.pipelineExecutionId).toBeNull()
    expect(answer.executionDetails).toBeNull()

    const accepted = (await fire(undefined, body('main'))).json.data.eventCorrelationId
    expect((await details(accepted)).json.data.webhookProcessingDetails.status).toBe(
      'TARGET_EXECUTION_REQUESTED'
    )
    expect(emulator.executions).toHaveLength(1)
  })

  it('plays a scripted outcome with its message and starts nothing', async () => {
    emulator.reset(
      world({
        event: { outcome: 'INVALID_RUNTIME_INPUT_YAML', message: 'Invalid yaml: image is required' }
      })
    )
    const id = (await fire()).json.data.eventCorrelationId
    expect((await details(id)).json.data.webhookProcessingDetails).toMatchObject({
      status: 'INVALID_RUNTIME_INPUT_YAML',
      message: 'Invalid yaml: image is required',
      // TriggerEventResponseHelper.toResponseWithPollingInfo marks it false
      exceptionOccured: false,
      pipelineExecutionId: null
    })
    expect(emulator.executions).toHaveLength(0)
  })

  it('reproduces the stuck QUEUED trap: details QUEUED with warningMsg, the history has the record', async () => {
    emulator.reset(world({ event: { stuckQueued: true, pendingReads: 1 } }))
    const id = (await fire()).json.data.eventCorrelationId
    expect((await details(id)).json.data.webhookProcessingDetails.warningMsg).toBeNull()
    for (let read = 0; read < 3; read++) {
      const processing = (await details(id)).json.data.webhookProcessingDetails
      expect(processing.status).toBe('QUEUED')
      expect(processing.warningMsg).toBe(
        'There are multiple trigger events generated from this eventId. This response contains only one of them.'
      )
    }
    const page = (await history(id)).json.data
    expect(page.totalElements).toBe(2)
    expect(page.content[0]).toMatchObject({
      eventCorrelationId: id,
      finalStatus: 'TARGET_EXECUTION_REQUESTED',
      message: 'Pipeline execution was requested successfully',
      targetExecutionSummary: {
        planExecutionId: emulator.executions[0].planExecutionId,
        executionStatus: 'RUNNING'
      }
    })
    // the mapper sets neither createdAt nor exceptionOccurred, and the DTO drops nulls
    expect(page.content[0]).not.toHaveProperty('createdAt')
    expect(page.content[0]).not.toHaveProperty('exceptionOccurred')
    expect(page.content[1]).toMatchObject({ finalStatus: 'QUEUED' })
    expect(page.content[1]).not.toHaveProperty('targetExecutionSummary')
  })

  it('shows every matched trigger in the history and warns in the details', async () => {
    const triggers = [
      ...(defaultWorld().triggers ?? []),
      {
        orgId: IDS.orgId,
        projectId: IDS.projectId,
        pipelineId: IDS.pipelineId,
        triggerId: 'second_trigger',
        webhookToken: 'AnotherToken_abcdefghij'
      }
    ]
    emulator.reset(world({ triggers }))
    const id = (await fire(v3WebhookUrl(emulator, { triggerId: '' }))).json.data.eventCorrelationId
    const processing = (await details(id)).json.data.webhookProcessingDetails
    expect(processing.warningMsg).toContain('multiple trigger events')
    expect(emulator.executions).toHaveLength(2)
    const firstPage = (await history(id, '&page=0&size=1')).json.data
    expect(firstPage).toMatchObject({ totalElements: 2, totalPages: 2, numberOfElements: 1 })
    const secondPage = (await history(id, '&page=1&size=1')).json.data
    expect(secondPage.content[0].triggerIdentifier).not.toBe(firstPage.content[0].triggerIdentifier)
  })

  it('demands a key on the history route, and on details when viewRequiresKey', async () => {
    const id = (await fire()).json.data.eventCorrelationId
    const noKey = await history(id, '', {})
    expect(noKey.status).toBe(401)
    expect(noKey.json.code).toBe('INVALID_CREDENTIAL')
    expect((await details(id, 'v2', {})).status).toBe(401)
    expect((await details(id, 'v2', { 'x-api-key': 'wrong-key-value' })).status).toBe(401)
    emulator.world.viewRequiresKey = false
    expect((await details(id, 'v2', {})).status).toBe(200)
    expect((await history(id, '', {})).status).toBe(401)
  })

  it('acts as an old server: V2 answers 404, v1 works, apiUrl names v1', async () => {
    emulator.reset(world({ event: { v2Available: false } }))
    const fired = (await fire()).json.data
    expect(fired.apiUrl).toContain('/webhook/triggerExecutionDetails/')
    expect((await details(fired.eventCorrelationId)).status).toBe(404)
    expect((await details(fired.eventCorrelationId, 'v1')).status).toBe(200)
  })

  it('leaves out executionDetails and executionUrl when told to', async () => {
    emulator.reset(world({ event: { includeExecutionDetails: false, includeExecutionUrl: false } }))
    const id = (await fire()).json.data.eventCorrelationId
    const data = (await details(id)).json.data
    expect(data.webhookProcessingDetails.pipelineExecutionId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(data.executionDetails).toBeNull()
    expect(data.executionUrl).toBeNull()
  })
})

describe('executions (§3)', () => {
  it('advances one scripted status per read and repeats the last', async () => {
    emulator.reset(world({ execution: { statuses: ['Running', 'ApprovalWaiting', 'Success'] } }))
    const id = await startExecution()
    const seen: string[] = []
    for (let read = 0; read < 4; read++) {
      seen.push((await execution(id)).json.data.pipelineExecutionSummary.status)
    }
    expect(seen).toEqual(['Running', 'ApprovalWaiting', 'Success', 'Success'])
    expect(emulator.executions[0].reads).toBe(4)
    const summary = (await execution(id)).json.data.pipelineExecutionSummary
    expect(summary).toMatchObject({
      planExecutionId: id,
      pipelineIdentifier: 'deploy_api',
      name: 'deploy_api',
      runSequence: 1,
      modules: ['cd'],
      startTs: expect.any(Number),
      endTs: expect.any(Number)
    })
    expect(Object.values(summary.layoutNodeMap)).toEqual([
      expect.objectContaining({
        nodeType: 'Deployment',
        nodeGroup: 'STAGE',
        name: 'Deploy',
        status: 'Success'
      })
    ])
  })

  it('follows scripted stages and reports a failure message', async () => {
    emulator.reset(
      world({
        execution: {
          statuses: ['Running', 'Running', 'Failed'],
          failureMessage: 'Deployment timed out',
          stages: [
            { name: 'Build', statuses: ['Running', 'Success'] },
            { name: 'Deploy', statuses: ['NotStarted', 'Running', 'Failed'] }
          ]
        }
      })
    )
    const id = await startExecution()
    const stagesAt = async () => {
      const summary = (await execution(id)).json.data.pipelineExecutionSummary
      const stages = Object.values(summary.layoutNodeMap) as Array<{ name: string; status: string }>
      return { summary, stages: stages.map(stage => `${stage.name}:${stage.status}`) }
    }
    expect((await stagesAt()).stages).toEqual(['Build:Running', 'Deploy:NotStarted'])
    expect((await stagesAt()).stages).toEqual(['Build:Success', 'Deploy:Running'])
    const last = await stagesAt()
    expect(last.stages).toEqual(['Build:Success', 'Deploy:Failed'])
    expect(last.summary.status).toBe('Failed')
    expect(last.summary.failureInfo.message).toBe('Deployment timed out')
    const deploy = Object.values(last.summary.layoutNodeMap).find(
      (node: unknown) => (node as { name: string }).name === 'Deploy'
    ) as { failureInfo: { message: string } }
    expect(deploy.failureInfo.message).toBe('Deployment timed out')
  })

  it('derives stage statuses from the pipeline when only names are given', async () => {
    emulator.reset(
      world({
        execution: {
          statuses: ['Running', 'Running', 'Failed'],
          stages: [{ name: 'Build' }, { name: 'Deploy' }]
        }
      })
    )
    const id = await startExecution()
    const names = async () =>
      Object.values((await execution(id)).json.data.pipelineExecutionSummary.layoutNodeMap).map(
        node => (node as { status: string }).status
      )
    expect(await names()).toEqual(['Running', 'NotStarted'])
    expect(await names()).toEqual(['Success', 'Running'])
    expect(await names()).toEqual(['Success', 'Failed'])
  })

  it('steps by time with stepMs', async () => {
    emulator.reset(world({ execution: { statuses: ['Running', 'Success'], stepMs: 500 } }))
    const id = await startExecution()
    expect((await execution(id)).json.data.pipelineExecutionSummary.status).toBe('Running')
    expect((await execution(id)).json.data.pipelineExecutionSummary.status).toBe('Running')
    await new Promise(done => setTimeout(done, 550))
    expect((await execution(id)).json.data.pipelineExecutionSummary.status).toBe('Success')
  })

  it('counts runs, adds executionUrl on demand, and answers 404 / FailureDTO / 401', async () => {
    emulator.world.execution.includeExecutionUrl = true
    await startExecution()
    const second = await startExecution()
    const summary = (await execution(second)).json.data.pipelineExecutionSummary
    expect(summary.runSequence).toBe(2)
    expect(summary.executionUrl).toContain(`/executions/${second}/pipeline`)

    const unknown = await execution('NoSuchExecution_123456')
    expect(unknown.status).toBe(404)
    expect(unknown.json).toMatchObject({
      code: 'ENTITY_NOT_FOUND',
      message:
        'Plan Execution Summary does not exist or has been deleted for planExecutionId: NoSuchExecution_123456'
    })
    const noScope = await call(`${gateway()}/pipelines/execution/v2/${second}`, {
      headers: WITH_KEY
    })
    expect(noScope.status).toBe(400)
    expect(noScope.json.status).toBe('FAILURE')
    expect((await execution(second, {})).status).toBe(401)
    emulator.world.viewRequiresKey = false
    expect((await execution(second, {})).status).toBe(200)
  })
})

describe('abort (§4)', () => {
  it('aborts a running execution: Discontinuing, then Aborted; a second abort is refused', async () => {
    emulator.reset(world({ execution: { statuses: ['Running'] } }))
    const id = await startExecution()
    expect((await execution(id)).json.data.pipelineExecutionSummary.status).toBe('Running')
    const answer = await abort(id)
    expect(answer.status).toBe(200)
    expect(answer.json.data).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      type: 'AbortAll',
      planExecutionId: id
    })
    const again = await abort(id)
    expect(again.status).toBe(400)
    expect(again.json).toMatchObject({
      code: 'ABORT_ALL_ALREADY_NG',
      message: 'Execution already has ABORT_ALL interrupt'
    })
    expect((await execution(id)).json.data.pipelineExecutionSummary.status).toBe('Discontinuing')
    const aborted = (await execution(id)).json.data.pipelineExecutionSummary
    expect(aborted.status).toBe('Aborted')
    expect((Object.values(aborted.layoutNodeMap)[0] as { status: string }).status).toBe('Aborted')
    expect(emulator.executions[0].interrupts).toHaveLength(1)
    const finished = await abort(id)
    expect(finished.json.message).toBe(
      'Invalid request: Execution is already finished with status: [ABORTED]'
    )
  })

  it('refuses to abort a finished execution, naming its engine status', async () => {
    emulator.reset(world({ execution: { statuses: ['Success'] } }))
    const id = await startExecution()
    await execution(id)
    const answer = await abort(id)
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({
      code: 'INVALID_REQUEST',
      message: 'Invalid request: Execution is already finished with status: [SUCCEEDED]'
    })
  })

  it('aborts a queued execution at once', async () => {
    emulator.reset(world({ execution: { statuses: ['Queued', 'Running'] } }))
    const id = await startExecution()
    expect((await abort(id)).status).toBe(200)
    expect((await execution(id)).json.data.pipelineExecutionSummary.status).toBe('Aborted')
  })

  it('demands a key with the execute permission, and knows only its executions', async () => {
    const id = await startExecution()
    expect((await abort(id, {})).status).toBe(401)
    const denied = await abort(id, { 'x-api-key': VIEW_ONLY_API_KEY })
    expect(denied.status).toBe(403)
    expect(denied.json.code).toBe('NG_ACCESS_DENIED')
    expect((await abort('NoSuchExecution_123456')).status).toBe(404)
    expect(emulator.executions[0].interrupts).toHaveLength(0)
  })
})

describe('faults', () => {
  it('plays queued faults in order, one per request, then behaves normally', async () => {
    emulator.fault('webhook', [
      {
        status: 429,
        body: '<html><body>Too Many Requests</body></html>',
        headers: { 'content-type': 'text/html' }
      },
      { status: 500, body: harnessErrorBody('UNKNOWN_ERROR', 'Oops') },
      { status: 502, body: 'Bad Gateway' },
      { notJson: true }
    ])
    expect(emulator.pendingFaults('webhook')).toBe(4)
    const first = await fire()
    expect(first.status).toBe(429)
    expect(first.headers['content-type']).toBe('text/html')
    expect(first.text).toContain('Too Many Requests')
    const second = await fire()
    expect(second.status).toBe(500)
    expect(second.json).toMatchObject({ status: 'ERROR', code: 'UNKNOWN_ERROR', message: 'Oops' })
    expect((await fire()).text).toBe('Bad Gateway')
    const html = await fire()
    expect(html.status).toBe(200)
    expect(html.json).toBeUndefined()
    expect(emulator.events).toHaveLength(0)
    expect((await fire()).status).toBe(200)
    expect(emulator.pendingFaults('webhook')).toBe(0)
    expect(emulator.requestsTo('webhook')).toHaveLength(5)
  })

  it('resets the connection, redirects, delays and does the work before failing when asked', async () => {
    emulator.fault('execution', [{ reset: true }])
    await expect(execution('x')).rejects.toThrow(/socket hang up|ECONNRESET/)

    emulator.fault('eventDetails', [{ redirect: 'https://elsewhere.example/steal' }])
    const redirected = await details('x')
    expect(redirected.status).toBe(302)
    expect(redirected.headers.location).toBe('https://elsewhere.example/steal')

    emulator.fault('webhook', [
      { delayMs: 150 },
      { status: 502, body: 'upstream', afterHandling: true }
    ])
    const started = Date.now()
    expect((await fire()).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect((await fire()).status).toBe(502)
    expect(emulator.events).toHaveLength(2)
  })

  it('hangs until the client gives up, and close() still ends', async () => {
    const own = await startEmulator(defaultWorld())
    own.fault('eventHistory', [{ hang: true }])
    const url = `${own.url}/gateway/pipeline/api/triggers/eventHistory/v2/eventCorrelation/x?accountIdentifier=${ACCOUNT_ID}`
    await expect(call(url, { headers: WITH_KEY, timeoutMs: 200 })).rejects.toThrow('client timeout')
    const pending = call(url, { headers: WITH_KEY }).catch((error: Error) => error)
    own.fault('eventHistory', [{ hang: true }])
    await own.close()
    expect(await pending).toBeDefined()
  })

  it('hangs every request of a route with times: Infinity until clearFaults, and close() is not held', async () => {
    const own = await startEmulator(defaultWorld())
    own.fault('processingDetails', [{ hang: true, times: Infinity }])
    const url = `${own.url}/gateway/pipeline/api/webhook/triggerProcessingDetails?accountIdentifier=${ACCOUNT_ID}&eventId=x`
    for (let i = 0; i < 3; i++) {
      await expect(call(url, { headers: WITH_KEY, timeoutMs: 100 })).rejects.toThrow(
        'client timeout'
      )
    }
    expect(own.pendingFaults('processingDetails')).toBe(Infinity)
    own.clearFaults('processingDetails')
    expect((await call(url, { headers: WITH_KEY })).status).toBe(400)
    // a long delay and a hang in flight: close() ends at once, answering neither
    own.fault('processingDetails', [{ delayMs: 60_000 }, { hang: true, afterHandling: true }])
    const slow = call(url, { headers: WITH_KEY }).catch((error: Error) => error)
    const hung = call(url, { headers: WITH_KEY }).catch((error: Error) => error)
    await own.waitForRequest(r => r.route === 'processingDetails' && own.requests.length >= 6)
    const closing = Date.now()
    await own.close()
    expect(Date.now() - closing).toBeLessThan(1000)
    expect(await slow).toHaveProperty('message')
    expect(await hung).toHaveProperty('message')
  })

  it('starts an execution after pendingMs with nobody reading, and keeps it running until aborted', async () => {
    emulator.reset(world({ event: { pendingMs: 300 }, execution: { statuses: ['Running'] } }))
    const fired = Date.now()
    const id = (await fire()).json.data.eventCorrelationId
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(emulator.executions).toHaveLength(0)
    expect(emulator.events[0].records[0].finalStatus).toBe('QUEUED')
    while (emulator.executions.length === 0 && Date.now() - fired < 5000) {
      await new Promise(resolve => setTimeout(resolve, 10))
    }
    expect(emulator.executions).toHaveLength(1)
    expect(emulator.executions[0].startTs - fired).toBeGreaterThanOrEqual(295)
    expect(emulator.requestsTo('eventDetails')).toHaveLength(0)
    expect(emulator.requestsTo('processingDetails')).toHaveLength(0)
    expect(emulator.executions[0].eventId).toBe(id)
    const planId = emulator.executions[0].planExecutionId
    for (let read = 0; read < 5; read++) {
      expect((await execution(planId)).json.data.pipelineExecutionSummary.status).toBe('Running')
    }
    expect((await abort(planId)).status).toBe(200)
    expect((await execution(planId)).json.data.pipelineExecutionSummary.status).toBe(
      'Discontinuing'
    )
    expect((await execution(planId)).json.data.pipelineExecutionSummary.status).toBe('Aborted')
  })

  it('streams a huge body of exactly the asked size', async () => {
    emulator.fault('abort', [{ huge: 3 * 1024 * 1024 }])
    const answer = await abort('x')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-length']).toBeUndefined()
    expect(Buffer.byteLength(answer.text)).toBe(3 * 1024 * 1024)
  })
})

describe('GitHub routes', () => {
  const comments = () => `${emulator.url}/repos/acme/api/issues/7/comments`
  const auth = { authorization: 'token ghs_example_token_123', ...JSON_TYPE }

  it('creates, lists and updates comments with a token', async () => {
    expect((await call(comments())).status).toBe(401)
    const created = await call(comments(), {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: 'Deploying…' })
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      id: expect.any(Number),
      body: 'Deploying…',
      user: { login: 'github-actions[bot]' },
      html_url: expect.stringContaining('/acme/api/pull/7#issuecomment-')
    })
    const updated = await call(
      `${emulator.url}/repos/acme/api/issues/comments/${created.json.id}`,
      {
        method: 'PATCH',
        headers: { ...auth, authorization: 'Bearer ghs_example_token_123' },
        body: JSON.stringify({ body: 'Deployed' })
      }
    )
    expect(updated.json.body).toBe('Deployed')
    expect(emulator.github.comments.map(c => c.body)).toEqual(['Deployed'])
    const listed = await call(comments(), { headers: auth })
    expect(listed.json.map((c: { id: number }) => c.id)).toEqual([created.json.id])
  })

  it('paginates with per_page/page and a Link header', async () => {
    for (let n = 1; n <= 5; n++) {
      emulator.github.addComment({ owner: 'acme', repo: 'api', issueNumber: 7, body: `c${n}` })
    }
    emulator.github.addComment({ owner: 'acme', repo: 'api', issueNumber: 8, body: 'other PR' })
    const page2 = await call(`${comments()}?per_page=2&page=2`, { headers: auth })
    expect(page2.json.map((c: { body: string }) => c.body)).toEqual(['c3', 'c4'])
    expect(page2.headers.link).toBe(
      `<${comments()}?per_page=2&page=1>; rel="prev", <${comments()}?per_page=2&page=3>; rel="next", ` +
        `<${comments()}?per_page=2&page=3>; rel="last", <${comments()}?per_page=2&page=1>; rel="first"`
    )
    const page3 = await call(`${comments()}?per_page=2&page=3`, { headers: auth })
    expect(page3.json.map((c: { body: string }) => c.body)).toEqual(['c5'])
    expect(page3.headers.link).not.toContain('rel="next"')
  })

  it('refuses writes when forbidden and a wrong token when one is set', async () => {
    emulator.github.forbidden = true
    const refused = await call(comments(), { method: 'POST', headers: auth, body: '{"body":"x"}' })
    expect(refused.status).toBe(403)
    expect(refused.json.message).toBe('Resource not accessible by integration')
    expect((await call(comments(), { headers: auth })).status).toBe(200)
    emulator.github.token = 'the-right-token'
    const wrong = await call(comments(), { headers: auth })
    expect(wrong.status).toBe(401)
    expect(wrong.json.message).toBe('Bad credentials')
  })
})

describe('fixtures', () => {
  it('have the shapes Harness uses', () => {
    expect(ACCOUNT_ID).toMatch(/^[A-Za-z0-9_-]+$/)
    for (const key of [API_KEY, VIEW_ONLY_API_KEY]) {
      expect(key).toMatch(
        new RegExp(`^(pat|sat)\\.${ACCOUNT_ID}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}$`)
      )
    }
    expect(WEBHOOK_TOKEN).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })
})

describe('emulator controls', () => {
  it('waits for a request, and reset() forgets everything and restores the world', async () => {
    const seen = emulator.waitForRequest('webhook', 2000)
    emulator.world.mandateAuthorization = true
    emulator.fault('execution', [{ status: 500 }])
    await fire()
    expect((await seen).route).toBe('webhook')
    emulator.github.addComment({ owner: 'a', repo: 'b', issueNumber: 1, body: 'x' })
    emulator.reset()
    expect(emulator.requests).toHaveLength(0)
    expect(emulator.events).toHaveLength(0)
    expect(emulator.github.comments).toHaveLength(0)
    expect(emulator.pendingFaults('execution')).toBe(0)
    expect(emulator.world.mandateAuthorization).toBe(false)
    await expect(emulator.waitForRequest('abort', 50)).rejects.toThrow(/within 50 ms/)
  })

  it('serves HTTPS with a given certificate', async () => {
    const tls = selfSignedCertificate()
    const secure = await startEmulator({ ...defaultWorld(), tls })
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      const answer = await call(v3WebhookUrl(secure), {
        method: 'POST',
        headers: JSON_TYPE,
        body: '{}',
        ca: tls.cert
      })
      expect(answer.json.data.apiUrl.startsWith(`${secure.url}/gateway/`)).toBe(true)
    } finally {
      await secure.close()
    }
  })
})
