import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  FAKE_GITHUB_TOKEN,
  assertNoSecrets,
  identifierInputs,
  pullRequestEvent,
  pushEvent,
  runAction,
  startEmulator,
  type ActionResult,
  type Emulator,
  type GitHubComment
} from './helpers/index.js'

// The bundled action (`node dist/index.js`), run as the runner runs it, writing its pull request
// comment through the emulator's GitHub routes.

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
})

const MARKER = /^<!-- harness-trigger:deployment:[0-9a-f]{32} -->\n/

function deploy(
  image: string,
  more: { inputs?: Record<string, string>; event?: ReturnType<typeof pullRequestEvent> } = {}
): Promise<ActionResult> {
  return runAction({
    emulator,
    event: more.event ?? pullRequestEvent(7),
    inputs: { ...identifierInputs(emulator), image, 'comment-on-pr': 'true', ...more.inputs }
  })
}

function githubCalls(): string[] {
  return emulator.requestsTo('github').map(request => `${request.method} ${request.path}`)
}

function commandsNamed(result: ActionResult, name: string): string[] {
  return result.commands.filter(command => command.name === name).map(command => command.message)
}

/** Comment bodies are scanned like everything else the action leaves behind. */
function assertCommentsClean(result: ActionResult): void {
  const bodies = Object.fromEntries(
    emulator.github.comments.map((comment: GitHubComment) => [
      `comment ${comment.id}`,
      comment.body
    ])
  )
  const secrets = ['api-key', 'webhook-token', 'github-token'].map(name => result.inputs[name])
  assertNoSecrets(bodies, secrets.filter(Boolean))
}

