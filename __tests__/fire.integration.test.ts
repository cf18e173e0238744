/**
 * The fire path, end to end: `node dist/index.js` run as the runner runs it, against the Harness
 * emulator over real HTTP. Assertions are on what the emulator recorded and on the step's files.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ACCOUNT_ID,
  API_KEY,
  IDS,
  VIEW_ONLY_API_KEY,
  WEBHOOK_TOKEN,
  harnessErrorBody,
  identifierInputs,
  runAction,
  startEmulator,
  type ActionResult,
  type Emulator
} from './helpers/index.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

function errorsOf(result: ActionResult): string[] {
  return result.commands.filter(command => command.name === 'error').map(c => c.message)
}

function v3Url(query: Record<string, string>): string {
  const url = new URL(`${emulator.url}/gateway/pipeline/api/webhook/custom/${WEBHOOK_TOKEN}/v3`)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  return url.toString()
}

describe('firing the trigger', () => {
  it('fires the v3 trigger from identifiers once and writes the four outputs', async () => {
    const result = await runAction({
      emulator,
      inputs: { ...identifierInputs(emulator), image: 'ghcr.io/acme/api:1.4.2' }
    })
    expect(errorsOf(result)).toEqual([])
    expect(result.exitCode).toBe(0)

    const posts = emulator.requestsTo('webhook')
    expect(posts).toHaveLength(1)
    const [post] = posts
    expect(post.path).toBe(`/gateway/pipeline/api/webhook/custom/${WEBHOOK_TOKEN}/v3`)
    expect(post.query).toEqual({
      accountIdentifier: ACCOUNT_ID,
      orgIdentifier: IDS.orgId,
      projectIdentifier: IDS.projectId,
      pipelineIdentifier: IDS.pipelineId,
      triggerIdentifier: IDS.triggerId
    })
    expect(post.headers['x-api-key']).toBe(API_KEY)
    expect(post.headers['content-type']).toMatch(/^application\/json/)
    const body = JSON.parse(post.body)
    expect(body).toMatchObject({ image: 'ghcr.io/acme/api', tag: '1.4.2' })
    expect(body.github).toMatchObject({ repository: expect.any(String), sha: expect.any(String) })

    const [event] = emulator.events
    expect(result.outputs.eventCorrelationId).toBe(event.id)
    expect(result.outputs.apiUrl).toContain(`/triggerExecutionDetailsV2/${event.id}`)
    expect(result.outputs.uiUrl).toContain(`/account/${ACCOUNT_ID}/`)
    expect(result.outputs.uiSetupUrl).toContain('pipeline-studio')
    expect(result.summary).toContain(IDS.pipelineId)
    expect(result.summary).toContain('ghcr.io/acme/api')
  })

  it('fires a copied v3 webhook URL as given, naming the pipeline in the log', async () => {
    const webhookUrl = v3Url({
      accountIdentifier: ACCOUNT_ID,
      orgIdentifier: IDS.orgId,
      projectIdentifier: IDS.projectId,
      pipelineIdentifier: IDS.pipelineId,
      triggerIdentifier: IDS.triggerId
    })
    const result = await runAction({
      emulator,
      inputs: { 'webhook-url': webhookUrl, 'api-key': API_KEY, tag: 'v9' }
    })
    expect(result.exitCode).toBe(0)
    expect(emulator.requestsTo('webhook')).toHaveLength(1)
    expect(result.stdout).toContain(IDS.pipelineId)
    expect(JSON.parse(emulator.requestsTo('webhook')[0].body).tag).toBe('v9')
  })

  it('fires the old v2 trigger without a key and defaults the tag to the commit SHA', async () => {
    const result = await runAction({
      emulator,
      inputs: {
        'account-id': ACCOUNT_ID,
        'project-id': IDS.projectId,
        'pipeline-id': IDS.legacyPipelineId,
        'trigger-id': IDS.legacyTriggerId
      },
      env: { GITHUB_SHA: 'c0ffee'.padEnd(40, '0') }
    })
    expect(errorsOf(result)).toEqual([])
    const [post] = emulator.requestsTo('webhook')
    expect(post.path).toBe('/gateway/pipeline/api/webhook/custom/v2')
    expect(post.headers['x-api-key']).toBeUndefined()
    expect(post.query.orgIdentifier).toBe('default')
    const body = JSON.parse(post.body)
    expect(body.tag).toBe('c0ffee'.padEnd(40, '0'))
    expect(body).not.toHaveProperty('image')
    expect(result.commands.some(c => c.name === 'notice' && /No image/.test(c.message))).toBe(true)
  })

  it('takes image, tag and digest from a build job’s outputs', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`
    const result = await runAction({
      emulator,
      inputs: {
        ...identifierInputs(emulator),
        'build-outputs': JSON.stringify({ image: 'ghcr.io/acme/web', tag: '2.0.1', digest })
      }
    })
    expect(result.exitCode).toBe(0)
    const body = JSON.parse(emulator.requestsTo('webhook')[0].body)
    expect(body).toMatchObject({ image: 'ghcr.io/acme/web', tag: '2.0.1', digest })
  })

  it('writes no job summary with summary: false', async () => {
    const result = await runAction({
      emulator,
      inputs: { ...identifierInputs(emulator), summary: 'false' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.summary).toBe('')
  })
})

describe('bad input fails the step before any request', () => {
  const firstGen = () =>
    `${emulator.url}/gateway/api/webhooks/${WEBHOOK_TOKEN}?accountId=${ACCOUNT_ID}`
  const cases: Array<[string, () => Record<string, string>, string]> = [
    [
      'a missing account',
      () => ({ ...identifierInputs(emulator), 'account-id': '' }),
      'account-id'
    ],
    [
      'a pipeline id with a dash',
      () => ({ ...identifierInputs(emulator), 'pipeline-id': 'deploy-api' }),
      'pipeline-id'
    ],
    [
      'an org id starting with a digit',
      () => ({ ...identifierInputs(emulator), 'org-id': '1org' }),
      'org-id'
    ],
    [
      'a webhook token with a slash',
      () => ({ ...identifierInputs(emulator), 'webhook-token': 'ab/cd' }),
      'webhook-token'
    ],
    ['a FirstGen webhook URL', () => ({ 'webhook-url': firstGen() }), 'webhook-url'],
    [
      'a copied URL without trigger',
      () => ({
        'webhook-url': v3Url({
          accountIdentifier: ACCOUNT_ID,
          orgIdentifier: IDS.orgId,
          projectIdentifier: IDS.projectId,
          pipelineIdentifier: IDS.pipelineId
        })
      }),
      'trigger-id'
    ],
    [
      'plain HTTP to a public host',
      () => ({ ...identifierInputs(emulator), 'harness-url': 'http://app.harness.io' }),
      'harness-url'
    ],
    [
      'wait without a key',
      () => ({ ...identifierInputs(emulator), 'api-key': '', wait: 'true' }),
      'api-key'
    ],
    [
      'a key that is not a Harness token',
      () => ({ ...identifierInputs(emulator), 'api-key': 'not-a-key' }),
      'api-key'
    ],
    ['a boolean that is not one', () => ({ ...identifierInputs(emulator), wait: 'yes' }), 'wait'],
    [
      'a timeout without a unit we know',
      () => ({ ...identifierInputs(emulator), wait: 'true', timeout: '10 parsecs' }),
      'timeout'
    ],
    [
      'a poll interval of zero',
      () => ({ ...identifierInputs(emulator), wait: 'true', 'poll-interval': '0s' }),
      'poll-interval'
    ],
    [
      'a payload that is not JSON',
      () => ({ ...identifierInputs(emulator), payload: '{env: prod}' }),
      'payload'
    ],
    [
      'a payload that is an array',
      () => ({ ...identifierInputs(emulator), payload: '[1]' }),
      'payload'
    ],
    [
      'build outputs that are not JSON',
      () => ({ ...identifierInputs(emulator), 'build-outputs': 'image=x' }),
      'build-outputs'
    ],
    [
      'an image input that contradicts the payload',
      () => ({ ...identifierInputs(emulator), image: 'nginx', payload: '{"image":"httpd"}' }),
      'image'
    ]
  ]

  it.each(cases)('%s', async (_name, inputs, input) => {
    const result = await runAction({ emulator, inputs: inputs() })
    expect(result.exitCode).toBe(1)
    const errors = errorsOf(result)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`'${input}'`)
    expect(emulator.requests).toHaveLength(0)
    expect(result.outputs).toEqual({})
  })
})

describe('Harness says no', () => {
  it('401 INVALID_TOKEN: fails with Harness’s code and message', async () => {
    const wrongKey = `pat.${ACCOUNT_ID}.ffffffffffffffffffffffff.WrongSecretWrongSecr`
    const result = await runAction({
      emulator,
      inputs: { ...identifierInputs(emulator), 'api-key': wrongKey }
    })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)[0]).toMatch(/HTTP 401 INVALID_TOKEN: .*Invalid token/)
    expect(errorsOf(result)[0]).not.toContain('WrongSecret')
    expect(emulator.requestsTo('webhook')).toHaveLength(1)
  })

  it('400 when the account mandates authorization and no key was given', async () => {
    emulator.world.mandateAuthorization = true
    const result = await runAction({
      emulator,
      inputs: { ...identifierInputs(emulator), 'api-key': '' }
    })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)[0]).toMatch(/HTTP 400 INVALID_REQUEST: .*Authorization is mandatory/)
  })

  it('403 when the key may not execute the pipeline', async () => {
    const result = await runAction({
      emulator,
      inputs: { ...identifierInputs(emulator), 'api-key': VIEW_ONLY_API_KEY }
    })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)[0]).toMatch(/HTTP 403/)
  })

  it('an unknown token echoed by Harness is masked in the error', async () => {
    const unknown = 'ZZZZunknownTokenZZZZ12'
    const result = await runAction({
      emulator,
      inputs: { ...identifierInputs(emulator), 'webhook-token': unknown }
    })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)[0]).toMatch(
      /No custom trigger found for the used custom webhook token: \*\*\*/
    )
  })

  it('500: exactly one POST, and the message says it was not sent again', async () => {
    emulator.fault('webhook', [{ status: 500, body: harnessErrorBody('UNKNOWN_ERROR', 'boom') }])
    const result = await runAction({ emulator, inputs: identifierInputs(emulator) })
    expect(result.exitCode).toBe(1)
    expect(emulator.requestsTo('webhook')).toHaveLength(1)
    expect(errorsOf(result)[0]).toMatch(/HTTP 500.*not sent again/)
  })

  it('429 then success: retried once, fired once', async () => {
    emulator.fault('webhook', [{ status: 429, body: 'Too Many Requests' }])
    const result = await runAction({ emulator, inputs: identifierInputs(emulator) })
    expect(errorsOf(result)).toEqual([])
    expect(emulator.requestsTo('webhook')).toHaveLength(2)
    expect(emulator.events).toHaveLength(1)
    expect(result.outputs.eventCorrelationId).toBe(emulator.events[0].id)
  })

  it('HTTP 200 with "status":"ERROR" is a failure', async () => {
    emulator.fault('webhook', [
      {
        status: 200,
        body: { ...harnessErrorBody('INVALID_REQUEST', 'Webhook event could not be received') }
      }
    ])
    const result = await runAction({ emulator, inputs: identifierInputs(emulator) })
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)[0]).toMatch(/Webhook event could not be received/)
    expect(result.outputs).toEqual({})
  })

  it('a body that is not JSON: a clear message with the status and an excerpt', async () => {
    emulator.fault('webhook', [{ status: 502, body: '<html>Bad Gateway</html>' }])
    const result = await runAction({ emulator, inputs: identifierInputs(emulator) })
    expect(result.exitCode).toBe(1)
    const [error] = errorsOf(result)
    expect(error).toMatch(/HTTP 502.*not JSON.*Bad Gateway/)
    expect(error).not.toMatch(/SyntaxError|at JSON\.parse/)
    expect(emulator.requestsTo('webhook')).toHaveLength(1)
  })
})
