/**
 * Redaction, as properties: no generated secret survives, in any form Harness could echo it, in
 * any error text, log line, output or summary. Three levels: the Redactor itself; the whole main
 * phase in process, against a Harness that echoes the secrets everywhere it can (hundreds of
 * runs); and a handful of runs of `dist/index.js` against the emulator.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { Redactor } from '../src/core/redactor.js'
import { run as runMain } from '../src/action/main.js'
import type { ActionsCore, Runtime } from '../src/action/runtime.js'
import { NetworkError, type HttpRequest, type HttpResponse } from '../src/harness/http/request.js'
import {
  ACCOUNT_ID,
  IDS,
  defaultWorld,
  harnessErrorBody,
  identifierInputs,
  runAction,
  startEmulator,
  type ActionResult,
  type Emulator
} from './helpers/index.js'

// ── secrets, and the forms an echo may take ───────────────────────────────────────────────────

const hex24 = fc.stringMatching(/^[0-9a-f]{24}$/)
/** `pat.<account>.<token id>.<secret>`, `sat.` alike: the shape settings.ts accepts. */
const apiKeyFor = (account: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom('pat', 'sat'), account, hex24, fc.stringMatching(/^[A-Za-z0-9]{20}$/))
    .map(parts => parts.join('.'))
const apiKey = apiKeyFor(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/))
/** Webhook tokens and the like. */
const token = fc.stringMatching(/^[A-Za-z0-9_-]{10,40}$/)

/** Every way a secret can be written into text that the Redactor promises to catch. */
function formsOf(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])]
}

/** How an echo carries the secret: as is, in a URL path or query, inside a JSON string. */
const echoWays: Array<(secret: string) => string> = [
  secret => secret,
  secret => encodeURIComponent(secret),
  secret => JSON.stringify(secret).slice(1, -1),
  secret => `/webhook/custom/${encodeURIComponent(secret)}/v3?x=1`,
  secret => new URLSearchParams({ token: secret }).toString(),
  secret => JSON.stringify({ message: `bad token ${secret}` })
]

/** Arbitrary text around the secret, including characters that escaping cares about. */
const noise = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('"', '\\', '%', '/', '?', '&', '=', '\n', '\t', '*', '')
)

/** Text that carries some of the secrets, each in some echo form, among noise. */
function textCarrying(secrets: string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    noise,
    fc
      .tuple(fc.constantFrom(...secrets), fc.integer({ min: 0, max: echoWays.length - 1 }))
      .map(([secret, way]) => echoWays[way](secret))
  )
  return fc.array(piece, { minLength: 1, maxLength: 8 }).map(pieces => pieces.join(''))
}

/** The places of `texts` where some form of some secret shows, for a readable failure. */
function leaks(texts: string[], secrets: string[]): string[] {
  const found: string[] = []
  for (const secret of secrets) {
    for (const form of formsOf(secret)) {
      for (const text of texts) {
        if (text.includes(form)) found.push(`${JSON.stringify(form)} in ${JSON.stringify(text)}`)
      }
    }
  }
  return found
}

describe('Redactor', () => {
  it('leaves no form of any registered secret in any text', () => {
    const secretsAndText = fc
      .array(fc.oneof(apiKey, token), { minLength: 1, maxLength: 3 })
      .chain(secrets => fc.tuple(fc.constant(secrets), textCarrying(secrets)))
    fc.assert(
      fc.property(secretsAndText, ([secrets, text]) => {
        const redactor = new Redactor()
        secrets.forEach(secret => redactor.add(secret))
        expect(leaks([redactor.redact(text)], secrets)).toEqual([])
      }),
      { numRuns: 500 }
    )
  })

  it('masks each new form once, and text without secrets comes back unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(apiKey, token), noise, (secret, text) => {
        const masked: string[] = []
        const redactor = new Redactor(form => masked.push(form))
        redactor.add(secret)
        redactor.add(` ${secret}\n`)
        expect(masked).toEqual(expect.arrayContaining(formsOf(secret)))
        expect(new Set(masked).size).toBe(masked.length)
        fc.pre(!formsOf(secret).some(form => text.includes(form)))
        expect(redactor.redact(text)).toBe(text)
      })
    )
  })

  it('catches every form of secrets made of any printable characters', () => {
    const printable = fc.string({ unit: 'grapheme-ascii', minLength: 6, maxLength: 40 })
    fc.assert(
      fc.property(
        printable.filter(secret => secret.trim() === secret),
        noise,
        noise,
        fc.integer({ min: 0, max: 2 }),
        (secret, before, after, way) => {
          const redactor = new Redactor()
          redactor.add(secret)
          const text = `${before}${echoWays[way](secret)}${after}`
          expect(leaks([redactor.redact(text)], [secret])).toEqual([])
        }
      )
    )
  })
})

