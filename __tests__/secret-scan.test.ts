/**
 * The secret scan that every integration run goes through, proven on its own: a stand-in step that
 * leaks through each channel makes `runAction` throw. Then the one channel `runAction` cannot see,
 * pull request comments: every version the action wrote, scanned after runs whose Harness quotes
 * the secrets back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  API_KEY,
  FAKE_GITHUB_TOKEN,
  WEBHOOK_TOKEN,
  identifierInputs,
  pullRequestEvent,
  runAction,
  startEmulator,
  type Emulator
} from './helpers/index.js'
import { commentWritesOf, expectCommentsWithoutSecrets } from './support/comment-scan.js'

let dir: string
let emulator: Emulator
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'secret-scan-test-'))
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => emulator.reset())

/**
 * A stand-in step that writes the value of input `leak-input` (or `leak-text`) to the channel
 * named by input `channel`, after masking it as the real action does.
 */
const LEAKER = `
import { appendFileSync } from 'node:fs'
const env = process.env
const value = env['INPUT_LEAK-TEXT'] || env['INPUT_' + env['INPUT_LEAK-INPUT'].toUpperCase()]
console.log('::add-mask::' + value)
const line = 'calling Harness with ' + value
const write = {
  stdout: () => console.log(line),
  'error command': () => console.log('::error::' + line),
  stderr: () => console.error(line),
  output: () => appendFileSync(env.GITHUB_OUTPUT, 'uiUrl=' + line + '\\n'),
  summary: () => appendFileSync(env.GITHUB_STEP_SUMMARY, '| key | ' + value + ' |\\n'),
  state: () => appendFileSync(env.GITHUB_STATE, 'pendingAbort<<EOF\\n' + line + '\\nEOF\\n'),
  env: () => appendFileSync(env.GITHUB_ENV, 'HARNESS=' + line + '\\n'),
  nowhere: () => console.log('calling Harness')
}
write[env.INPUT_CHANNEL]()
`

function leaker(): string {
  const file = join(dir, 'leaker.mjs')
  writeFileSync(file, LEAKER)
  return file
}

describe('the scan of every run', () => {
  const leaks: Array<[string, string, string]> = [
    ['api-key', 'stderr', 'input api-key appears in stderr'],
    ['api-key', 'error command', 'input api-key appears in stdout'],
    ['webhook-token', 'summary', 'input webhook-token appears in summary'],
    ['webhook-token', 'output', 'input webhook-token appears in output uiUrl'],
    ['api-key', 'state', 'input api-key appears in state pendingAbort'],
    ['github-token', 'env', 'input github-token appears in GITHUB_ENV HARNESS'],
    ['api-key', 'stdout', 'input api-key appears in stdout: calling Harness with ***']
  ]

  it.each(leaks)('finds input %s written to %s', async (input, channel, found) => {
    await expect(
      runAction({
        entry: leaker(),
        inputs: { ...identifierInputs(emulator), 'leak-input': input, channel }
      })
    ).rejects.toThrow(found)
  })

  it('finds values the test names as secret too, and never prints them', async () => {
    const password = 'ProxyPassw0rdOfTheTest'
    const run = runAction({
      entry: leaker(),
      inputs: { 'leak-text': password, channel: 'stdout' },
      secrets: { 'the proxy password': password }
    })
    await expect(run).rejects.toThrow('the proxy password appears in stdout')
    await expect(run).rejects.not.toThrow(password)
  })

  it('lets a clean step pass: masking a secret is no leak', async () => {
    const result = await runAction({
      entry: leaker(),
      inputs: { ...identifierInputs(emulator), 'leak-input': 'api-key', channel: 'nowhere' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(`::add-mask::${API_KEY}`)
  })
})

describe('pull request comments, every version the action wrote', () => {
  function deployOnPullRequest(inputs: Record<string, string> = {}) {
    return runAction({
      emulator,
      event: pullRequestEvent(12),
      inputs: {
        ...identifierInputs(emulator),
        image: 'ghcr.io/acme/api:pr-12',
        'comment-on-pr': 'true',
        wait: 'true',
        'poll-interval': '100ms',
        ...inputs
      }
    })
  }

  it('a passing deployment: waiting, running and final versions hold no secret', async () => {
    emulator.reset({ execution: { statuses: ['Running', 'Running', 'Success'] } })
    const result = await deployOnPullRequest()
    expect(result.exitCode).toBe(0)
    const writes = commentWritesOf(emulator)
    expect(writes.length).toBeGreaterThanOrEqual(2)
    expect(writes.at(-1)).toMatch(/Success/)
    expectCommentsWithoutSecrets(emulator, result.inputs)
  })

  it('a failure whose messages quote the token and the key: the comment shows ***', async () => {
    const quoting = `token ${WEBHOOK_TOKEN}, key ${API_KEY}, GitHub ${FAKE_GITHUB_TOKEN}`
    emulator.reset({
      execution: {
        statuses: ['Running', 'Failed'],
        failureMessage: `Deploy failed: ${quoting}`,
        stages: [{ name: 'Deploy', failureMessage: `Step failed: ${quoting}` }]
      }
    })
    const result = await deployOnPullRequest()
    expect(result.exitCode).toBe(1)
    const final = commentWritesOf(emulator).at(-1) ?? ''
    expect(final).toContain('Deploy failed: token ***, key ***')
    expectCommentsWithoutSecrets(emulator, result.inputs)
  })

  it('the scan of comments finds a secret in any version, not just the last', async () => {
    const seeded = emulator.github.addComment({
      owner: 'acme',
      repo: 'api',
      issueNumber: 12,
      body: 'deploying'
    })
    const edit = (body: string) =>
      fetch(`${emulator.url}/repos/acme/api/issues/comments/${seeded.id}`, {
        method: 'PATCH',
        headers: {
          authorization: `token ${FAKE_GITHUB_TOKEN}`,
          'content-type': 'application/json'
        },
        body: JSON.stringify({ body })
      })
    expect((await edit(`a careless tool wrote ${API_KEY}`)).status).toBe(200)
    expect((await edit('clean now')).status).toBe(200)
    expect(emulator.github.comments.map(comment => comment.body)).toEqual(['clean now'])
    expect(() => expectCommentsWithoutSecrets(emulator, { 'api-key': API_KEY })).toThrow(
      'input api-key appears in comment write #1: a careless tool wrote ***'
    )
    expect(() =>
      expectCommentsWithoutSecrets(emulator, { 'webhook-token': WEBHOOK_TOKEN })
    ).not.toThrow()
  })
})
