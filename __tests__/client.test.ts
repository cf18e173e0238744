import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { ServerResponse } from 'node:http'
import { HarnessApiError, HarnessClient, type HarnessClientOptions } from '../src/harness/client.js'
import type { HarnessEndpoint } from '../src/harness/urls.js'
import { NetworkError, sendRequest, type HttpRequest } from '../src/harness/http/request.js'
import { Redactor } from '../src/core/redactor.js'
import {
  freePort,
  startRawServer,
  startServer,
  type LoopbackServer,
  type SeenRequest
} from './helpers/loopback-http.js'

const API_KEY = 'sat.acc-1.0123456789abcdef01234567.s3cr3tPart'
const TOKEN = 'Zm9vYmFyYmF6cXV4MTIzNA'
const SCOPE = { accountId: 'acc-1', orgId: 'default', projectId: 'Docs' }

interface Answer {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

/** The fake Harness for one test: `answer` decides each response from the request. */
let answer: (seen: SeenRequest) => Answer
let harness: LoopbackServer
let endpoint: HarnessEndpoint

beforeAll(async () => {
  harness = await startServer((seen, response) => reply(response, answer(seen)))
  endpoint = {
    origin: harness.origin,
    gateway: `${harness.origin}/gateway`,
    ui: `${harness.origin}/ng/#`
  }
})
afterAll(() => harness.close())
afterEach(() => {
  harness.requests.length = 0
})

function reply(response: ServerResponse, { status = 200, body = '', headers = {} }: Answer): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  response.end(text)
}

function success(data: unknown): Answer {
  return { body: { status: 'SUCCESS', data, metaData: null, correlationId: 'c-1' } }
}

function harnessError(status: number, code: string, message: string): Answer {
  return { status, body: { status: 'ERROR', code, message, correlationId: 'c-2' } }
}

interface TestClient {
  client: HarnessClient
  sleeps: number[]
  logs: string[]
  redactor: Redactor
}

function makeClient(overrides: Partial<HarnessClientOptions> = {}): TestClient {
  const sleeps: number[] = []
  const logs: string[] = []
  const redactor = new Redactor()
  redactor.add(TOKEN)
  const client = new HarnessClient({
    endpoint,
    apiKey: API_KEY,
    redactor,
    log: line => logs.push(line),
    sleep: async ms => {
      sleeps.push(ms)
    },
    requestTimeoutMs: 2000,
    ...overrides
  })
  return { client, sleeps, logs, redactor }
}

function webhookUrl(origin = harness.origin): string {
  return (
    `${origin}/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=acc-1` +
    '&orgIdentifier=default&projectIdentifier=Docs&pipelineIdentifier=deploy&triggerIdentifier=gha'
  )
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(Error)
    return error as Error
  }
  throw new Error('expected the call to fail')
}

const ACCEPTED = {
  eventCorrelationId: '632394c7b018985c661747be',
  apiUrl:
    'https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/632394c7b018985c661747be?accountIdentifier=acc-1',
  uiUrl:
    'https://app.harness.io/ng/#/account/acc-1/cd/orgs/default/projects/Docs/deployments?pipelineIdentifier=deploy&page=0',
  uiSetupUrl:
    'https://app.harness.io/ng/#/account/acc-1/cd/orgs/default/projects/Docs/pipelines/deploy/pipeline-studio/'
}

