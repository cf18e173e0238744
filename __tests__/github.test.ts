import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { startEmulator, type Emulator } from '../emulator/index.js'
import {
  PullRequestCommenter,
  explainFailure,
  pullRequestOf,
  type PullRequestEvent
} from '../src/github/pr-comment.js'
import { commentMarker } from '../src/report/comment.js'
import type { ActionSettings as Settings } from '../src/action/inputs.js'
import type { TriggerIds } from '../src/harness/urls.js'

// The commenter, in process, against the emulator's GitHub routes over real HTTP.

const TOKEN = 'ghs_emulatorToken0001'
const ids: TriggerIds = {
  accountId: 'acc-1',
  orgId: 'default',
  projectId: 'Shop',
  pipelineId: 'deploy_api',
  triggerId: 'on_build'
}
const PR_EVENT: PullRequestEvent = {
  eventName: 'pull_request',
  payload: { pull_request: { number: 7 } },
  repository: 'acme/api'
}

/** Only the fields the commenter reads; the rest of Settings does not matter to it. */
function settingsFor(image: string, overrides: Partial<Settings> = {}): Settings {
  return {
    ids,
    image: { image, tag: 'pr-7', imageFromInput: true, tagFromInput: true },
    commentOnPr: true,
    githubToken: TOKEN,
    ...overrides
  } as Settings
}

interface Said {
  info: string[]
  notice: string[]
  warning: string[]
}

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

function commenter(
  event: PullRequestEvent = PR_EVENT,
  timeoutMs?: number
): {
  commenter: PullRequestCommenter
  said: Said
  connections: string[]
} {
  const said: Said = { info: [], notice: [], warning: [] }
  const connections: string[] = []
  const instance = new PullRequestCommenter(
    event,
    token => {
      connections.push(token)
      return getOctokit(token, { baseUrl: emulator.url })
    },
    {
      info: line => said.info.push(line),
      notice: line => said.notice.push(line),
      warning: line => said.warning.push(line)
    },
    timeoutMs
  )
  return { commenter: instance, said, connections }
}

function githubCalls(): string[] {
  return emulator.requestsTo('github').map(request => `${request.method} ${request.path}`)
}

const LIST = 'GET /repos/acme/api/issues/7/comments'
const CREATE = 'POST /repos/acme/api/issues/7/comments'
const updateOf = (id: number): string => `PATCH /repos/acme/api/issues/comments/${id}`

