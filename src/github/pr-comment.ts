import * as github from '@actions/github'
import type { Settings } from '../core/settings.js'
import { isPullRequestEvent, pullRequestOfPayload } from './pull-request.js'
import {
  commentBody,
  commentMarker,
  pickMarkedComment,
  type ListedComment
} from '../report/comment.js'

type Octokit = ReturnType<typeof github.getOctokit>
interface Log {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
}

/** What a comment needs of the run's settings: the deployment's key, and whether and how to post. */
export type CommentSettings = Pick<Settings, 'ids' | 'image'> & {
  commentOnPr: boolean
  githubToken?: string
}

/** What a comment needs to know of the run: the event, and where it happened. */
export interface PullRequestEvent {
  eventName: string
  payload: { pull_request?: { number?: number }; repository?: { full_name?: string } }
  /** `owner/repo` (`GITHUB_REPOSITORY`; the payload's repository when unset) */
  repository?: string
}

export interface PullRequestTarget {
  owner: string
  repo: string
  issue_number: number
}

/** One comment update should never hold up the run for long: GitHub answers in about a second. */
const UPSERT_TIMEOUT_MS = 30_000

/** Answers that the next update would get too (no permission, bad token, no such PR): stop trying. */
const LASTING_FAILURES = new Set([401, 403, 404])

/** The pull request to comment on, or why there is none. */
export function pullRequestOf(event: PullRequestEvent): PullRequestTarget | string {
  if (!isPullRequestEvent(event.eventName)) {
    return `comment-on-pr: this run's event is '${event.eventName || 'unknown'}', not pull_request or pull_request_target, so no comment was posted.`
  }
  const { number } = pullRequestOfPayload(event.payload)
  const fullName = event.repository || event.payload.repository?.full_name || ''
  const [owner, repo] = fullName.split('/')
  if (!number || !owner || !repo) {
    return `comment-on-pr: the ${event.eventName} event names no pull request number or repository, so no comment was posted.`
  }
  return { owner, repo, issue_number: number }
}

/**
 * Creates one comment per deployment on the run's pull request and keeps it up to date. It
 * remembers the comment id, so updates after the first don't list the comments again, and applies
 * updates in the order they were asked for. It never throws: a comment is a courtesy, never the
 * reason a deployment fails, so a problem becomes a warning. After a problem that
 * would only repeat itself (not a pull request, no token, no permission), later calls stay quiet.
 */
export class PullRequestCommenter {
  private readonly commentIds = new Map<string, number>()
  private octokit: Octokit | undefined
  /** the time limit of the update under way; every request of it carries this signal */
  private deadline: AbortSignal | undefined
  private queue: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(
    private readonly event: PullRequestEvent,
    private readonly connect: (token: string) => Octokit,
    private readonly log: Log,
    private readonly timeoutMs = UPSERT_TIMEOUT_MS
  ) {}

  /** Create or update this deployment's comment with `text` (already free of secrets). */
  post(settings: CommentSettings, text: string): Promise<void> {
    const next = this.queue.then(() => this.postNow(settings, text))
    this.queue = next
    return next
  }

  private async postNow(settings: CommentSettings, text: string): Promise<void> {
    if (!settings.commentOnPr || this.stopped) return
    const target = pullRequestOf(this.event)
    if (typeof target === 'string') return this.stop(() => this.log.warning(target))
    if (!settings.githubToken) {
      return this.stop(() =>
        this.log.warning(
          'comment-on-pr: github-token is empty, so no comment was posted. Leave it at its default (${{ github.token }}) or pass a token that may write pull request comments.'
        )
      )
    }
    const marker = commentMarker(settings.ids, settings.image.image)
    try {
      this.deadline = AbortSignal.timeout(this.timeoutMs)
      await this.upsert(
        this.connected(settings.githubToken),
        target,
        marker,
        commentBody(marker, text)
      )
    } catch (error) {
      const warning = explainFailure(error, target)
      if (LASTING_FAILURES.has(statusOf(error) ?? 0)) this.stop(() => this.log.warning(warning))
      else this.log.warning(warning)
    }
  }