describe('fireWebhook', () => {
  it('POSTs the body with the JSON headers and the API key, and returns the links', async () => {
    answer = () => success(ACCEPTED)
    const { client, sleeps } = makeClient()
    const accepted = await client.fireWebhook(webhookUrl(), '{"tag":"1.4.2"}')
    expect(accepted).toEqual(ACCEPTED)
    expect(harness.requests).toHaveLength(1)
    const [seen] = harness.requests
    expect(seen.method).toBe('POST')
    expect(seen.url).toBe(new URL(webhookUrl()).pathname + new URL(webhookUrl()).search)
    expect(seen.body).toBe('{"tag":"1.4.2"}')
    expect(seen.headers['content-type']).toBe('application/json')
    expect(seen.headers.accept).toBe('application/json')
    expect(seen.headers['user-agent']).toBe('harness-trigger')
    expect(seen.headers['x-api-key']).toBe(API_KEY)
    expect(sleeps).toEqual([])
  })

  it('sends no X-Api-Key when no key is set', async () => {
    answer = () => success(ACCEPTED)
    await makeClient({ apiKey: undefined }).client.fireWebhook(webhookUrl(), '{}')
    expect(harness.requests[0].headers['x-api-key']).toBeUndefined()
  })

  it('never sends the API key to another origin', async () => {
    const foreign = await startServer((_, response) => reply(response, success(ACCEPTED)))
    try {
      await makeClient().client.fireWebhook(webhookUrl(foreign.origin), '{}')
      expect(foreign.requests).toHaveLength(1)
      expect(foreign.requests[0].headers['x-api-key']).toBeUndefined()
    } finally {
      await foreign.close()
    }
  })

  it('takes a v1 answer whose data is the bare event id', async () => {
    answer = () => success('632394c7b018985c661747be')
    const accepted = await makeClient().client.fireWebhook(webhookUrl(), '{}')
    expect(accepted).toEqual({
      eventCorrelationId: '632394c7b018985c661747be',
      apiUrl: '',
      uiUrl: '',
      uiSetupUrl: ''
    })
  })

  it('fails with a shape error when the success has no eventCorrelationId', async () => {
    answer = () => success({ apiUrl: 'https://app.harness.io/x' })
    const error = await failureOf(makeClient().client.fireWebhook(webhookUrl(), '{}'))
    expect(error).toBeInstanceOf(HarnessApiError)
    expect(error.message).toBe(
      'Harness answered HTTP 200 SUCCESS, but not in the expected shape (no data.eventCorrelationId): ' +
        '{"status":"SUCCESS","data":{"apiUrl":"https://app.harness.io/x"},"metaData":null,"correlationId":"c-1"}'
    )
  })

  it('retries after HTTP 429 and succeeds: exactly two POSTs, one logged backoff', async () => {
    let calls = 0
    answer = () => (++calls === 1 ? { status: 429, body: 'Too Many Requests' } : success(ACCEPTED))
    const { client, sleeps, logs } = makeClient()
    await expect(client.fireWebhook(webhookUrl(), '{}')).resolves.toEqual(ACCEPTED)
    expect(harness.requests).toHaveLength(2)
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThanOrEqual(750)
    expect(sleeps[0]).toBeLessThanOrEqual(1250)
    expect(logs).toEqual([
      expect.stringMatching(
        /^Harness did not take the trigger \(HTTP 429, too many requests\); retry 1 of 3 in \d\.\d s$/
      )
    ])
  })

  it('gives up after three retries on HTTP 429, with doubling backoff', async () => {
    answer = () => ({ status: 429, body: '<html>rate limited</html>', headers: {} })
    const { client, sleeps } = makeClient({ postRetryBaseMs: 100 })
    const error = await failureOf(client.fireWebhook(webhookUrl(), '{}'))
    expect(harness.requests).toHaveLength(4)
    expect(sleeps).toHaveLength(3)
    sleeps.forEach((ms, index) => {
      expect(ms).toBeGreaterThanOrEqual(75 * 2 ** index)
      expect(ms).toBeLessThanOrEqual(125 * 2 ** index)
    })
    expect(error).toBeInstanceOf(HarnessApiError)
    expect((error as HarnessApiError).retryable).toBe(true)
    expect(error.message).toBe(
      'Harness answered HTTP 429 (too many requests) with a body that is not JSON: <html>rate limited</html> (gave up after 4 attempts)'
    )
  })

  it('does not retry after HTTP 500, and says the trigger may have fired', async () => {
    answer = () => harnessError(500, 'UNKNOWN_ERROR', 'Exception while queueing webhook request')
    const { client, sleeps } = makeClient()
    const error = await failureOf(client.fireWebhook(webhookUrl(), '{}'))
    expect(harness.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
    expect(error).toBeInstanceOf(HarnessApiError)
    expect(error.message).toBe(
      'Harness answered HTTP 500 UNKNOWN_ERROR: Exception while queueing webhook request. ' +
        'Harness may or may not have taken the trigger, so it was not sent again; ' +
        "check the pipeline's executions in Harness before running this again."
    )
    expect((error as HarnessApiError).code).toBe('UNKNOWN_ERROR')
  })

  it('does not retry after a timeout, and says the trigger may have fired', async () => {
    const silent = await startRawServer(socket => socket.resume())
    try {
      const { client, sleeps } = makeClient({ requestTimeoutMs: 200 })
      const error = await failureOf(client.fireWebhook(webhookUrl(silent.origin), '{}'))
      expect(error).toBeInstanceOf(NetworkError)
      expect((error as NetworkError).kind).toBe('timeout')
      expect(error.message).toBe(
        `POST 127.0.0.1:${silent.port}: the request timed out after 0.2 s. ` +
          'Harness may or may not have taken the trigger, so it was not sent again; ' +
          "check the pipeline's executions in Harness before running this again."
      )
      expect(silent.connections).toBe(1)
      expect(sleeps).toEqual([])
    } finally {
      await silent.close()
    }
  })

  it('does not retry after the connection is reset', async () => {
    const rude = await startRawServer(socket => socket.once('data', () => socket.destroy()))
    try {
      const error = await failureOf(makeClient().client.fireWebhook(webhookUrl(rude.origin), '{}'))
      expect((error as NetworkError).kind).toBe('reset')
      expect(error.message).toContain('may or may not have taken the trigger')
      expect(rude.connections).toBe(1)
    } finally {
      await rude.close()
    }
  })

  it('retries a refused connection three times, then fails', async () => {
    const port = await freePort()
    const attempts: HttpRequest[] = []
    const { client, sleeps, logs } = makeClient({
      send: request => {
        attempts.push(request)
        return sendRequest(request)
      }
    })
    const error = await failureOf(client.fireWebhook(webhookUrl(`http://127.0.0.1:${port}`), '{}'))
    expect(attempts).toHaveLength(4)
    expect(sleeps).toHaveLength(3)
    expect(logs[2]).toMatch(/\(connection refused\); retry 3 of 3 in/)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).kind).toBe('connection-refused')
    expect(error.message).toBe(
      `POST 127.0.0.1:${port}: connection refused (ECONNREFUSED) (gave up after 4 attempts)`
    )
  })

  it('goes on once a refusing Harness comes up: the trigger is sent once', async () => {
    const port = await freePort()
    let late: LoopbackServer | undefined
    const { client, sleeps } = makeClient({
      sleep: async ms => {
        sleeps.push(ms)
        if (sleeps.length === 2) {
          late = await startServerOn(port)
        }
      }
    })
    try {
      const accepted = await client.fireWebhook(webhookUrl(`http://127.0.0.1:${port}`), '{}')
      expect(accepted.eventCorrelationId).toBe(ACCEPTED.eventCorrelationId)
      expect(sleeps).toHaveLength(2)
      expect(late?.requests).toHaveLength(1)
    } finally {
      await late?.close()
    }
  })

  it('fails at once when the host name does not resolve', async () => {
    const attempts: HttpRequest[] = []
    const { client, sleeps } = makeClient({
      send: request => {
        attempts.push(request)
        return sendRequest(request)
      }
    })
    const error = await failureOf(
      client.fireWebhook(webhookUrl('http://harness-trigger.invalid'), '{}')
    )
    expect((error as NetworkError).kind).toBe('dns')
    expect(attempts).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('fails on HTTP 200 with "status":"ERROR", with Harness code and message', async () => {
    answer = () => ({
      status: 200,
      body: { status: 'ERROR', code: 'INVALID_REQUEST', message: 'Invalid request: nope' }
    })
    const error = await failureOf(makeClient().client.fireWebhook(webhookUrl(), '{}'))
    expect(error).toBeInstanceOf(HarnessApiError)
    expect(error.message).toBe(
      'Harness answered HTTP 200 (status ERROR) INVALID_REQUEST: Invalid request: nope'
    )
    expect(harness.requests).toHaveLength(1)
  })

  it('fails on HTTP 400 FAILURE with the code and message', async () => {
    answer = () => ({
      status: 400,
      body: {
        status: 'FAILURE',
        code: 'INVALID_REQUEST',
        message: 'orgIdentifier: must not be null'
      }
    })
    const error = (await failureOf(
      makeClient().client.fireWebhook(webhookUrl(), '{}')
    )) as HarnessApiError
    expect(error.message).toBe(
      'Harness answered HTTP 400 INVALID_REQUEST: orgIdentifier: must not be null'
    )
    expect(error.httpStatus).toBe(400)
    expect(error.retryable).toBe(false)
  })

  it('quotes a body that is not JSON in one short line, without a parser trace', async () => {
    const page = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${'x'.repeat(500)}</body></html>`
    answer = () => ({ status: 502, body: page, headers: { 'Content-Type': 'text/html' } })
    const error = await failureOf(makeClient().client.fireWebhook(webhookUrl(), '{}'))
    const [head, rest] = error.message.split(': ', 2)
    expect(head).toBe('Harness answered HTTP 502 with a body that is not JSON')
    const quoted = rest.slice(0, rest.indexOf('. Harness may or may not'))
    expect(quoted.startsWith('<html> <head><title>502 Bad Gateway</title></head> <body>xxx')).toBe(
      true
    )
    expect(quoted.length).toBeLessThanOrEqual(200)
    expect(quoted.endsWith('…')).toBe(true)
    expect(error.message).not.toMatch(/\n|JSON\.parse|Unexpected token|at position/)
  })

  it('says so when a success answer is not JSON', async () => {
    answer = () => ({ status: 200, body: 'OK' })
    const error = await failureOf(makeClient().client.fireWebhook(webhookUrl(), '{}'))
    expect(error.message).toBe('Harness answered HTTP 200 with a body that is not JSON: OK')
  })

  it('removes the webhook token and the API key that Harness echoes', async () => {
    answer = () =>
      harnessError(
        400,
        'INVALID_REQUEST',
        `Invalid request: No enabled custom trigger found for the used custom webhook token: ${TOKEN} (key ${API_KEY})`
      )
    const error = await failureOf(makeClient().client.fireWebhook(webhookUrl(), '{}'))
    expect(error.message).toBe(
      'Harness answered HTTP 400 INVALID_REQUEST: Invalid request: No enabled custom trigger found for the used custom webhook token: *** (key ***)'
    )
  })

  it('removes the token from the excerpt of an unreadable body too', async () => {
    answer = () => ({ status: 404, body: `Not Found: /custom/${TOKEN}/v3` })
    const error = await failureOf(makeClient().client.fireWebhook(webhookUrl(), '{}'))
    expect(error.message).toBe(
      'Harness answered HTTP 404 with a body that is not JSON: Not Found: /custom/***/v3'
    )
  })

  it('does not follow a redirect and shows only the origin it points to', async () => {
    answer = () => ({
      status: 302,
      headers: { Location: `https://login.example.com/sso?next=${TOKEN}&session=abc` }
    })
    const error = await failureOf(makeClient().client.fireWebhook(webhookUrl(), '{}'))
    expect(error.message).toBe(
      'Harness answered with a redirect (HTTP 302 to https://login.example.com); redirects are not followed'
    )
    expect(harness.requests).toHaveLength(1)
  })

  it('fails on an answer larger than 256 KiB', async () => {
    answer = () => success({ eventCorrelationId: 'e', padding: 'p'.repeat(300 * 1024) })
    const error = await failureOf(makeClient().client.fireWebhook(webhookUrl(), '{}'))
    expect((error as NetworkError).kind).toBe('too-large')
    expect(error.message).toContain('larger than 256 KiB')
  })
})