// ── the main phase, in process, against a Harness that echoes secrets everywhere ───────────────

interface Captured {
  /** every text the action handed to the runner (logs, errors, outputs, state, summary) */
  texts: string[]
  /** what went to setSecret */
  masked: string[]
}

function capturingCore(inputs: Record<string, string>): { core: ActionsCore; seen: Captured } {
  const seen: Captured = { texts: [], masked: [] }
  const say = (kind: string) => (text: string) => seen.texts.push(`${kind}: ${text}`)
  const core: ActionsCore = {
    getInput: name => inputs[name] ?? '',
    setSecret: secret => seen.masked.push(secret),
    setOutput: (name, value) => seen.texts.push(`output ${name}: ${value}`),
    setFailed: say('error'),
    // State is not scanned: the runner never shows it, and post needs the id as Harness gave it.
    saveState: () => undefined,
    getState: () => '',
    info: say('info'),
    notice: say('notice'),
    warning: say('warning'),
    debug: say('debug'),
    summary: {
      addRaw: text => ({
        write: async () => {
          seen.texts.push(`summary: ${text}`)
        }
      })
    }
  }
  return { core, seen }
}

type Answer = { status: number; body: string } | { networkError: string }

interface HarnessScript {
  webhook: Answer
  details: Answer
  execution: Answer
  /** only asked when the run is cancelled */
  abort?: Answer
  /** cancel the run (as SIGINT would) when the execution is first read */
  cancel?: boolean
}

const envelope = (data: unknown) => JSON.stringify({ status: 'SUCCESS', data, correlationId: 'c' })

/** Harness answers in which every free-text field carries secrets. */
function echoingHarness(secrets: string[]): fc.Arbitrary<HarnessScript> {
  const echo = textCarrying(secrets)
  const failure: fc.Arbitrary<Answer> = fc.oneof(
    fc
      .tuple(fc.constantFrom(400, 401, 403, 404, 429, 500, 502), echo, echo)
      .map(([status, code, message]) => ({
        status,
        body: JSON.stringify({ status: 'ERROR', code, message, correlationId: 'c' })
      })),
    fc
      .tuple(fc.constantFrom(200, 403, 502, 503), echo)
      .map(([status, text]) => ({ status, body: `<html><body>${text}</body></html>` })),
    fc.tuple(echo).map(([text]) => ({ status: 200, body: envelope({ unexpected: text }) })),
    echo.map(text => ({ networkError: text }))
  )
  const accepted = fc.tuple(echo, echo, echo).map(([apiUrl, uiUrl, uiSetupUrl]) => ({
    status: 200,
    body: envelope({ eventCorrelationId: 'evt123', apiUrl, uiUrl, uiSetupUrl })
  }))
  const details = fc
    .tuple(
      fc.constantFrom('TARGET_EXECUTION_REQUESTED', 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS'),
      echo,
      echo
    )
    .map(([status, message, executionUrl]) => ({
      status: 200,
      body: envelope({
        webhookProcessingDetails: {
          eventFound: true,
          status,
          message,
          pipelineExecutionId: 'exec1'
        },
        executionUrl
      })
    }))
  const execution = fc
    .tuple(fc.constantFrom('Success', 'Failed', 'Aborted', 'Errored'), echo, echo, echo)
    .map(([status, failure, stageFailure, executionUrl]) => ({
      status: 200,
      body: envelope({
        pipelineExecutionSummary: {
          status,
          planExecutionId: 'exec1',
          startTs: 1000,
          endTs: 5000,
          failureInfo: { message: failure },
          executionUrl,
          layoutNodeMap: {
            s1: {
              nodeGroup: 'STAGE',
              name: 'Deploy',
              status,
              failureInfo: { message: stageFailure }
            }
          }
        }
      })
    }))
  return fc.record({
    webhook: fc.oneof(accepted, failure),
    details: fc.oneof(details, failure),
    execution: fc.oneof(execution, failure),
    abort: failure,
    cancel: fc.boolean()
  })
}

/** A fake `send` that plays the script once per route, then answers as a healthy Harness would. */
function scriptedSend(script: HarnessScript, cancel: () => void) {
  const played = new Set<string>()
  const healthy: Record<string, Answer> = {
    details: {
      status: 200,
      body: envelope({
        webhookProcessingDetails: {
          status: 'TARGET_EXECUTION_REQUESTED',
          pipelineExecutionId: 'exec1'
        }
      })
    },
    execution: {
      status: 200,
      body: envelope({ pipelineExecutionSummary: { status: 'Success', planExecutionId: 'exec1' } })
    },
    abort: { status: 200, body: envelope(true) },
    other: { status: 404, body: '' }
  }
  const scripted: Record<string, Answer | undefined> = {
    webhook: script.webhook,
    details: script.details,
    execution: script.execution,
    abort: script.abort
  }
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const route = routeOf(request.url)
    if (route === 'execution' && script.cancel) cancel()
    const answer = (played.has(route) ? undefined : scripted[route]) ?? healthy[route]
    played.add(route)
    if ('networkError' in answer) throw new NetworkError(answer.networkError, 'reset', true)
    return { status: answer.status, headers: {}, body: answer.body }
  }
}