  private async upsert(
    octokit: Octokit,
    target: PullRequestTarget,
    marker: string,
    body: string
  ): Promise<void> {
    const knownId = this.commentIds.get(marker) ?? (await findComment(octokit, target, marker))
    if (knownId !== undefined) {
      try {
        const { data } = await octokit.rest.issues.updateComment({
          owner: target.owner,
          repo: target.repo,
          comment_id: knownId,
          body
        })
        this.commentIds.set(marker, data.id)
        this.log.info(`Updated the pull request comment: ${data.html_url}`)
        return
      } catch (error) {
        // Someone deleted it meanwhile: write a new one rather than give up.
        if (statusOf(error) !== 404) throw error
      }
    }
    const { data } = await octokit.rest.issues.createComment({ ...target, body })
    this.commentIds.set(marker, data.id)
    this.log.info(`Commented on pull request #${target.issue_number}: ${data.html_url}`)
  }

  private connected(token: string): Octokit {
    if (this.octokit) return this.octokit
    const octokit = this.connect(token)
    // Through a hook, because pagination drops per-call request options.
    octokit.hook.before('request', options => {
      options.request = { ...options.request, signal: this.deadline }
    })
    this.octokit = octokit
    return octokit
  }

  private stop(say: () => void): void {
    this.stopped = true
    say()
  }
}

/** Reads the comments page by page and stops at the first bot comment that carries the marker. */
async function findComment(
  octokit: Octokit,
  target: PullRequestTarget,
  marker: string
): Promise<number | undefined> {
  let byPerson: ListedComment | undefined
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...target,
    per_page: 100
  })
  for await (const { data } of pages) {
    const found = pickMarkedComment(data, marker)
    if (found?.user?.type === 'Bot') return found.id
    byPerson ??= found
  }
  return byPerson?.id
}

/** GitHub's HTTP status; Octokit gives network failures a status 500 without a response. */
function statusOf(error: unknown): number | undefined {
  const failure = error as { status?: unknown; response?: unknown } | null
  return typeof failure?.status === 'number' && failure.response ? failure.status : undefined
}

/** A warning that says what went wrong and what to change; Octokit never puts the token in a message. */
export function explainFailure(error: unknown, target: PullRequestTarget): string {
  const status = statusOf(error)
  const said = firstLine(error instanceof Error ? error.message : String(error))
  const where = `pull request #${target.issue_number} of ${target.owner}/${target.repo}`
  if (status === 403) {
    return (
      `comment-on-pr: GitHub refused to write on ${where} (HTTP 403: ${said}). Grant the job ` +
      '`permissions: pull-requests: write` (or `issues: write`). On pull requests from forks the ' +
      'GITHUB_TOKEN stays read-only; the deployment itself is not affected.'
    )
  }
  if (status === 401) {
    return `comment-on-pr: GitHub did not accept github-token (HTTP 401: ${said}); no comment was posted.`
  }
  if (status === 404) {
    return `comment-on-pr: GitHub answered 404 for ${where}: the token cannot see it, or it does not exist (${said}). No comment was posted.`
  }
  const code = status ? `HTTP ${status}: ` : ''
  return `comment-on-pr: could not write the comment on ${where} (${code}${said}); the deployment itself is not affected.`
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? ''
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}

let runCommenter: PullRequestCommenter | undefined

/**
 * Create or update this deployment's PR comment. Call it as often as the deployment moves
 * (triggered, running, final): the first call finds or creates the comment, later calls update it.
 * Never throws.
 */
export async function commentOnPullRequest(
  core: Log,
  settings: CommentSettings,
  text: string
): Promise<void> {
  runCommenter ??= new PullRequestCommenter(
    {
      eventName: github.context.eventName ?? '',
      payload: github.context.payload,
      repository: process.env.GITHUB_REPOSITORY
    },
    token => github.getOctokit(token),
    core
  )
  await runCommenter.post(settings, text)
}