describe('comment-on-pr, through the bundled action', () => {
  it('creates one comment on a pull_request event, with the summary and the links', async () => {
    const result = await deploy('ghcr.io/acme/api:pr-7-1')
    expect(result.exitCode).toBe(0)
    expect(commandsNamed(result, 'warning')).toEqual([])
    expect(githubCalls()).toEqual([
      'GET /repos/acme/api/issues/7/comments',
      'POST /repos/acme/api/issues/7/comments'
    ])
    const [comment] = emulator.github.comments
    expect(comment.issueNumber).toBe(7)
    expect(comment.body).toMatch(MARKER)
    expect(comment.body).toContain('`ghcr.io/acme/api:pr-7-1`')
    expect(comment.body).toContain(`\`${result.outputs.eventCorrelationId}\``)
    expect(comment.body).toContain(`[Deployments](${result.outputs.uiUrl})`)
    expect(comment.body).toContain(`[Pipeline studio](${result.outputs.uiSetupUrl})`)
    expect(emulator.requestsTo('github')[1].headers.authorization).toBe(
      `token ${FAKE_GITHUB_TOKEN}`
    )
    expect(result.stdout).toContain(`Commented on pull request #7: ${comment.html_url}`)
    // The job summary shows the same section.
    expect(comment.body.replace(MARKER, '')).toBe(result.summary.replace(/\n+$/, '\n'))
    assertCommentsClean(result)
  })

  it('a later run of the same deployment (a new tag) updates that comment, never adds one', async () => {
    await deploy('ghcr.io/acme/api:pr-7-1')
    emulator.github.addComment({
      owner: 'acme',
      repo: 'api',
      issueNumber: 7,
      body: 'Looks good to me',
      login: 'octocat'
    })
    const second = await deploy('ghcr.io/acme/api:pr-7-2')
    expect(second.exitCode).toBe(0)
    const ours = emulator.github.comments.filter(comment => MARKER.test(comment.body))
    expect(ours).toHaveLength(1)
    expect(ours[0].body).toContain('`ghcr.io/acme/api:pr-7-2`')
    expect(ours[0].body).not.toContain('pr-7-1')
    expect(githubCalls().at(-1)).toBe(`PATCH /repos/acme/api/issues/comments/${ours[0].id}`)
    expect(second.stdout).toContain(`Updated the pull request comment: ${ours[0].html_url}`)
    assertCommentsClean(second)
  })

  it('two matrix legs (two images) each own a comment, run side by side', async () => {
    const legs = await Promise.all([
      deploy('ghcr.io/acme/api:pr-7'),
      deploy('ghcr.io/acme/worker:pr-7')
    ])
    expect(legs.map(leg => leg.exitCode)).toEqual([0, 0])
    const bodies = emulator.github.comments.map(comment => comment.body)
    expect(bodies).toHaveLength(2)
    expect(bodies.filter(body => body.includes('`ghcr.io/acme/api:pr-7`'))).toHaveLength(1)
    expect(bodies.filter(body => body.includes('`ghcr.io/acme/worker:pr-7`'))).toHaveLength(1)
    const markers = bodies.map(body => body.split('\n')[0])
    expect(new Set(markers).size).toBe(2)
    // Their next runs still find their own comment each.
    await deploy('ghcr.io/acme/worker:pr-7')
    expect(emulator.github.comments).toHaveLength(2)
  })

  it('with wait, the comment ends with the execution’s final status and its link', async () => {
    const result = await deploy('ghcr.io/acme/api:pr-7', {
      inputs: { wait: 'true', 'poll-interval': '200ms', timeout: '30s' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('Success')
    const [comment] = emulator.github.comments
    expect(emulator.github.comments).toHaveLength(1)
    expect(comment.body).toContain('### ✅ ')
    expect(comment.body).toContain('| Execution | ✅ Success')
    expect(comment.body).toContain(`[Execution](${result.outputs.executionUrl})`)
    assertCommentsClean(result)
  })

  it('with wait, one comment moves from waiting to running to the final status', async () => {
    const result = await deploy('ghcr.io/acme/api:pr-7', {
      inputs: { wait: 'true', 'poll-interval': '200ms', timeout: '30s' }
    })
    expect(result.exitCode).toBe(0)
    const writes = emulator.requestsTo('github').filter(request => request.method !== 'GET')
    const marks = writes.map(request => {
      const { body } = JSON.parse(request.body) as { body: string }
      return body.split('\n')[1].split(' ')[1]
    })
    expect(marks).toEqual(['⏳', '🔄', '✅'])
    expect(writes.map(request => request.method)).toEqual(['POST', 'PATCH', 'PATCH'])
    expect(githubCalls().filter(call => call.startsWith('GET'))).toHaveLength(1)
    expect(emulator.github.comments).toHaveLength(1)
  })

  it('403 from GitHub: a warning that names the permission, and the deployment still passes', async () => {
    emulator.github.forbidden = true
    const result = await deploy('ghcr.io/acme/api:pr-7')
    expect(result.exitCode).toBe(0)
    expect(commandsNamed(result, 'error')).toEqual([])
    const warnings = commandsNamed(result, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('HTTP 403')
    expect(warnings[0]).toContain('permissions: pull-requests: write')
    expect(result.outputs.eventCorrelationId).toBeTruthy()
    expect(emulator.github.comments).toEqual([])
  })

  it('a push event: a warning that says why, and no request to GitHub', async () => {
    const result = await deploy('ghcr.io/acme/api:main', { event: pushEvent() })
    expect(result.exitCode).toBe(0)
    expect(commandsNamed(result, 'warning')).toEqual([
      "comment-on-pr: this run's event is 'push', not pull_request or pull_request_target, so no comment was posted."
    ])
    expect(githubCalls()).toEqual([])
  })

  it('comment-on-pr off (the default): no request to GitHub on a pull request', async () => {
    const result = await deploy('ghcr.io/acme/api:pr-7', { inputs: { 'comment-on-pr': 'false' } })
    expect(result.exitCode).toBe(0)
    expect(githubCalls()).toEqual([])
    expect(result.summary).toContain('`ghcr.io/acme/api:pr-7`')
  })

  it('summary: false writes no job summary, and the comment is still posted', async () => {
    const result = await deploy('ghcr.io/acme/api:pr-7', { inputs: { summary: 'false' } })
    expect(result.exitCode).toBe(0)
    expect(result.summary).toBe('')
    expect(emulator.github.comments).toHaveLength(1)
  })
})