function routeOf(url: string): string {
  if (url.includes('/webhook/custom/')) return 'webhook'
  if (url.includes('/triggerExecutionDetails')) return 'details'
  if (url.includes('/pipelines/execution/')) return 'execution'
  if (url.includes('/execute/interrupt/')) return 'abort'
  return 'other'
}

/** One main phase on a virtual clock: sleeps pass at once. */
async function runMainWith(inputs: Record<string, string>, script: HarnessScript) {
  const { core, seen } = capturingCore(inputs)
  let clock = 1_700_000_000_000
  const cancellation = new AbortController()
  const runtime: Runtime = {
    core,
    env: { GITHUB_SHA: 'f'.repeat(40), GITHUB_REPOSITORY: 'acme/api' },
    readEventPayload: () => undefined,
    cancelSignal: cancellation.signal,
    now: () => clock,
    sleep: async ms => {
      clock += ms
    },
    random: () => 0.5,
    send: scriptedSend(script, () => cancellation.abort())
  }
  await runMain(runtime)
  return seen
}

describe('the main phase against a Harness that echoes the secrets', () => {
  const webhookToken = token
  const key = apiKeyFor(fc.constant(ACCOUNT_ID))

  it('no form of the key or the token reaches a log line, an error, an output or the summary', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(webhookToken, key).chain(([secretToken, secretKey]) =>
          fc.record({
            secretToken: fc.constant(secretToken),
            secretKey: fc.constant(secretKey),
            wait: fc.boolean(),
            script: echoingHarness([secretToken, secretKey])
          })
        ),
        async ({ secretToken, secretKey, wait, script }) => {
          const seen = await runMainWith(
            {
              'harness-url': 'https://app.harness.io',
              'account-id': ACCOUNT_ID,
              'project-id': IDS.projectId,
              'pipeline-id': IDS.pipelineId,
              'trigger-id': IDS.triggerId,
              'webhook-token': secretToken,
              'api-key': secretKey,
              wait: String(wait),
              timeout: '5m'
            },
            script
          )
          expect(seen.masked).toEqual(expect.arrayContaining([secretToken, secretKey]))
          expect(leaks(seen.texts, [secretToken, secretKey])).toEqual([])
        }
      ),
      { numRuns: 1000 }
    )
  })
})

describe('the main phase against a Harness that echoes the secrets in its ids', () => {
  // State is left out: the runner never shows it, and the post phase needs the id as Harness gave it.
  it('no form of the token shows, even when Harness puts it in an id', async () => {
    await fc.assert(
      fc.asyncProperty(
        token,
        apiKeyFor(fc.constant(ACCOUNT_ID)),
        async (secretToken, secretKey) => {
          const seen = await runMainWith(
            {
              'harness-url': 'https://app.harness.io',
              'account-id': ACCOUNT_ID,
              'project-id': IDS.projectId,
              'pipeline-id': IDS.pipelineId,
              'trigger-id': IDS.triggerId,
              'webhook-token': secretToken,
              'api-key': secretKey,
              wait: 'true'
            },
            {
              webhook: {
                status: 200,
                body: envelope({ eventCorrelationId: `evt-${secretToken}`, apiUrl: '', uiUrl: '' })
              },
              details: {
                status: 200,
                body: envelope({
                  webhookProcessingDetails: {
                    status: 'TARGET_EXECUTION_REQUESTED',
                    pipelineExecutionId: `exec-${secretToken}`
                  }
                })
              },
              execution: {
                status: 200,
                body: envelope({ pipelineExecutionSummary: { status: 'Success' } })
              }
            }
          )
          expect(leaks(seen.texts, [secretToken, secretKey])).toEqual([])
        }
      ),
      { numRuns: 5 }
    )
  })
})