async function startServerOn(port: number): Promise<LoopbackServer> {
  const { createServer } = await import('node:http')
  const requests: SeenRequest[] = []
  const server = createServer((incoming, response) => {
    incoming.resume()
    incoming.on('end', () => {
      requests.push({
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: ''
      })
      reply(response, success(ACCEPTED))
    })
  })
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    connections: 0,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}

const V2_PATH = '/gateway/pipeline/api/webhook/triggerExecutionDetailsV2/'
const V1_PATH = '/gateway/pipeline/api/webhook/triggerExecutionDetails/'

describe('getEventDetails', () => {
  it('reads QUEUED as pending, with the API key', async () => {
    answer = () =>
      success({
        webhookProcessingDetails: {
          eventFound: true,
          status: 'QUEUED',
          message: 'Trigger execution is queued.',
          warningMsg: null
        }
      })
    const details = await makeClient().client.getEventDetails('acc-1', 'ev1')
    expect(details).toEqual({
      pending: true,
      status: 'QUEUED',
      message: 'Trigger execution is queued.'
    })
    expect(harness.requests[0].url).toBe(`${V2_PATH}ev1?accountIdentifier=acc-1`)
    expect(harness.requests[0].headers['x-api-key']).toBe(API_KEY)
  })

  it('maps a processed event with its execution', async () => {
    answer = () =>
      success({
        webhookProcessingDetails: {
          eventFound: true,
          status: 'TARGET_EXECUTION_REQUESTED',
          message: 'Pipeline execution was requested successfully',
          warningMsg: `There are multiple trigger events; token ${TOKEN}`,
          pipelineExecutionId: '_iodHvEhT2y_Mn_DLaR32A'
        },
        executionDetails: { pipelineExecutionSummary: { status: 'Running' } },
        executionUrl: 'https://app.harness.io/ng/#/account/acc-1/executions/x/pipeline'
      })
    const details = await makeClient().client.getEventDetails('acc-1', 'ev1')
    expect(details).toEqual({
      pending: false,
      status: 'TARGET_EXECUTION_REQUESTED',
      message: 'Pipeline execution was requested successfully',
      warningMsg: 'There are multiple trigger events; token ***',
      pipelineExecutionId: '_iodHvEhT2y_Mn_DLaR32A',
      executionUrl: 'https://app.harness.io/ng/#/account/acc-1/executions/x/pipeline',
      executionStatus: 'Running'
    })
  })

  it('falls back to v1 on HTTP 404 and stays there', async () => {
    answer = seen =>
      seen.url.startsWith(V2_PATH)
        ? { status: 404, body: 'Not Found' }
        : success({
            webhookProcessingDetails: {
              eventFound: true,
              status: 'INVALID_RUNTIME_INPUT_YAML',
              message: 'bad input'
            }
          })
    const { client, logs } = makeClient()
    const first = await client.getEventDetails('acc-1', 'ev1')
    const second = await client.getEventDetails('acc-1', 'ev1')
    expect(first).toEqual({
      pending: false,
      status: 'INVALID_RUNTIME_INPUT_YAML',
      message: 'bad input'
    })
    expect(second).toEqual(first)
    expect(harness.requests.map(seen => seen.url)).toEqual([
      `${V2_PATH}ev1?accountIdentifier=acc-1`,
      `${V1_PATH}ev1?accountIdentifier=acc-1`,
      `${V1_PATH}ev1?accountIdentifier=acc-1`
    ])
    expect(logs).toHaveLength(1)
  })

  it.each([
    "Invalid request: Trigger event history doesn't exist for event with eventId ev1",
    'Invalid request: Trigger event history ev1 does not exist'
  ])('reads HTTP 400 "%s" as pending', async message => {
    answer = () => harnessError(400, 'INVALID_REQUEST', message)
    await expect(makeClient().client.getEventDetails('acc-1', 'ev1')).resolves.toEqual({
      pending: true
    })
  })

  it('reads eventFound:false as pending', async () => {
    answer = () => success({ webhookProcessingDetails: { eventFound: false } })
    await expect(makeClient().client.getEventDetails('acc-1', 'ev1')).resolves.toEqual({
      pending: true
    })
  })

  it('fails on another HTTP 400, and on a success without webhookProcessingDetails', async () => {
    answer = () =>
      harnessError(400, 'INVALID_REQUEST', 'Invalid request: accountIdentifier missing')
    const client = makeClient().client
    const error = (await failureOf(client.getEventDetails('acc-1', 'ev1'))) as HarnessApiError
    expect(error.message).toBe(
      'Harness answered HTTP 400 INVALID_REQUEST: Invalid request: accountIdentifier missing'
    )
    expect(error.retryable).toBe(false)

    answer = () => success({ something: 'else' })
    const shape = await failureOf(client.getEventDetails('acc-1', 'ev1'))
    expect(shape.message).toContain('not in the expected shape (no data.webhookProcessingDetails)')
  })

  it('marks 5xx as retryable for the wait loop', async () => {
    answer = () => ({ status: 503, body: '' })
    const error = (await failureOf(
      makeClient().client.getEventDetails('acc-1', 'ev1')
    )) as HarnessApiError
    expect(error.retryable).toBe(true)
    expect(error.message).toBe('Harness answered HTTP 503 with an empty body')
  })
})

