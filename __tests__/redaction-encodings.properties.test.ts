/**
 * Redaction over the encodings the runner's masker registers for every secret (actions/runner
 * ValueEncoders: base64 of the secret and of it from its 2nd and 3rd byte on, URI data escape,
 * JSON string escape, XML escape, expression escape, the value inside double quotes), plus the
 * form encoding (`+` for spaces) web services write. The runner masks only its own log; outputs,
 * state, the job summary and PR comments get the action's redactor alone. Checked on the
 * Redactor, then across everything the main and post phases hand to the runner or to GitHub.
 *
 * A leak is judged without the redactor's own list of forms: the text is decoded every way an
 * encoding can be undone (base64 at every alignment, percent and `+`, JSON, XML, quotes) and no
 * piece of the secret may come back.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { Redactor } from '../src/core/redactor.js'
import { run as runMain } from '../src/action/main.js'
import { run as runPost } from '../src/action/post.js'
import type { ActionsCore, Runtime } from '../src/action/runtime.js'
import type { HttpRequest, HttpResponse } from '../src/harness/http/request.js'
import { ACCOUNT_ID, IDS } from './helpers/index.js'

// ── the runner's encoders, as the runner defines them ────────────────────────────────────────

const utf8 = (text: string) => Buffer.from(text, 'utf8')
/** Uri.EscapeDataString: RFC 3986 unreserved characters stay, everything else is %XX. */
const uriDataEscape = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
const jsonStringEscape = (text: string) => JSON.stringify(text).slice(1, -1)
const xmlDataEscape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string
  )
const expressionStringEscape = (text: string) => text.replace(/'/g, "''")
const base64Shift = (text: string, shift: number) => {
  const bytes = utf8(text)
  return (bytes.length > shift ? bytes.subarray(shift) : bytes).toString('base64')
}

/** How an answer may carry a secret: each runner encoding, and a few ways services embed one. */
const carriers: Array<(secret: string, noise: string) => string> = [
  secret => secret,
  secret => base64Shift(secret, 0),
  secret => base64Shift(secret, 1),
  secret => base64Shift(secret, 2),
  secret => uriDataEscape(secret),
  secret => encodeURIComponent(secret),
  secret => uriDataEscape(secret).replace(/%[0-9A-F]{2}/g, hex => hex.toLowerCase()),
  secret => new URLSearchParams({ token: secret }).toString(),
  secret => jsonStringEscape(secret),
  secret => JSON.stringify({ message: `bad ${secret}` }),
  secret => xmlDataEscape(secret),
  secret => expressionStringEscape(secret),
  secret => `"${secret}"`,
  // inside base64 of more text: `Authorization: Basic base64(user:secret)`, at every alignment
  (secret, noise) => utf8(`${noise}${secret}${noise}`).toString('base64'),
  (secret, noise) => utf8(`${noise}:${secret}`).toString('base64url'),
  (secret, noise) => `Basic ${utf8(`${noise.slice(0, 2)}:${secret}@host`).toString('base64')}`
]

// ── undoing every encoding, to judge a leak without the redactor's list ─────────────────────

/** Undoes percent escapes (and `+`) wherever they decode; leaves the rest. */
function percentDecoded(text: string): string[] {
  const decode = (plus: boolean) =>
    (plus ? text.replace(/\+/g, ' ') : text).replace(/(?:%[0-9A-Fa-f]{2})+/g, run => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run
      }
    })
  return [decode(false), decode(true)]
}

function jsonDecoded(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, what: string) => {
    if (what.length === 5) return String.fromCharCode(parseInt(what.slice(1), 16))
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[what] ?? what
  })
}

function xmlDecoded(text: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name])
}

/** Every run of base64 characters, decoded from each of its 4 alignments (both alphabets). */
function base64Decodings(text: string): Buffer[] {
  const decodings: Buffer[] = []
  for (const run of text.match(/[A-Za-z0-9+/\-_]{4,}/g) ?? []) {
    for (let start = 0; start < 4; start++) {
      const groups = run.slice(start, start + Math.floor((run.length - start) / 4) * 4)
      if (groups.length >= 4)
        decodings.push(Buffer.from(groups.replace(/-/g, '+').replace(/_/g, '/'), 'base64'))
    }
  }
  return decodings
}