describe('PullRequestCommenter: one comment per deployment', () => {
  it('creates the comment with the marker first and the text after it', async () => {
    const { commenter: run, said } = commenter()
    await run.post(settingsFor('ghcr.io/acme/api'), '### 🚀 fired')
    expect(githubCalls()).toEqual([LIST, CREATE])
    const [comment] = emulator.github.comments
    expect(comment.issueNumber).toBe(7)
    expect(comment.body).toBe(`${commentMarker(ids, 'ghcr.io/acme/api')}\n### 🚀 fired`)
    expect(emulator.requestsTo('github')[1].headers.authorization).toBe(`token ${TOKEN}`)
    expect(said.info).toEqual([`Commented on pull request #7: ${comment.html_url}`])
    expect(said.warning).toEqual([])
  })

  it('updates that same comment as the deployment moves, without listing again', async () => {
    const { commenter: run, said, connections } = commenter()
    const settings = settingsFor('ghcr.io/acme/api')
    await run.post(settings, 'fired')
    await run.post(settings, 'running')
    await run.post(settings, 'passed')
    const [comment] = emulator.github.comments
    expect(emulator.github.comments).toHaveLength(1)
    expect(comment.body.endsWith('\npassed')).toBe(true)
    expect(githubCalls()).toEqual([LIST, CREATE, updateOf(comment.id), updateOf(comment.id)])
    expect(said.info[2]).toBe(`Updated the pull request comment: ${comment.html_url}`)
    expect(connections).toEqual([TOKEN])
  })

  it('applies updates in the order asked, even when not awaited one by one', async () => {
    const { commenter: run } = commenter()
    const settings = settingsFor('ghcr.io/acme/api')
    await Promise.all([run.post(settings, 'one'), run.post(settings, 'two')])
    expect(emulator.github.comments).toHaveLength(1)
    expect(emulator.github.comments[0].body.endsWith('\ntwo')).toBe(true)
  })

  it('a later run finds the comment by its marker and updates it (a new tag of the same image)', async () => {
    const earlier = emulator.github.addComment({
      owner: 'acme',
      repo: 'api',
      issueNumber: 7,
      body: `${commentMarker(ids, 'ghcr.io/acme/api')}\nold`
    })
    const { commenter: run } = commenter()
    await run.post(settingsFor('ghcr.io/acme/api'), 'new')
    expect(githubCalls()).toEqual([LIST, updateOf(earlier.id)])
    expect(emulator.github.comments).toHaveLength(1)
    expect(earlier.body.endsWith('\nnew')).toBe(true)
  })

  it('gives each matrix leg (another image) its own comment, and leaves the others alone', async () => {
    const { commenter: api } = commenter()
    const { commenter: worker } = commenter()
    await Promise.all([
      api.post(settingsFor('ghcr.io/acme/api'), 'api fired'),
      worker.post(settingsFor('ghcr.io/acme/worker'), 'worker fired')
    ])
    await api.post(settingsFor('ghcr.io/acme/api'), 'api passed')
    const bodies = emulator.github.comments.map(comment => comment.body.split('\n')[1])
    expect(bodies.sort()).toEqual(['api passed', 'worker fired'])
  })

  it('prefers the bot comment over a person’s comment that carries the same marker', async () => {
    const marker = commentMarker(ids, 'ghcr.io/acme/api')
    const person = emulator.github.addComment({
      owner: 'acme',
      repo: 'api',
      issueNumber: 7,
      body: `copied: ${marker}`,
      login: 'octocat'
    })
    const bot = emulator.github.addComment({
      owner: 'acme',
      repo: 'api',
      issueNumber: 7,
      body: `${marker}\nold`
    })
    await commenter().commenter.post(settingsFor('ghcr.io/acme/api'), 'new')
    expect(githubCalls()).toEqual([LIST, updateOf(bot.id)])
    expect(person.body).toBe(`copied: ${marker}`)
  })

  it('reads further pages until it finds the marker', async () => {
    for (let n = 0; n < 130; n++) {
      emulator.github.addComment({ owner: 'acme', repo: 'api', issueNumber: 7, body: `c${n}` })
    }
    const ours = emulator.github.addComment({
      owner: 'acme',
      repo: 'api',
      issueNumber: 7,
      body: `${commentMarker(ids, 'ghcr.io/acme/api')}\nold`
    })
    await commenter().commenter.post(settingsFor('ghcr.io/acme/api'), 'new')
    const lists = emulator.requestsTo('github').filter(request => request.method === 'GET')
    expect(lists.map(request => request.query.page ?? '1')).toEqual(['1', '2'])
    expect(lists[0].query.per_page).toBe('100')
    expect(githubCalls().at(-1)).toBe(updateOf(ours.id))
    expect(emulator.github.comments).toHaveLength(131)
  })

  it('writes a new comment when the remembered one was deleted meanwhile', async () => {
    const { commenter: run, said } = commenter()
    const settings = settingsFor('ghcr.io/acme/api')
    await run.post(settings, 'fired')
    emulator.github.comments.length = 0
    await run.post(settings, 'passed')
    expect(emulator.github.comments).toHaveLength(1)
    expect(emulator.github.comments[0].body.endsWith('\npassed')).toBe(true)
    expect(said.warning).toEqual([])
  })
})

