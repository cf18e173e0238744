/**
 * The test harness itself: runAction against small stand-in entry scripts (not dist/), so that
 * what every integration test relies on (runner environment, command files, signals, timeouts,
 * the secret scan) is proven on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import {
  API_KEY,
  FAKE_GITHUB_TOKEN,
  REPO_ROOT,
  WEBHOOK_TOKEN,
  assertNoSecrets,
  defaultWorld,
  parseCommands,
  pullRequestEvent,
  runAction,
  startEmulator,
  v3WebhookUrl,
  type Emulator
} from './index.js'
import { parseCommandFile, readActionDefaults } from '../../emulator/index.js'

let dir: string
let emulator: Emulator

const hidden = (value: string) => `sha256:${createHash('sha256').update(value).digest('hex')}`

/** Writes a stand-in action entry and returns its path. */
function entry(name: string, source: string): string {
  const file = join(dir, `${name}.mjs`)
  writeFileSync(file, source)
  return file
}

/** Reports what it got, through every channel the runner offers. */
const REPORTER = `
import { appendFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
const env = process.env
const hidden = v => 'sha256:' + createHash('sha256').update(v).digest('hex')
const inputs = Object.entries(env).filter(([k]) => k.startsWith('INPUT_'))
  .map(([k, v]) => [k, /KEY|TOKEN/.test(k) ? hidden(v) : v])
appendFileSync(env.GITHUB_OUTPUT, 'inputs<<EOF_1\\n' + JSON.stringify(Object.fromEntries(inputs)) + '\\nEOF_1\\n')
appendFileSync(env.GITHUB_OUTPUT, 'event=' + env.GITHUB_EVENT_NAME + ' ' + env.GITHUB_REF + '\\n')
appendFileSync(env.GITHUB_OUTPUT, 'clean=' + (env.NODE_OPTIONS === undefined && env.JEST_WORKER_ID === undefined) + '\\n')
appendFileSync(env.GITHUB_OUTPUT, 'state=' + (env.STATE_phase ?? 'none') + '\\n')
appendFileSync(env.GITHUB_STATE, 'phase<<X\\nmain\\nX\\n')
appendFileSync(env.GITHUB_STEP_SUMMARY, '### Summary\\n')
appendFileSync(env.GITHUB_ENV, 'FROM_STEP=yes\\n')
console.log('::add-mask::' + env['INPUT_API-KEY'])
console.log('::warning title=A%2CB,file=x%3Ay::two%0Alines')
console.error('to stderr')
process.exitCode = Number(env.INPUT_EXIT ?? 0)
`

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'run-action-test-'))
  emulator = await startEmulator(defaultWorld())
})

