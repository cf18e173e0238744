/**
 * PR comment calls never hold the step long after the deployment ended: once it has, whatever is
 * left of them (the final comment and any still queued) shares one budget of 10 s. And an answer
 * that does not hold the comment (a 204, a `{}`) is said as such, never "…: undefined".
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  ACCOUNT_ID,
  API_KEY,
  IDS,
  WEBHOOK_TOKEN,
  pullRequestEvent,
  runAction
} from './helpers/index.js'
import { startServer, type LoopbackServer } from './helpers/loopback-http.js'
import { eventAnswer, harnessSuccess, routeOf, type Answer } from './support/hostile-answers.js'
import { warningsOf } from './support/run-checks.js'

const FINAL_BUDGET_MS = 10_000

let server: LoopbackServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Harness passes the execution on its `passOnRead`-th read; GitHub answers as `github` says. */
async function start(github: (route: string) => Answer | 'hang', passOnRead = 1) {
  let reads = 0
  server = await startServer((request, response) => {
    const route = routeOf(request)
    const answer: Answer | 'hang' = route.startsWith('github')
      ? github(route)
      : route === 'webhook'
        ? harnessSuccess({ eventCorrelationId: 'evt1', apiUrl: '', uiUrl: '', uiSetupUrl: '' })
        : route === 'event-details'
          ? eventAnswer(request, {
              status: 'TARGET_EXECUTION_REQUESTED',
              pipelineExecutionId: 'e1'
            })
          : route === 'execution'
            ? harnessSuccess({
                pipelineExecutionSummary: {
                  status: ++reads >= passOnRead ? 'Success' : 'Running',
                  planExecutionId: 'e1'
                }
              })
            : { status: 404, body: '{}' }
    if (answer === 'hang') return
    response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers })
    response.end(answer.body)
  })
  return server
}

function run(origin: string, extra: Record<string, string> = {}) {
  return runAction({
    inputs: {
      'harness-url': origin,
      'account-id': ACCOUNT_ID,
      'project-id': IDS.projectId,
      'pipeline-id': IDS.pipelineId,
      'trigger-id': IDS.triggerId,
      'webhook-token': WEBHOOK_TOKEN,
      'api-key': API_KEY,
      'comment-on-pr': 'true',
      ...extra
    },
    env: { GITHUB_API_URL: origin },
    event: pullRequestEvent(7),
    timeoutMs: 60_000
  })
}

describe('a GitHub that never answers', () => {
  it('holds a step without wait no longer than the budget after the trigger was accepted', async () => {
    const { origin } = await start(() => 'hang')
    const result = await run(origin)
    expect(result.exitCode).toBe(0)
    expect(result.durationMs).toBeGreaterThan(FINAL_BUDGET_MS - 1000)
    expect(result.durationMs).toBeLessThan(FINAL_BUDGET_MS + 5000)
    expect(warningsOf(result).join('\n')).toMatch(
      /did not finish the comment within 10 s of the deployment's end/
    )
  })

  it("holds a wait step no longer than the budget after the execution's end, however many comments queued", async () => {
    // About 1.5 s of following: the start and the running comment queue behind a hung request.
    const { origin } = await start(() => 'hang', 4)
    const result = await run(origin, { wait: 'true', 'poll-interval': '500ms' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('Success')
    // Without the shared budget: 15 s per comment call, three of them.
    expect(result.durationMs).toBeLessThan(FINAL_BUDGET_MS + 7000)
    expect(warningsOf(result).join('\n')).toMatch(
      /did not finish the comment within 10 s of the deployment's end/
    )
  })
})

describe('an answer that does not hold the comment', () => {
  it.each<[string, Answer]>([
    ['HTTP 204', { status: 204 }],
    ['{}', { status: 201, body: '{}' }]
  ])('%s to the new comment is said as such', async (_, created) => {
    const { origin } = await start(route =>
      route === 'github-list' ? { status: 200, body: '[]' } : created
    )
    const result = await run(origin)
    expect(result.exitCode).toBe(0)
    expect(result.stdout).not.toMatch(/undefined/)
    expect(warningsOf(result).join('\n')).toMatch(
      new RegExp(
        `GitHub answered HTTP ${created.status} to the new comment on pull request #7 without the comment; it may not have been written`
      )
    )
  })
})