describe('PullRequestCommenter: when it cannot comment, it warns and never throws', () => {
  it('403: one warning that says which permission to grant, then stays quiet', async () => {
    emulator.github.forbidden = true
    const { commenter: run, said } = commenter()
    const settings = settingsFor('ghcr.io/acme/api')
    await expect(run.post(settings, 'fired')).resolves.toBeUndefined()
    await run.post(settings, 'passed')
    expect(said.warning).toHaveLength(1)
    expect(said.warning[0]).toContain('HTTP 403')
    expect(said.warning[0]).toContain('Resource not accessible by integration')
    expect(said.warning[0]).toContain('permissions: pull-requests: write')
    expect(said.warning[0]).toContain('issues: write')
    expect(said.warning[0]).not.toContain(TOKEN)
    expect(githubCalls()).toEqual([LIST, CREATE])
  })

  it('401: says the token was not accepted', async () => {
    emulator.github.token = 'ghs_theRightOne'
    const { commenter: run, said } = commenter()
    await run.post(settingsFor('ghcr.io/acme/api'), 'fired')
    expect(said.warning).toHaveLength(1)
    expect(said.warning[0]).toMatch(/did not accept github-token \(HTTP 401: Bad credentials/)
    expect(said.warning[0]).not.toContain(TOKEN)
  })

  it('a passing fault (502) warns, and the next update tries again', async () => {
    emulator.fault('github', [{ status: 502, body: 'Bad gateway' }])
    const { commenter: run, said } = commenter()
    const settings = settingsFor('ghcr.io/acme/api')
    await run.post(settings, 'fired')
    expect(said.warning).toHaveLength(1)
    expect(said.warning[0]).toContain('HTTP 502')
    expect(said.warning[0]).toContain('the deployment itself is not affected')
    await run.post(settings, 'passed')
    expect(emulator.github.comments).toHaveLength(1)
    expect(said.warning).toHaveLength(1)
  })

  it('no answer at all (connection reset) is a warning too', async () => {
    emulator.fault('github', [{ reset: true }])
    const { commenter: run, said } = commenter()
    await run.post(settingsFor('ghcr.io/acme/api'), 'fired')
    expect(said.warning).toHaveLength(1)
    expect(said.warning[0]).toMatch(
      /^comment-on-pr: could not write the comment on pull request #7/
    )
  })

  it('gives up on a GitHub that does not answer, within its time limit', async () => {
    emulator.fault('github', [{ hang: true }])
    const { commenter: run, said } = commenter(PR_EVENT, 300)
    const started = Date.now()
    await run.post(settingsFor('ghcr.io/acme/api'), 'fired')
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(said.warning).toHaveLength(1)
    expect(said.warning[0]).toMatch(/^comment-on-pr: could not write the comment/)
  })

  it('a push event: a warning that says why, and no request', async () => {
    const {
      commenter: run,
      said,
      connections
    } = commenter({
      eventName: 'push',
      payload: {},
      repository: 'acme/api'
    })
    await run.post(settingsFor('ghcr.io/acme/api'), 'fired')
    await run.post(settingsFor('ghcr.io/acme/api'), 'passed')
    expect(said.warning).toEqual([
      "comment-on-pr: this run's event is 'push', not pull_request or pull_request_target, so no comment was posted."
    ])
    expect(said.notice).toEqual([])
    expect(connections).toEqual([])
    expect(githubCalls()).toEqual([])
  })

  it('an empty github-token: a warning, and no request', async () => {
    const { commenter: run, said } = commenter()
    await run.post(settingsFor('ghcr.io/acme/api', { githubToken: undefined }), 'fired')
    expect(said.warning).toHaveLength(1)
    expect(said.warning[0]).toContain('github-token is empty')
    expect(githubCalls()).toEqual([])
  })

  it('comment-on-pr off: nothing at all', async () => {
    const { commenter: run, said } = commenter()
    await run.post(settingsFor('ghcr.io/acme/api', { commentOnPr: false }), 'fired')
    expect([...said.info, ...said.notice, ...said.warning]).toEqual([])
    expect(githubCalls()).toEqual([])
  })
})

describe('pullRequestOf', () => {
  it.each(['pull_request', 'pull_request_target', 'pull_request_review'])(
    'finds the pull request of a %s event',
    eventName => {
      expect(pullRequestOf({ ...PR_EVENT, eventName })).toEqual({
        owner: 'acme',
        repo: 'api',
        issue_number: 7
      })
    }
  )

  it('falls back to the payload’s repository when GITHUB_REPOSITORY is unset', () => {
    const event = {
      eventName: 'pull_request_target',
      payload: { pull_request: { number: 9 }, repository: { full_name: 'acme/web' } }
    }
    expect(pullRequestOf(event)).toEqual({ owner: 'acme', repo: 'web', issue_number: 9 })
  })

  it.each([
    [{ eventName: 'push', payload: {} }, "event is 'push'"],
    [{ eventName: 'workflow_dispatch', payload: {} }, "event is 'workflow_dispatch'"],
    [{ eventName: '', payload: {} }, "event is 'unknown'"],
    [{ eventName: 'pull_request', payload: {}, repository: 'acme/api' }, 'names no pull request'],
    [{ eventName: 'pull_request', payload: { pull_request: { number: 3 } } }, 'or repository']
  ])('says why there is none: %j', (event, why) => {
    const found = pullRequestOf(event)
    expect(typeof found).toBe('string')
    expect(found).toContain(why)
  })
})

describe('explainFailure', () => {
  const target = { owner: 'acme', repo: 'api', issue_number: 7 }

  it('404: the token cannot see the pull request', () => {
    const error = Object.assign(new Error('Not Found - https://docs.github.com/rest'), {
      status: 404,
      response: { status: 404 }
    })
    expect(explainFailure(error, target)).toBe(
      'comment-on-pr: GitHub answered 404 for pull request #7 of acme/api: the token cannot see it, or it does not exist (Not Found - https://docs.github.com/rest). No comment was posted.'
    )
  })

  it('keeps only the first line of a long message, cut short', () => {
    const error = new Error(`${'x'.repeat(300)}\nsecond line`)
    const warning = explainFailure(error, target)
    expect(warning).not.toContain('second line')
    expect(warning).toContain(`${'x'.repeat(199)}…`)
    expect(warning).not.toContain('x'.repeat(200))
  })
})