afterAll(async () => {
  await emulator.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('runAction', () => {
  it('gives the step the runner environment, every default and the test inputs', async () => {
    const result = await runAction({
      entry: entry('reporter', REPORTER),
      emulator,
      inputs: { 'api-key': API_KEY, timeout: undefined, exit: '4' },
      env: { NODE_OPTIONS: undefined }
    })
    expect(result.exitCode).toBe(4)
    const inputs = JSON.parse(result.outputs.inputs)
    expect(inputs).toMatchObject({
      'INPUT_API-KEY': hidden(API_KEY),
      'INPUT_HARNESS-URL': emulator.url,
      'INPUT_GITHUB-TOKEN': hidden(FAKE_GITHUB_TOKEN),
      'INPUT_ORG-ID': '',
      INPUT_WAIT: 'false',
      'INPUT_POLL-INTERVAL': '10s',
      INPUT_EXIT: '4'
    })
    expect(inputs).not.toHaveProperty('INPUT_TIMEOUT')
    expect(inputs).not.toHaveProperty('INPUT_IMAGE')
    expect(result.outputs.event).toBe('push refs/heads/main')
    expect(result.outputs.clean).toBe('true')
    expect(result.state).toEqual({ phase: 'main' })
    expect(result.summary).toBe('### Summary\n')
    expect(result.env).toEqual({ FROM_STEP: 'yes' })
    expect(result.stderr).toBe('to stderr\n')
    expect(result.commands).toEqual([
      { name: 'add-mask', properties: {}, message: API_KEY },
      { name: 'warning', properties: { title: 'A,B', file: 'x:y' }, message: 'two\nlines' }
    ])
  })

  it('starts the step on the runtime that runs the tests, not on whichever node is on PATH', async () => {
    const version = entry(
      'version',
      `import { appendFileSync } from 'node:fs'
       appendFileSync(process.env.GITHUB_OUTPUT, 'version=' + process.version + '\\n')`
    )
    // A decoy `node` first on the step's PATH: a helper that spawned a bare `node` would run it.
    const decoyDir = join(dir, 'decoy-bin')
    mkdirSync(decoyDir, { recursive: true })
    writeFileSync(
      join(decoyDir, 'node'),
      '#!/bin/sh\necho "version=the node on PATH" >> "$GITHUB_OUTPUT"\n',
      { mode: 0o755 }
    )
    const result = await runAction({
      entry: version,
      env: { PATH: `${decoyDir}${delimiter}${process.env.PATH ?? ''}` }
    })
    // .ci/run runs the suite on Node 24 and on Node 20: each run must run dist/ on its own runtime.
    expect(result.outputs.version).toBe(process.version)
  })

  it('derives the PR refs from a pull_request event and passes state to the post phase', async () => {
    const file = entry('reporter-pr', REPORTER)
    const main = await runAction({ entry: file, event: pullRequestEvent(42) })
    expect(main.outputs.event).toBe('pull_request refs/pull/42/merge')
    const post = await runAction({ entry: file, phase: 'post', state: main.state })
    expect(post.outputs.state).toBe('main')
    await expect(runAction({ entry: file, phase: 'post' })).rejects.toThrow(/needs the state/)
  })

  it('fails the test when a secret leaks, naming the secret and the place', async () => {
    const leak = entry(
      'leak',
      `console.log('::add-mask::' + process.env['INPUT_WEBHOOK-URL'].split('/')[8])
       console.log('calling ' + process.env['INPUT_WEBHOOK-URL'])`
    )
    await expect(
      runAction({ entry: leak, inputs: { 'webhook-url': v3WebhookUrl(emulator) } })
    ).rejects.toThrow(
      /Secret leak:\n- the token of input webhook-url appears in stdout: calling .*\/custom\/\*\*\*\/v3/
    )
    const output = entry(
      'leak-output',
      `import { appendFileSync } from 'node:fs'
       appendFileSync(process.env.GITHUB_OUTPUT, 'x=' + process.env['INPUT_GITHUB-TOKEN'] + '\\n')`
    )
    await expect(runAction({ entry: output })).rejects.toThrow(
      'input github-token appears in output x'
    )
  })

  it('sends SIGINT once the emulator saw a request, then SIGTERM later', async () => {
    const waiter = entry(
      'waiter',
      `import { request } from 'node:http'
       const seen = []
       for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => {
         seen.push(s)
         if (seen.length === 2) { console.log('got ' + seen.join(',')); process.exit(7) }
       })
       const url = process.env['INPUT_HARNESS-URL'] + '/gateway/pipeline/api/triggers/eventHistory/v2/eventCorrelation/x?accountIdentifier=a'
       request(url, res => res.resume()).end()
       setInterval(() => {}, 1000)`
    )
    emulator.reset()
    const result = await runAction({
      entry: waiter,
      emulator,
      signal: [
        { name: 'SIGINT', whenRequest: 'eventHistory' },
        { name: 'SIGTERM', whenRequest: 'eventHistory', afterMs: 100 }
      ]
    })
    expect(result.exitCode).toBe(7)
    expect(result.stdout).toContain('got SIGINT,SIGTERM')
    expect(result.signalsSent.map(s => s.name)).toEqual(['SIGINT', 'SIGTERM'])
    expect(emulator.requestsTo('eventHistory')).toHaveLength(1)
  })

  it('plays the runner cancellation: SIGINT, SIGTERM, then SIGKILL for a step that stays', async () => {
    const stubborn = entry(
      'stubborn',
      `import { request } from 'node:http'
       for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => console.log('ignoring ' + s))
       // ready for signals: tell the emulator
       request(process.env['INPUT_HARNESS-URL'] + '/repos/a/b/issues/1/comments', res => res.resume()).end()
       setInterval(() => {}, 1000)`
    )
    emulator.reset()
    const result = await runAction({
      entry: stubborn,
      emulator,
      cancel: { whenRequest: 'github', sigtermAfterMs: 100, sigkillAfterMs: 100 }
    })
    expect(result.signal).toBe('SIGKILL')
    expect(result.timedOut).toBe(false)
    expect(result.stdout).toBe('ignoring SIGINT\nignoring SIGTERM\n')
    expect(result.signalsSent.map(s => s.name)).toEqual(['SIGINT', 'SIGTERM', 'SIGKILL'])
    const [sigint, sigterm, sigkill] = result.signalsSent.map(s => s.atMs)
    expect(sigterm - sigint).toBeGreaterThanOrEqual(90)
    expect(sigkill - sigterm).toBeGreaterThanOrEqual(90)
  })

  it('kills a step that does not exit in time: an error, or a result with allowTimeout', async () => {
    const hang = entry('hang', 'setInterval(() => {}, 1000)')
    await expect(runAction({ entry: hang, timeoutMs: 300 })).rejects.toThrow(
      /did not exit within 300 ms/
    )
    const result = await runAction({ entry: hang, timeoutMs: 300, allowTimeout: true })
    expect(result).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' })
  })
})

describe('runner simulation', () => {
  it('reads every default of action.yml', () => {
    const text = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')
    const defaults = readActionDefaults(text)
    expect(Object.keys(defaults)).toHaveLength(text.match(/^\s+default:/gm)?.length ?? -1)
    expect(defaults['github-token']).toBe('${{ github.token }}')
    expect(defaults['org-id']).toBe('')
  })

  it('reads quoted and plain defaults of a small action.yml', () => {
    const text = [
      'name: x',
      'inputs:',
      '  a:',
      "    description: 'it''s'",
      "    default: 'it''s'",
      '  b:',
      '    default: "tab\\there"',
      '  c:',
      '    default: plain # comment',
      '  d:',
      '    required: true',
      'outputs:',
      '  e:',
      '    default: not-an-input'
    ].join('\n')
    expect(readActionDefaults(text)).toEqual({ a: "it's", b: 'tab\there', c: 'plain' })
  })

  it('parses command files: pairs, delimited blocks, last value wins', () => {
    const text = 'a=1\nb<<ghadelimiter_1\nline 1\nline=2\nghadelimiter_1\na=3\n'
    expect(parseCommandFile(text)).toEqual({ a: '3', b: 'line 1\nline=2' })
    expect(() => parseCommandFile('c<<END\nno end\n')).toThrow(/Unterminated/)
  })

  it('parses runner commands with escaped properties and data', () => {
    expect(parseCommands('plain\n::error title=T%3A1::bad%25%0Anext\n::endgroup::')).toEqual([
      { name: 'error', properties: { title: 'T:1' }, message: 'bad%\nnext' },
      { name: 'endgroup', properties: {}, message: '' }
    ])
  })
})

describe('assertNoSecrets', () => {
  it('names the origin and place, never prints the secret, and skips very short values', () => {
    let message = ''
    try {
      assertNoSecrets(
        { 'PR comment': `token ${WEBHOOK_TOKEN} here` },
        { webhookToken: WEBHOOK_TOKEN }
      )
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toBe('Secret leak:\n- webhookToken appears in PR comment: token *** here')
    expect(() => assertNoSecrets(['abc'], ['abc'])).not.toThrow()
    expect(() => assertNoSecrets(['::add-mask::' + API_KEY], [API_KEY])).toThrow(/text #1/)
    expect(() => assertNoSecrets({ stdout: '::add-mask::' + API_KEY }, [API_KEY])).not.toThrow()
  })
})