// ── dist/index.js against the emulator, a few times ─────────────────────────────────────────────

/** Every place a run leaves text, `::add-mask::` lines aside (masking is their job). */
function placesOf(result: ActionResult): string[] {
  const stdout = result.stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  return [stdout, result.stderr, result.summary, ...Object.values(result.outputs)]
}

function expectNoForms(result: ActionResult, secrets: string[]): void {
  expect(leaks(placesOf(result), secrets)).toEqual([])
  for (const secret of secrets) expect(result.stdout).toContain(`::add-mask::${secret}`)
}

/** `emulator` with one v3 trigger whose token is `secretToken`, and `secretKey` as the only key. */
function worldWith(emulator: Emulator, secretToken: string, secretKey: string): void {
  const world = defaultWorld()
  const [v3] = world.triggers ?? []
  emulator.reset({
    ...world,
    triggers: [{ ...v3, webhookToken: secretToken }],
    apiKeys: [secretKey]
  })
}

/** A Harness error that quotes the secrets the ways servers do. */
function echoingBody(secrets: string[]): ReturnType<typeof harnessErrorBody> {
  const quoted = secrets
    .map(secret => `${secret} /custom/${encodeURIComponent(secret)}/v3 ${JSON.stringify(secret)}`)
    .join('; ')
  return harnessErrorBody('UNKNOWN_ERROR', `Internal error while handling ${quoted}`)
}

describe('dist/index.js against an emulator that echoes the secrets', () => {
  const key = apiKeyFor(fc.constant(ACCOUNT_ID))
  const runs = { numRuns: 2 }

  it('an unknown webhook token, quoted back by Harness, shows only as ***', async () => {
    const emulator = await startEmulator()
    try {
      await fc.assert(
        fc.asyncProperty(token, async secretToken => {
          emulator.reset()
          const result = await runAction({
            emulator,
            inputs: { ...identifierInputs(emulator), 'webhook-token': secretToken }
          })
          expect(result.exitCode).toBe(1)
          expect(result.commands.find(c => c.name === 'error')?.message).toMatch(
            /No custom trigger found for the used custom webhook token: \*\*\*/
          )
          expectNoForms(result, [secretToken])
        }),
        runs
      )
    } finally {
      await emulator.close()
    }
  })

  it('a 500 on the trigger that quotes the token and the key shows only ***', async () => {
    const emulator = await startEmulator()
    try {
      await fc.assert(
        fc.asyncProperty(token, key, async (secretToken, secretKey) => {
          worldWith(emulator, secretToken, secretKey)
          emulator.fault('webhook', [{ status: 500, body: echoingBody([secretToken, secretKey]) }])
          const result = await runAction({
            emulator,
            inputs: {
              ...identifierInputs(emulator),
              'webhook-token': secretToken,
              'api-key': secretKey
            }
          })
          expect(result.exitCode).toBe(1)
          expect(result.commands.find(c => c.name === 'error')?.message).toMatch(
            /HTTP 500 UNKNOWN_ERROR: Internal error while handling \*\*\* /
          )
          expectNoForms(result, [secretToken, secretKey])
        }),
        runs
      )
    } finally {
      await emulator.close()
    }
  })

  it('reads that fail with bodies quoting the secrets: the wait passes, the warnings show ***', async () => {
    const emulator = await startEmulator()
    try {
      await fc.assert(
        fc.asyncProperty(token, key, async (secretToken, secretKey) => {
          worldWith(emulator, secretToken, secretKey)
          emulator.fault('processingDetails', [
            { status: 500, body: echoingBody([secretToken, secretKey]) }
          ])
          emulator.fault('execution', [
            { status: 502, body: `<html>proxy error for ${secretToken} with ${secretKey}</html>` }
          ])
          const result = await runAction({
            emulator,
            inputs: {
              ...identifierInputs(emulator),
              'webhook-token': secretToken,
              'api-key': secretKey,
              wait: 'true',
              'poll-interval': '100ms'
            }
          })
          expect(result.exitCode).toBe(0)
          const warnings = result.commands.filter(c => c.name === 'warning').map(c => c.message)
          expect(warnings).toHaveLength(2)
          warnings.forEach(warning => expect(warning).toContain('***'))
          expectNoForms(result, [secretToken, secretKey])
        }),
        runs
      )
    } finally {
      await emulator.close()
    }
  })
})
