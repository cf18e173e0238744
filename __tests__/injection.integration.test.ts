/**
 * No answer can write to the log. Every field of every Harness and GitHub answer that the action
 * prints (event id, URLs, event and execution statuses, messages, stage names, the execution id of
 * the abort line, html_url, error texts) is set to text with CR, LF, NEL, U+2028/2029 and
 * `::command::` lines, served by a real HTTP server on loopback. The bundled action
 * (`node dist/index.js`, `dist/post.js`) and the in-process `run()` are run against it, and every
 * line of stdout and stderr is read as the runner reads it: none may be a command the action did
 * not mean.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { run as runMain } from '../src/action/main.js'
import {
  ACCOUNT_ID,
  API_KEY,
  IDS,
  WEBHOOK_TOKEN,
  FAKE_GITHUB_TOKEN,
  pullRequestEvent,
  runAction,
  secretsOfInputs,
  type ActionResult
} from './helpers/index.js'
import {
  eventAnswer,
  harnessFailure,
  harnessSuccess,
  startHostileServer,
  type Answer,
  type HostileServer,
  type Script
} from './support/hostile-answers.js'
import { inProcessRuntime, type PhaseRecord } from './support/in-process.js'
import type { SeenRequest } from './helpers/loopback-http.js'

/** Text that tries every way of starting a runner command; `tag` shows where it was printed. */
function hostile(tag: string): string {
  return [
    `::warning::${tag}`,
    `::add-mask::${tag}-mask`,
    `::stop-commands::${tag}-stop`,
    `  ::error file=x.ts,line=1::${tag}-error`,
    `::set-output name=status::${tag}-output`,
    `##[add-mask]${tag}-v1`,
    `\u001b[2K::notice::${tag}-ansi`
  ].join(['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\n'][tag.length % 7])
}

/** Each field's hostile value starts with its tag, so a test can see that it was printed. */
const H = {
  eventId: hostile('EVENTID'),
  uiUrl: `https://app.harness.io/ng/${hostile('UIURL')}`,
  apiUrl: hostile('APIURL'),
  uiSetupUrl: hostile('SETUPURL'),
  eventStatus: hostile('EVENTSTATUS'),
  eventMessage: hostile('EVENTMESSAGE'),
  warningMsg: hostile('WARNINGMSG'),
  executionId: hostile('EXECID'),
  executionUrl: `https://app.harness.io/ng/${hostile('EXECURL')}`,
  runningStatus: hostile('RUNSTATUS'),
  failureMessage: hostile('FAILMSG'),
  stageName: hostile('STAGENAME'),
  stageStatus: hostile('STAGESTATUS'),
  stageFailure: hostile('STAGEFAIL'),
  errorCode: hostile('ERRCODE'),
  errorMessage: hostile('ERRMESSAGE'),
  notJson: hostile('NOTJSON'),
  abortMessage: hostile('ABORTMSG'),
  htmlUrl: `https://github.com/acme/api/pull/7#${hostile('HTMLURL')}`,
  githubMessage: hostile('GHMESSAGE')
}

// ── how the runner reads a log ────────────────────────────────────────────────────────────────

/** The commands this action means to write: masks of its secrets, and its own annotations. */
const MEANT = new Set(['add-mask', 'error', 'warning', 'notice', 'debug'])

/** The runner's line split, and what it takes as a command on a line. */
function runnerCommands(text: string): Array<{ name: string; line: string }> {
  const commands: Array<{ name: string; line: string }> = []
  for (const line of text.split(/\r\n|\r|\n/)) {
    const v2 = /^\s*::([^\s:]+)[^:]*::/.exec(line)
    if (v2) commands.push({ name: v2[1], line })
    const v1 = /##\[([^\]\s]+)/.exec(line)
    if (v1) commands.push({ name: `##[${v1[1]}`, line })
  }
  return commands
}

/** Every command is one the action meant, and none carries hostile text as its command. */
function expectOnlyMeantCommands(stream: string, secrets: string[]): void {
  const commands = runnerCommands(stream)
  const unmeant = commands.filter(command => !MEANT.has(command.name))
  expect(unmeant.map(command => command.line)).toEqual([])
  for (const { name, line } of commands) {
    if (name === 'add-mask') {
      // Masks come from the action's secrets alone, never from an answer.
      expect(line).not.toMatch(/[A-Z]{5,}-mask|::add-mask::.*(EVENT|EXEC|STAGE|URL)/)
      // As the runner reads a command's data: %0D, %0A and %25 undone.
      const value = line
        .replace(/^\s*::add-mask::/, '')
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%')
      const masksASecret = secrets.some(secret => value.length > 0 && isFormOf(value, secret))
      expect([value, masksASecret]).toEqual([value, true])
    }
  }
  // An annotation's text is escaped by the toolkit: its %0A never becomes a line of its own.
  expect(stream.split(/\r\n|\r|\n/).filter(line => /^\s*::stop-commands::/.test(line))).toEqual([])
}

