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
import { goldenAnswer } from '../emulator/golden/index.js'

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
        'Harness may have taken the trigger, so it was not sent again, and a rerun may deploy twice: ' +
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
          'Harness may have taken the trigger, so it was not sent again, and a rerun may deploy twice: ' +
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
      expect(error.message).toContain('Harness may have taken the trigger')
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
    const quoted = rest.slice(0, rest.indexOf('. Harness may have taken'))
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

const PROCESSING_PATH = '/gateway/pipeline/api/webhook/triggerProcessingDetails'
const V2_PATH = '/gateway/pipeline/api/webhook/triggerExecutionDetailsV2/'
const V1_PATH = '/gateway/pipeline/api/webhook/triggerExecutionDetails/'
const NOT_FOUND: Answer = { status: 404, body: 'Not Found' }

/** The golden answer `name` (emulator/golden/), as the fake Harness sends it. */
function golden(name: string): Answer {
  const { httpStatus, body } = goldenAnswer(name)
  return { status: httpStatus, body }
}

describe('getEventDetails', () => {
  it('reads triggerProcessingDetails first: QUEUED is pending, with the API key', async () => {
    answer = () => golden('processing-details-queued')
    const details = await makeClient().client.getEventDetails('acc-1', 'ev1')
    expect(details).toEqual({
      pending: true,
      status: 'QUEUED',
      message: 'Trigger execution is queued.'
    })
    expect(harness.requests).toHaveLength(1)
    expect(harness.requests[0].url).toBe(`${PROCESSING_PATH}?accountIdentifier=acc-1&eventId=ev1`)
    expect(harness.requests[0].headers['x-api-key']).toBe(API_KEY)
  })

  it('maps the golden status answers of triggerProcessingDetails', async () => {
    const client = makeClient().client
    answer = () => golden('processing-details-started')
    expect(await client.getEventDetails('acc-1', 'ev1')).toEqual({
      pending: false,
      status: 'TARGET_EXECUTION_REQUESTED',
      message: 'Pipeline execution was requested successfully',
      pipelineExecutionId: 'kX3vQ9mZt2Lr8Wn5Pc1J_w'
    })
    answer = () => golden('processing-details-invalid-branch')
    expect(await client.getEventDetails('acc-1', 'ev1')).toEqual({
      pending: false,
      status: 'INVALID_RUNTIME_INPUT_YAML',
      message: 'Please ensure the expression <+trigger.branch> has the right branch information'
    })
  })

  it('maps a processed event with its execution from the V2 route (golden answer)', async () => {
    answer = seen =>
      seen.url.startsWith(PROCESSING_PATH) ? NOT_FOUND : golden('event-details-v2-started')
    const details = await makeClient().client.getEventDetails('acc-1', 'ev1')
    expect(details).toEqual({
      pending: false,
      status: 'TARGET_EXECUTION_REQUESTED',
      message: 'Pipeline execution was requested successfully',
      pipelineExecutionId: 'kX3vQ9mZt2Lr8Wn5Pc1J_w',
      executionUrl: expect.stringContaining('/executions/kX3vQ9mZt2Lr8Wn5Pc1J_w/pipeline'),
      executionStatus: 'Running'
    })
  })

  it('reads the golden V2 QUEUED answer (null executionDetails and executionUrl) as pending', async () => {
    answer = seen =>
      seen.url.startsWith(PROCESSING_PATH) ? NOT_FOUND : golden('event-details-v2-queued')
    await expect(makeClient().client.getEventDetails('acc-1', 'ev1')).resolves.toEqual({
      pending: true,
      status: 'QUEUED',
      message: 'Trigger execution is queued.'
    })
  })

  it('redacts the texts of a status answer', async () => {
    answer = () =>
      success({
        eventFound: true,
        status: 'TARGET_EXECUTION_REQUESTED',
        message: 'Pipeline execution was requested successfully',
        warningMsg: `There are multiple trigger events; token ${TOKEN}`,
        pipelineExecutionId: '_iodHvEhT2y_Mn_DLaR32A'
      })
    const details = await makeClient().client.getEventDetails('acc-1', 'ev1')
    expect(details.warningMsg).toBe('There are multiple trigger events; token ***')
  })

  it.each([
    ['HTTP 404', NOT_FOUND],
    ['HTTP 405', { status: 405, body: 'Method Not Allowed' }]
  ])(
    'falls back to V2, then v1, on %s, and remembers the route that worked',
    async (_, missing) => {
      answer = seen => (seen.url.startsWith(V1_PATH) ? golden('event-details-v1-started') : missing)
      const { client, logs } = makeClient()
      const first = await client.getEventDetails('acc-1', 'ev1')
      const second = await client.getEventDetails('acc-1', 'ev1')
      expect(first).toMatchObject({
        pending: false,
        status: 'TARGET_EXECUTION_REQUESTED',
        pipelineExecutionId: 'kX3vQ9mZt2Lr8Wn5Pc1J_w'
      })
      expect(second).toEqual(first)
      expect(harness.requests.map(seen => seen.url)).toEqual([
        `${PROCESSING_PATH}?accountIdentifier=acc-1&eventId=ev1`,
        `${V2_PATH}ev1?accountIdentifier=acc-1`,
        `${V1_PATH}ev1?accountIdentifier=acc-1`,
        `${V1_PATH}ev1?accountIdentifier=acc-1`
      ])
      expect(logs).toHaveLength(2)
    }
  )

  it('does not fall back on other failures of the status route', async () => {
    answer = () => ({ status: 503, body: '' })
    const client = makeClient().client
    await failureOf(client.getEventDetails('acc-1', 'ev1'))
    answer = () => golden('processing-details-queued')
    await client.getEventDetails('acc-1', 'ev1')
    expect(harness.requests.every(seen => seen.url.startsWith(PROCESSING_PATH))).toBe(true)
  })

  it('reads the golden v1 "history doesn\'t exist" 400 as pending', async () => {
    answer = () => golden('event-details-v1-pending')
    await expect(makeClient().client.getEventDetails('acc-1', 'ev1')).resolves.toEqual({
      pending: true
    })
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
    answer = () => success({ eventFound: false })
    await expect(makeClient().client.getEventDetails('acc-1', 'ev1')).resolves.toEqual({
      pending: true
    })
  })

  it('fails on another HTTP 400, and on a success without the status fields', async () => {
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
    expect(shape.message).toContain('not in the expected shape (no data.status)')

    const v2Client = makeClient().client
    answer = seen => (seen.url.startsWith(PROCESSING_PATH) ? NOT_FOUND : success({ x: 1 }))
    const v2Shape = await failureOf(v2Client.getEventDetails('acc-1', 'ev1'))
    expect(v2Shape.message).toContain('(no data.webhookProcessingDetails)')
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

describe('answer caps: above any real answer, and a too-large answer says so', () => {
  const MiB = 1024 * 1024
  it('reads a golden-shaped V2 details answer of 20 MiB (a big execution summary)', async () => {
    const big = goldenAnswer('event-details-v2-started').body as {
      data: { executionDetails: { pipelineExecutionSummary: Record<string, unknown> } }
    }
    const padded = structuredClone(big)
    padded.data.executionDetails.pipelineExecutionSummary.moduleInfo = {
      cd: { filler: 'x'.repeat(20 * MiB) }
    }
    answer = seen => (seen.url.startsWith(PROCESSING_PATH) ? NOT_FOUND : { body: padded })
    const details = await makeClient().client.getEventDetails('acc-1', 'ev1')
    expect(details.executionStatus).toBe('Running')
  })

  it('stops at 8 MiB on the status route, with a too-large error (not a pending read)', async () => {
    answer = () => success({ eventFound: true, status: 'QUEUED', message: 'x'.repeat(9 * MiB) })
    const error = await failureOf(makeClient().client.getEventDetails('acc-1', 'ev1'))
    expect((error as NetworkError).kind).toBe('too-large')
    expect(error.message).toContain('larger than 8 MiB')
  })

  it('reads an execution answer of 30 MiB and refuses one over 32 MiB', async () => {
    const summary = goldenAnswer('execution-success').body as {
      data: { pipelineExecutionSummary: Record<string, unknown> }
    }
    const padded = structuredClone(summary)
    padded.data.pipelineExecutionSummary.moduleInfo = { cd: { filler: 'x'.repeat(30 * MiB) } }
    answer = () => ({ body: padded })
    const client = makeClient().client
    expect((await client.getExecution(SCOPE, 'kX3vQ9mZt2Lr8Wn5Pc1J_w')).status).toBe('Success')
    padded.data.pipelineExecutionSummary.moduleInfo = { cd: { filler: 'x'.repeat(33 * MiB) } }
    const error = await failureOf(client.getExecution(SCOPE, 'kX3vQ9mZt2Lr8Wn5Pc1J_w'))
    expect(error.message).toContain('larger than 32 MiB')
  })
})

describe('getEventHistory', () => {
  it("keeps Harness's order (newest first) and reads the golden records", async () => {
    answer = () => golden('event-history-stuck')
    const records = await makeClient().client.getEventHistory('acc-1', 'ev1')
    expect(records).toEqual([
      {
        finalStatus: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
        message: 'No trigger matched the payload conditions'
      },
      { finalStatus: 'QUEUED', message: 'Trigger execution is queued.' }
    ])
    expect(harness.requests[0].url).toBe(
      '/gateway/pipeline/api/triggers/eventHistory/v2/eventCorrelation/ev1?accountIdentifier=acc-1&page=0&size=10'
    )
    answer = () => golden('event-history-started')
    expect(await makeClient().client.getEventHistory('acc-1', 'ev1')).toEqual([
      {
        finalStatus: 'TARGET_EXECUTION_REQUESTED',
        message: 'Pipeline execution was requested successfully',
        planExecutionId: 'kX3vQ9mZt2Lr8Wn5Pc1J_w'
      }
    ])
  })

  it('does not reorder the records, whatever fields they carry', async () => {
    answer = () =>
      success({
        content: [
          { finalStatus: 'TARGET_EXECUTION_REQUESTED', createdAt: 1000 },
          { finalStatus: 'QUEUED', createdAt: 3000 }
        ]
      })
    const records = await makeClient().client.getEventHistory('acc-1', 'ev1')
    expect(records.map(record => record.finalStatus)).toEqual([
      'TARGET_EXECUTION_REQUESTED',
      'QUEUED'
    ])
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

describe('golden answers of the webhook, execution and abort routes', () => {
  it('reads the v3, v2 and v1 success answers', async () => {
    const client = makeClient().client
    answer = () => golden('webhook-v3-success')
    expect(await client.fireWebhook(`${harness.origin}/gateway/x`, '{}')).toMatchObject({
      eventCorrelationId: '6570a3c2e4b0f1a2b3c4d5e6',
      apiUrl: expect.stringContaining('/triggerExecutionDetailsV2/6570a3c2e4b0f1a2b3c4d5e6')
    })
    answer = () => golden('webhook-v2-success')
    expect((await client.fireWebhook(`${harness.origin}/gateway/x`, '{}')).uiUrl).toContain(
      'legacy_pipeline'
    )
    answer = () => golden('webhook-v1-success')
    expect(await client.fireWebhook(`${harness.origin}/gateway/x`, '{}')).toEqual({
      eventCorrelationId: '6570a3c2e4b0f1a2b3c4d5e6',
      apiUrl: '',
      uiUrl: '',
      uiSetupUrl: ''
    })
  })

  it('knows the v2 URL retirement for new triggers, and no other 400', async () => {
    const client = makeClient().client
    answer = () => golden('webhook-v2-retired')
    const retired = (await failureOf(
      client.fireWebhook(`${harness.origin}/gateway/x`, '{}')
    )) as HarnessApiError
    expect(retired.httpStatus).toBe(400)
    expect(retired.known).toEqual({ kind: 'webhook-url-retired' })
    expect(retired.message).toContain(
      'no longer supported for newly created custom webhook triggers'
    )
    answer = () => golden('webhook-mandate-authorization')
    const mandated = (await failureOf(
      client.fireWebhook(`${harness.origin}/gateway/x`, '{}')
    )) as HarnessApiError
    expect(mandated.known).toBeUndefined()
    expect(mandated.message).toContain('Please add X-Api-Key header')
  })

  it.each([
    ['webhook-invalid-token', 401, 'INVALID_TOKEN'],
    ['webhook-access-denied', 403, 'NG_ACCESS_DENIED']
  ])('fails on %s with Harness code and message', async (name, status, code) => {
    answer = () => golden(name)
    const error = (await failureOf(
      makeClient().client.fireWebhook(`${harness.origin}/gateway/x`, '{}')
    )) as HarnessApiError
    expect(error.httpStatus).toBe(status)
    expect(error.code).toBe(code)
  })

  it('reads the golden executions: stages without the parallel wrapper, endTs only once ended', async () => {
    const client = makeClient().client
    answer = () => golden('execution-running')
    const running = await client.getExecution(SCOPE, 'kX3vQ9mZt2Lr8Wn5Pc1J_w')
    expect(running.status).toBe('Running')
    expect(running.endTs).toBeUndefined()
    expect(running.failureMessage).toBeUndefined()
    expect(running.stages.map(stage => `${stage.name}:${stage.status}`).sort()).toEqual([
      'Build:Success',
      'Deploy_EU:Running',
      'Deploy_US:Running',
      'Verify:NotStarted'
    ])
    answer = () => golden('execution-failed')
    const failed = await client.getExecution(SCOPE, 'kX3vQ9mZt2Lr8Wn5Pc1J_w')
    expect(failed).toMatchObject({
      status: 'Failed',
      failureMessage: 'Shell Script step "rollout" failed: exit status 1',
      endTs: expect.any(Number)
    })
    expect(failed.stages).toHaveLength(4)
    answer = () => golden('execution-remote-success')
    expect((await client.getExecution(SCOPE, 'kX3vQ9mZt2Lr8Wn5Pc1J_w')).stages).toHaveLength(1)
  })

  it('tells a wrapper from a stage by its shape, not its name', async () => {
    const wrapper = {
      nodeType: 'parallel',
      nodeGroup: 'STAGE',
      name: 'Looks like a stage',
      nodeUuid: 'p1',
      status: 'Running',
      edgeLayoutList: { currentNodeChildren: ['s1'], nextIds: [] }
    }
    const untyped = { ...wrapper, nodeType: undefined, nodeUuid: 'p2' }
    const stage = {
      nodeType: 'Deployment',
      nodeGroup: 'STAGE',
      name: 'parallel',
      nodeUuid: 's1',
      status: 'Running'
    }
    answer = () =>
      success({
        pipelineExecutionSummary: {
          status: 'Running',
          layoutNodeMap: { p1: wrapper, p2: untyped, s1: stage }
        }
      })
    const summary = await makeClient().client.getExecution(SCOPE, 'x')
    expect(summary.stages.map(found => found.nodeUuid)).toEqual(['s1'])
  })

  it('reads the golden abort answers', async () => {
    const client = makeClient().client
    answer = () => golden('abort-success')
    expect(await client.abortExecution(SCOPE, 'plan-1')).toBe('aborted')
    answer = () => golden('abort-already-finished')
    expect(await client.abortExecution(SCOPE, 'plan-1')).toBe('already-finished')
    answer = () => golden('abort-already-aborting')
    expect(await client.abortExecution(SCOPE, 'plan-1')).toBe('already-aborting')
  })

  it('names the permission a 403 on abort asks for', async () => {
    answer = () => golden('abort-permission-denied')
    const denied = (await failureOf(
      makeClient().client.abortExecution(SCOPE, 'plan-1')
    )) as HarnessApiError
    expect(denied.known).toEqual({ kind: 'abort-denied', permission: 'core_pipeline_abort' })
    answer = () => harnessError(403, 'NG_ACCESS_DENIED', 'Missing permission core_pipeline_execute')
    const plain = (await failureOf(
      makeClient().client.abortExecution(SCOPE, 'plan-1')
    )) as HarnessApiError
    expect(plain.known).toEqual({ kind: 'abort-denied', permission: 'core_pipeline_execute' })
  })
})