describe('getEventHistory', () => {
  it('maps the records, newest first', async () => {
    answer = () =>
      success({
        content: [
          { finalStatus: 'QUEUED', message: 'Trigger execution is queued.', createdAt: 1000 },
          {
            finalStatus: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
            message: 'No trigger matched',
            createdAt: 3000
          },
          {
            finalStatus: 'TARGET_EXECUTION_REQUESTED',
            message: 'ok',
            targetExecutionSummary: { planExecutionId: 'plan-2', executionStatus: 'RUNNING' },
            createdAt: 2000
          }
        ],
        totalElements: 3
      })
    const records = await makeClient().client.getEventHistory('acc-1', 'ev1')
    expect(records).toEqual([
      {
        finalStatus: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
        message: 'No trigger matched',
        createdAt: 3000
      },
      {
        finalStatus: 'TARGET_EXECUTION_REQUESTED',
        message: 'ok',
        planExecutionId: 'plan-2',
        createdAt: 2000
      },
      { finalStatus: 'QUEUED', message: 'Trigger execution is queued.', createdAt: 1000 }
    ])
    expect(harness.requests[0].url).toBe(
      '/gateway/pipeline/api/triggers/eventHistory/v2/eventCorrelation/ev1?accountIdentifier=acc-1&page=0&size=10'
    )
  })

  it('fails when there is no content list', async () => {
    answer = () => success({ totalElements: 0 })
    const error = await failureOf(makeClient().client.getEventHistory('acc-1', 'ev1'))
    expect(error.message).toContain('(no data.content list)')
  })
})