/** The action registers a few forms of each secret (base64, escapes): any of them is fine. */
function isFormOf(value: string, secret: string): boolean {
  if (value === secret || secret.includes(value) || value.includes(secret)) return true
  const decoded = [Buffer.from(value, 'base64').toString('utf8'), decodeURIComponentSafe(value)]
  return decoded.some(text => text.length >= 3 && secret.includes(text.slice(0, 3)))
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** The tags of the fields that show in the log, to prove the hostile text was printed at all. */
function expectPrinted(stream: string, ...tags: string[]): void {
  for (const tag of tags) expect(stream).toContain(tag)
}

// ── answers ──────────────────────────────────────────────────────────────────────────────────

const accepted = (eventId: string): Answer =>
  harnessSuccess({
    eventCorrelationId: eventId,
    apiUrl: H.apiUrl,
    uiUrl: H.uiUrl,
    uiSetupUrl: H.uiSetupUrl
  })

const eventStarted = (request: SeenRequest, executionId: string): Answer =>
  eventAnswer(
    request,
    {
      eventFound: true,
      status: 'TARGET_EXECUTION_REQUESTED',
      message: H.eventMessage,
      warningMsg: H.warningMsg,
      pipelineExecutionId: executionId
    },
    { executionUrl: H.executionUrl }
  )

const execution = (executionId: string, status: string): Answer =>
  harnessSuccess({
    pipelineExecutionSummary: {
      status,
      planExecutionId: executionId,
      startTs: 1_700_000_000_000,
      endTs: status === 'Failed' ? 1_700_000_060_000 : 0,
      failureInfo: { message: H.failureMessage },
      executionUrl: H.executionUrl,
      layoutNodeMap: {
        s1: {
          nodeUuid: 's1',
          nodeGroup: 'STAGE',
          name: H.stageName,
          status: H.stageStatus,
          failureInfo: { message: H.stageFailure }
        },
        s2: { nodeUuid: 's2', nodeGroup: 'STAGE', name: `${H.stageName}2`, status: 'Failed' }
      }
    }
  })

/** GitHub: no comment yet, then hostile html_url on create and update. */
const github: Script = {
  'github-list': () => ({ status: 200, body: '[]' }),
  'github-create': () => ({
    status: 201,
    body: JSON.stringify({ id: 42, html_url: H.htmlUrl, body: 'x' })
  }),
  'github-update': () => ({
    status: 200,
    body: JSON.stringify({ id: 42, html_url: H.htmlUrl, body: 'x' })
  })
}

// ── running ─────────────────────────────────────────────────────────────────────────────────

let server: HostileServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function inputs(origin: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'harness-url': origin,
    'account-id': ACCOUNT_ID,
    'org-id': IDS.orgId,
    'project-id': IDS.projectId,
    'pipeline-id': IDS.pipelineId,
    'trigger-id': IDS.triggerId,
    'webhook-token': WEBHOOK_TOKEN,
    'api-key': API_KEY,
    ...extra
  }
}

const SECRETS = [WEBHOOK_TOKEN, API_KEY, FAKE_GITHUB_TOKEN]

async function runDist(script: Script, extra: Record<string, string> = {}, pr = false) {
  server = await startHostileServer({ ...github, ...script })
  const result = await runAction({
    inputs: inputs(server.origin, extra),
    env: { GITHUB_API_URL: server.origin },
    event: pr ? pullRequestEvent(7) : undefined,
    timeoutMs: 30_000
  })
  expectOnlyMeantCommands(result.stdout, [
    ...SECRETS,
    ...Object.values(secretsOfInputs(result.inputs))
  ])
  expectOnlyMeantCommands(result.stderr, [])
  return result
}

/** The record of an in-process run, written out as the toolkit writes it to stdout. */
function asStdout(record: PhaseRecord): string {
  const escape = (text: string) =>
    text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const masks = record.masked.map(value => `::add-mask::${escape(value)}\n`).join('')
  return (
    masks +
    record.lines
      .map(({ level, text }) => (level === 'info' ? `${text}\n` : `::${level}::${escape(text)}\n`))
      .join('')
  )
}