/** Pieces of the secret that would still identify it: 5 bytes in a row. */
function secretPieces(secret: string): Buffer[] {
  const bytes = utf8(secret)
  const pieces: Buffer[] = []
  for (let at = 0; at + 5 <= bytes.length; at++) pieces.push(bytes.subarray(at, at + 5))
  return pieces
}

/** Where in `texts` some secret can still be read back, for a readable failure. */
function leaks(texts: string[], secrets: string[]): string[] {
  const found: string[] = []
  for (const text of texts) {
    const readings = [
      text,
      ...percentDecoded(text),
      jsonDecoded(text),
      xmlDecoded(text),
      text.replace(/''/g, "'")
    ]
    for (const secret of secrets) {
      if (readings.some(reading => reading.includes(secret))) {
        found.push(`${JSON.stringify(secret)} readable in ${JSON.stringify(text.slice(0, 300))}`)
        continue
      }
      const pieces = secretPieces(secret)
      const decoded = base64Decodings(text).find(bytes => pieces.some(p => bytes.includes(p)))
      if (decoded) {
        found.push(
          `a piece of ${JSON.stringify(secret)} in base64 in ${JSON.stringify(text.slice(0, 300))}`
        )
      }
    }
  }
  return found
}

// ── secrets and text ─────────────────────────────────────────────────────────────────────────

/** Printable, with the characters every encoding treats specially, and some beyond ASCII. */
const secretText = fc
  .array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789')
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '"',
          "'",
          '\\',
          '&',
          '<',
          '>',
          '%',
          '+',
          '/',
          '=',
          '!',
          '*',
          '(',
          ' ',
          '~'
        )
      },
      { weight: 1, arbitrary: fc.constantFrom('é', 'ß', '€', '😀', 'ж') }
    ),
    { minLength: 12, maxLength: 32 }
  )
  .map(chars => chars.join(''))
  .filter(secret => secret.trim() === secret)

const noise = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'user', 'x', 'ab', 'abc', 'token=', '"', '\\', '%', '\n')
)

function textCarrying(secrets: string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    noise,
    fc
      .tuple(fc.constantFrom(...secrets), fc.nat(carriers.length - 1), noise)
      .map(([secret, way, around]) => carriers[way](secret, around))
  )
  return fc.array(piece, { minLength: 1, maxLength: 6 }).map(pieces => pieces.join(' '))
}

describe('the Redactor against the runner masker’s encodings', () => {
  it('leaves nothing of a secret that any decoding could read back', () => {
    const input = fc
      .array(secretText, { minLength: 1, maxLength: 3 })
      .chain(secrets => fc.tuple(fc.constant(secrets), textCarrying(secrets)))
    fc.assert(
      fc.property(input, ([secrets, text]) => {
        const redactor = new Redactor()
        secrets.forEach(secret => redactor.add(secret))
        expect(leaks([redactor.redact(text)], secrets)).toEqual([])
      }),
      { numRuns: 1500 }
    )
  })

  it('registers every runner encoding with the runner too (add-mask)', () => {
    fc.assert(
      fc.property(secretText, secret => {
        const masked: string[] = []
        new Redactor(form => masked.push(form)).add(secret)
        const runnerForms = [
          secret,
          base64Shift(secret, 0),
          base64Shift(secret, 1),
          base64Shift(secret, 2),
          uriDataEscape(secret),
          jsonStringEscape(secret),
          xmlDataEscape(secret),
          expressionStringEscape(secret)
        ]
        expect(masked).toEqual(expect.arrayContaining(runnerForms))
      })
    )
  })

  it('the check itself finds each encoding of an unredacted secret', () => {
    fc.assert(
      fc.property(secretText, fc.nat(carriers.length - 1), noise, (secret, way, around) => {
        expect(leaks([carriers[way](secret, around)], [secret])).not.toEqual([])
      })
    )
  })
})