describe('getExecution', () => {
  it('maps the summary and the stages of layoutNodeMap', async () => {
    answer = () =>
      success({
        pipelineExecutionSummary: {
          pipelineIdentifier: 'deploy',
          planExecutionId: 'plan-1',
          name: 'Deploy',
          status: 'Failed',
          runSequence: 12,
          startTs: 1700000000000,
          endTs: 1700000060000,
          modules: ['cd', 'pms'],
          failureInfo: { message: `Step failed with token ${TOKEN}` },
          layoutNodeMap: {
            n1: {
              nodeType: 'Deployment',
              nodeGroup: 'STAGE',
              nodeUuid: 'n1',
              name: 'Staging',
              status: 'Success',
              startTs: 1700000000000,
              endTs: 1700000030000,
              failureInfo: { message: '' }
            },
            p1: { nodeType: 'parallel', nodeUuid: 'p1', name: 'parallel', status: 'Failed' },
            n2: {
              nodeType: 'Deployment',
              nodeGroup: 'STAGE',
              name: 'Production',
              status: 'Failed',
              startTs: 1700000030000,
              endTs: 0,
              failureInfo: { message: 'Shell script failed' }
            },
            n3: { nodeType: 'Approval', name: 'Approve', status: 'NotStarted' }
          }
        },
        executionGraph: null
      })
    const summary = await makeClient().client.getExecution(SCOPE, 'plan-1')
    expect(summary).toEqual({
      status: 'Failed',
      planExecutionId: 'plan-1',
      pipelineIdentifier: 'deploy',
      name: 'Deploy',
      runSequence: 12,
      startTs: 1700000000000,
      endTs: 1700000060000,
      modules: ['cd', 'pms'],
      failureMessage: 'Step failed with token ***',
      stages: [
        {
          nodeUuid: 'n1',
          name: 'Staging',
          status: 'Success',
          startTs: 1700000000000,
          endTs: 1700000030000
        },
        {
          nodeUuid: 'n2',
          name: 'Production',
          status: 'Failed',
          startTs: 1700000030000,
          failureMessage: 'Shell script failed'
        },
        { nodeUuid: 'n3', name: 'Approve', status: 'NotStarted' }
      ]
    })
    expect(harness.requests[0].url).toBe(
      '/gateway/pipeline/api/pipelines/execution/v2/plan-1?accountIdentifier=acc-1&orgIdentifier=default&projectIdentifier=Docs'
    )
    expect(harness.requests[0].headers['x-api-key']).toBe(API_KEY)
  })

  it('keeps a server-side executionUrl', async () => {
    answer = () =>
      success({
        pipelineExecutionSummary: { status: 'Running', executionUrl: 'https://h.example/exec' }
      })
    const summary = await makeClient().client.getExecution(SCOPE, 'plan-1')
    expect(summary).toEqual({
      status: 'Running',
      planExecutionId: 'plan-1',
      executionUrl: 'https://h.example/exec',
      stages: []
    })
  })

  it('fails with a shape error when the status is missing', async () => {
    answer = () => success({ pipelineExecutionSummary: { planExecutionId: 'plan-1' } })
    const error = (await failureOf(
      makeClient().client.getExecution(SCOPE, 'plan-1')
    )) as HarnessApiError
    expect(error).toBeInstanceOf(HarnessApiError)
    expect(error.retryable).toBe(false)
    expect(error.message).toMatch(
      /^Harness answered HTTP 200 SUCCESS, but not in the expected shape \(no data\.pipelineExecutionSummary\.status\): /
    )
  })

  it('passes a 404 ENTITY_NOT_FOUND on as a HarnessApiError', async () => {
    answer = () =>
      harnessError(
        404,
        'ENTITY_NOT_FOUND',
        'Plan Execution Summary does not exist or has been deleted for planExecutionId: plan-1'
      )
    const error = (await failureOf(
      makeClient().client.getExecution(SCOPE, 'plan-1')
    )) as HarnessApiError
    expect(error.httpStatus).toBe(404)
    expect(error.code).toBe('ENTITY_NOT_FOUND')
    expect(error.retryable).toBe(false)
  })

  it('lets a network error through as a NetworkError with the secrets removed', async () => {
    const { client } = makeClient({
      send: async () => {
        throw new NetworkError(`GET h:443: odd failure near ${TOKEN}`, 'reset', true)
      }
    })
    const error = await failureOf(client.getExecution(SCOPE, 'plan-1'))
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toBe('GET h:443: odd failure near ***')
    expect((error as NetworkError).kind).toBe('reset')
  })
})