describe('no answer can write a runner command, node dist/index.js', () => {
  it('the accepted trigger: event id and URLs', async () => {
    const result = await runDist({ webhook: () => accepted(H.eventId) })
    expect(result.exitCode).toBe(0)
    expectPrinted(result.stdout, 'EVENTID', 'UIURL')
  })

  it('the wait: event message, execution URL, statuses, stage names, failure messages', async () => {
    const result = await runDist(
      {
        webhook: () => accepted('evt1'),
        'event-details': (_, request) => eventStarted(request, 'exec1'),
        execution: n => execution('exec1', n < 2 ? H.runningStatus : 'Failed')
      },
      { wait: 'true', 'poll-interval': '100ms', 'comment-on-pr': 'true' },
      true
    )
    expect(result.exitCode).toBe(1)
    expectPrinted(result.stdout, 'EXECURL', 'RUNSTATUS', 'STAGENAME', 'FAILMSG', 'HTMLURL')
  })

  it('an event that ends in a hostile status with a hostile message', async () => {
    const result = await runDist(
      {
        webhook: () => accepted('evt1'),
        'event-details': (_, request) =>
          eventAnswer(request, { eventFound: true, status: H.eventStatus, message: H.eventMessage })
      },
      { wait: 'true', 'poll-interval': '100ms' }
    )
    expect(result.exitCode).toBe(1)
    expectPrinted(result.stdout, 'EVENTSTATUS', 'EVENTMESSAGE')
  })

  it('the abort line: a hostile execution id, timed out, the abort refused with hostile text', async () => {
    const result = await runDist(
      {
        webhook: () => accepted('evt1'),
        'event-details': (_, request) => eventStarted(request, H.executionId),
        execution: () => execution(H.executionId, H.runningStatus),
        abort: () => harnessFailure(500, H.errorCode, H.abortMessage)
      },
      { wait: 'true', 'poll-interval': '100ms', timeout: '2s', 'abort-on-timeout': 'true' }
    )
    expect(result.exitCode).toBe(1)
    expectPrinted(result.stdout, 'EXECID', 'ABORTMSG')
  })

  it.each([
    ['a Harness error', () => harnessFailure(400, H.errorCode, H.errorMessage), 'ERRMESSAGE'],
    ['a body that is not JSON', () => ({ status: 502, body: H.notJson }), 'NOTJSON'],
    [
      'a success of the wrong shape',
      () => harnessSuccess({ unexpected: H.errorMessage }),
      'ERRMESSAGE'
    ]
  ])('error texts: the trigger answered with %s', async (_, answer, tag) => {
    const result = await runDist({ webhook: answer })
    expect(result.exitCode).toBe(1)
    expectPrinted(result.stdout, tag)
  })

  it("GitHub's error text and a comment answer without the comment", async () => {
    const result = await runDist(
      {
        webhook: () => accepted('evt1'),
        'github-list': () => ({
          status: 403,
          body: JSON.stringify({ message: H.githubMessage, documentation_url: H.htmlUrl })
        })
      },
      { 'comment-on-pr': 'true' },
      true
    )
    expect(result.exitCode).toBe(0)
    expectPrinted(result.stdout, 'GHMESSAGE')
  })

  it("GitHub's deprecation headers, which Octokit prints itself", async () => {
    const deprecated: Answer = {
      status: 201,
      body: JSON.stringify({ id: 42, html_url: 'https://github.com/acme/api/pull/7' }),
      headers: {
        Deprecation: 'true',
        Sunset: '##[add-mask]SUNSET ::error::x',
        Link: '<https://github.com/##[warning]LINK>; rel="deprecation"'
      }
    }
    const result = await runDist(
      { webhook: () => accepted('evt1'), 'github-create': () => deprecated },
      { 'comment-on-pr': 'true' },
      true
    )
    expect(result.exitCode).toBe(0)
    expectPrinted(result.stdout, 'SUNSET', 'LINK')
    expect(result.stderr).toBe('')
  })

  it('the post step: the execution its event started, and a hostile abort refusal', async () => {
    server = await startHostileServer({
      'event-details': (_, request) => eventStarted(request, H.executionId),
      abort: () => harnessFailure(500, H.errorCode, H.abortMessage)
    })
    const watched = {
      gateway: `${server.origin}/gateway`,
      accountId: ACCOUNT_ID,
      orgId: IDS.orgId,
      projectId: IDS.projectId,
      eventId: 'evt1'
    }
    const result: ActionResult = await runAction({
      phase: 'post',
      inputs: inputs(server.origin, { wait: 'true' }),
      state: { watched: JSON.stringify(watched) },
      timeoutMs: 30_000
    })
    expectOnlyMeantCommands(result.stdout, [
      ...SECRETS,
      ...Object.values(secretsOfInputs(result.inputs))
    ])
    expect(server.count('abort')).toBeGreaterThan(0)
    expectPrinted(result.stdout, 'ABORTMSG')
  })
})

describe('no answer can write a runner command, run() in process', () => {
  it('the whole wait, every field hostile', async () => {
    server = await startHostileServer({
      webhook: () => accepted(H.eventId),
      'event-details': (_, request) => eventStarted(request, H.executionId),
      execution: n => execution(H.executionId, n < 2 ? H.runningStatus : 'Failed')
    })
    const { runtime, record } = inProcessRuntime({
      inputs: inputs(server.origin, { wait: 'true', 'poll-interval': '100ms' })
    })
    await runMain(runtime)
    const stdout = asStdout(record)
    // In process, action.yml's defaults come in as written: github-token is the expression.
    expectOnlyMeantCommands(stdout, [...SECRETS, '${{ github.token }}'])
    expect(record.failed).toBeDefined()
    expectPrinted(stdout, 'EVENTID', 'UIURL', 'EXECURL', 'RUNSTATUS', 'STAGENAME', 'FAILMSG')
  })

  it('the check itself sees a command in an unescaped line', () => {
    expect(() => expectOnlyMeantCommands(`ok\n${H.stageName}\n`, [])).toThrow()
    expect(() => expectOnlyMeantCommands(`Stage x ##[add-mask]y\n`, [])).toThrow()
  })
})