// ── the phases, in process, against a Harness and a GitHub that echo the secrets ────────────

interface Seen {
  /** every text handed to the runner or GitHub, by kind */
  texts: string[]
}

function capturingCore(
  inputs: Record<string, string>,
  state: Record<string, string>,
  seen: Seen
): ActionsCore {
  const say = (kind: string) => (text: string) => seen.texts.push(`${kind}: ${text}`)
  return {
    getInput: name => inputs[name] ?? '',
    setSecret: () => undefined,
    setOutput: (name, value) => seen.texts.push(`output ${name}: ${value}`),
    setFailed: say('error'),
    saveState: (name, value) => seen.texts.push(`state ${name}: ${value}`),
    getState: name => state[name] ?? '',
    info: say('info'),
    notice: say('notice'),
    warning: say('warning'),
    debug: say('debug'),
    summary: { addRaw: text => ({ write: async () => void seen.texts.push(`summary: ${text}`) }) }
  }
}

const envelope = (data: unknown) => JSON.stringify({ status: 'SUCCESS', data, correlationId: 'c' })
const failure = (status: number, code: string, message: string) => ({
  status,
  body: JSON.stringify({ status: 'ERROR', code, message, correlationId: 'c' })
})

interface Echoes {
  /** free text fields, each a text carrying the secrets */
  texts: string[]
  /** which answers fail (with an echoing error) instead of succeeding */
  failing: { webhook: boolean; details: boolean; execution: boolean; abort: boolean }
  cancel: boolean
}

/** A Harness whose every free-text field and error carries the secrets. */
function echoingSend(echoes: Echoes, cancel: () => void) {
  const t = (n: number) => echoes.texts[n % echoes.texts.length]
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const answer = (() => {
      if (request.url.includes('/webhook/custom/')) {
        if (echoes.failing.webhook) return failure(400, t(0), t(1))
        return {
          status: 200,
          body: envelope({
            eventCorrelationId: 'evt1',
            apiUrl: t(2),
            uiUrl: `https://app.harness.io/${t(3)}`,
            uiSetupUrl: t(4)
          })
        }
      }
      if (/\/trigger(Execution|Processing)Details/.test(request.url)) {
        if (echoes.failing.details) return failure(500, t(5), t(6))
        const processing = {
          eventFound: true,
          status: 'TARGET_EXECUTION_REQUESTED',
          message: t(7),
          warningMsg: t(8),
          pipelineExecutionId: 'exec1'
        }
        // triggerProcessingDetails answers the processing details bare; the older routes wrap them.
        if (request.url.includes('/triggerProcessingDetails')) {
          return { status: 200, body: envelope(processing) }
        }
        return {
          status: 200,
          body: envelope({
            webhookProcessingDetails: processing,
            executionUrl: `https://app.harness.io/${t(9)}`
          })
        }
      }
      if (request.url.includes('/pipelines/execution/')) {
        if (echoes.cancel) cancel()
        if (echoes.failing.execution) return failure(403, t(10), t(11))
        return {
          status: 200,
          body: envelope({
            pipelineExecutionSummary: {
              status: 'Failed',
              planExecutionId: 'exec1',
              startTs: 1000,
              endTs: 5000,
              failureInfo: { message: t(12) },
              executionUrl: `https://app.harness.io/${t(13)}`,
              layoutNodeMap: {
                s1: {
                  nodeGroup: 'STAGE',
                  name: t(14),
                  status: 'Failed',
                  failureInfo: { message: t(15) }
                }
              }
            }
          })
        }
      }
      if (request.url.includes('/execute/interrupt/')) {
        return echoes.failing.abort
          ? failure(500, t(16), t(17))
          : { status: 200, body: envelope(true) }
      }
      return { status: 404, body: `<html>${t(18)}</html>` }
    })()
    return { status: answer.status, headers: {}, body: answer.body }
  }
}