describe('abortExecution', () => {
  const ABORT_PATH =
    '/gateway/pipeline/api/pipeline/execute/interrupt/plan-1?accountIdentifier=acc-1&orgIdentifier=default&projectIdentifier=Docs&interruptType=AbortAll'

  it('PUTs AbortAll and reports aborted', async () => {
    answer = () => success({ id: 'int-1', type: 'AbortAll', planExecutionId: 'plan-1' })
    await expect(makeClient().client.abortExecution(SCOPE, 'plan-1')).resolves.toBe('aborted')
    const [seen] = harness.requests
    expect(seen.method).toBe('PUT')
    expect(seen.url).toBe(ABORT_PATH)
    expect(seen.body).toBe('')
    expect(seen.headers['x-api-key']).toBe(API_KEY)
  })

  it('reads "already finished" as an outcome', async () => {
    answer = () =>
      harnessError(400, 'INVALID_REQUEST', 'Execution is already finished with status: [SUCCEEDED]')
    await expect(makeClient().client.abortExecution(SCOPE, 'plan-1')).resolves.toBe(
      'already-finished'
    )
  })

  it('reads ABORT_ALL_ALREADY_NG as an outcome', async () => {
    answer = () =>
      harnessError(400, 'ABORT_ALL_ALREADY_NG', 'Execution already has ABORT_ALL interrupt')
    await expect(makeClient().client.abortExecution(SCOPE, 'plan-1')).resolves.toBe(
      'already-aborting'
    )
  })

  it('fails on anything else', async () => {
    answer = () => harnessError(403, 'NG_ACCESS_DENIED', 'Missing permission core_pipeline_execute')
    const error = (await failureOf(
      makeClient().client.abortExecution(SCOPE, 'plan-1')
    )) as HarnessApiError
    expect(error.message).toBe(
      'Harness answered HTTP 403 NG_ACCESS_DENIED: Missing permission core_pipeline_execute'
    )
    expect(error.code).toBe('NG_ACCESS_DENIED')
  })
})