function runtimeFor(core: ActionsCore, echoes: Echoes, seen: Seen): Runtime {
  let clock = 1_700_000_000_000
  const cancellation = new AbortController()
  return {
    core,
    env: { GITHUB_SHA: 'f'.repeat(40), GITHUB_REPOSITORY: 'acme/api' },
    readEventPayload: () => undefined,
    cancelSignal: cancellation.signal,
    now: () => clock,
    sleep: async ms => {
      clock += ms
    },
    random: () => 0.5,
    send: echoingSend(echoes, () => cancellation.abort()),
    commentOnPullRequest: async (_settings, text, { log }) => {
      seen.texts.push(`comment: ${text}`)
      // What GitHub's answer (html_url, error text) is printed through.
      log.info(
        `Commented on pull request #7: https://github.com/acme/api/pull/7#${echoes.texts[0]}`
      )
      log.warning(`comment-on-pr: could not write the comment (HTTP 422: ${echoes.texts.at(-1)})`)
    }
  }
}

/** `pat.<account>.<id>.<secret>`: the last part may hold any printable character but a dot. */
const apiKey = secretText
  .filter(text => !/[.\s]/.test(text))
  .map(secret => `pat.${ACCOUNT_ID}.0123456789abcdef01234567.${secret}`)
const webhookToken = fc.stringMatching(/^[A-Za-z0-9_-]{12,40}$/)

const phaseInput = fc.tuple(webhookToken, apiKey, secretText).chain(([token, key, githubToken]) => {
  const secrets = [token, key, githubToken]
  return fc.record({
    secrets: fc.constant(secrets),
    wait: fc.boolean(),
    echoes: fc.record({
      texts: fc.array(textCarrying(secrets), { minLength: 19, maxLength: 19 }),
      failing: fc.record({
        webhook: fc.boolean(),
        details: fc.boolean(),
        execution: fc.boolean(),
        abort: fc.boolean()
      }),
      cancel: fc.boolean()
    })
  })
})

function inputsFor([token, key, githubToken]: string[], wait: boolean): Record<string, string> {
  return {
    'harness-url': 'https://app.harness.io',
    'account-id': ACCOUNT_ID,
    'project-id': IDS.projectId,
    'pipeline-id': IDS.pipelineId,
    'trigger-id': IDS.triggerId,
    'webhook-token': token,
    'api-key': key,
    'github-token': githubToken,
    'comment-on-pr': 'true',
    wait: String(wait),
    timeout: '5m'
  }
}

describe('the phases against a Harness and a GitHub that echo every encoding of the secrets', () => {
  it('main: nothing of a secret in the log, outputs, state, summary or comments', async () => {
    await fc.assert(
      fc.asyncProperty(phaseInput, async ({ secrets, wait, echoes }) => {
        const seen: Seen = { texts: [] }
        const core = capturingCore(inputsFor(secrets, wait), {}, seen)
        await runMain(runtimeFor(core, echoes, seen))
        expect(seen.texts.length).toBeGreaterThan(0)
        expect(leaks(seen.texts, secrets)).toEqual([])
      }),
      { numRuns: 300 }
    )
  })

  it('post: nothing of a secret in its log when the abort’s answer echoes them', async () => {
    await fc.assert(
      fc.asyncProperty(phaseInput, async ({ secrets, echoes }) => {
        const seen: Seen = { texts: [] }
        const watched = {
          gateway: 'https://app.harness.io/gateway',
          accountId: ACCOUNT_ID,
          orgId: IDS.orgId,
          projectId: IDS.projectId,
          eventId: 'evt1'
        }
        const state = { watched: JSON.stringify(watched), executionId: 'exec1' }
        const core = capturingCore(inputsFor(secrets, true), state, seen)
        const failingAbort = { ...echoes, failing: { ...echoes.failing, abort: true } }
        await runPost(runtimeFor(core, failingAbort, seen))
        expect(seen.texts.length).toBeGreaterThan(0)
        expect(leaks(seen.texts, secrets)).toEqual([])
      }),
      // Each run waits out the post step's real pause between its two aborts.
      { numRuns: 30 }
    )
  }, 60_000)
})
