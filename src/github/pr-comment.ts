import * as github from '@actions/github'
import { cappedFetch } from './capped-fetch.js'
import type { Settings } from '../core/settings.js'
import { isPullRequestEvent, pullRequestOfPayload } from './pull-request.js'
import {
  commentBody,
  commentMarker,
  pickMarkedComment,
  type ListedComment
} from '../report/comment.js'
import { messageOf } from '../harness/plain.js'

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
const UPSERT_TIMEOUT_MS = 15_000

/**
 * Once the deployment has ended, every comment call still to come (the final one and any still
 * queued before it) shares this much time: a GitHub that never answers may not hold the step.
 */
export const FINAL_BUDGET_MS = 10_000

/** Comments per page: 20 comments of the most GitHub allows (65,536 characters) stay below the answer cap. */
const PAGE_SIZE = 20

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
  /**
   * Aborted when the budget of the calls after the deployment ended runs out (see `post`'s
   * `final`); every request carries it from the start, so one already under way is cut too.
   */
  private readonly closing = new AbortController()
  private closingTimer: ReturnType<typeof setTimeout> | undefined
  private outOfTime = false
  private queue: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(
    private readonly event: PullRequestEvent,
    private readonly connect: (token: string) => Octokit,
    private readonly log: Log,
    private readonly timeoutMs = UPSERT_TIMEOUT_MS,
    private readonly finalBudgetMs = FINAL_BUDGET_MS
  ) {}

  /**
   * Create or update this deployment's comment with `text` (already free of secrets). `final`
   * says the deployment has ended: from then on, this call and those queued before it share
   * `finalBudgetMs` in all.
   */
  post(settings: CommentSettings, text: string, options: { final?: boolean } = {}): Promise<void> {
    if (options.final && !this.closingTimer) {
      this.closingTimer = setTimeout(() => this.closing.abort(), this.finalBudgetMs)
      this.closingTimer.unref?.()
    }
    const next = this.queue.then(() => this.postNow(settings, text))
    this.queue = next
    return next
  }

  private async postNow(settings: CommentSettings, text: string): Promise<void> {
    if (!settings.commentOnPr || this.stopped) return
    if (this.closing.signal.aborted) return this.sayOutOfTime()
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
      this.deadline = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.closing.signal])
      await this.upsert(
        this.connected(settings.githubToken),
        target,
        marker,
        commentBody(marker, text)
      )
    } catch (error) {
      if (this.closing.signal.aborted) return this.sayOutOfTime()
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
        const { status, data } = await octokit.rest.issues.updateComment({
          owner: target.owner,
          repo: target.repo,
          comment_id: knownId,
          body
        })
        const written = writtenComment(data)
        if (written) this.commentIds.set(marker, written.id)
        this.log.info(
          written
            ? `Updated the pull request comment${linkText(written)}`
            : `Asked GitHub to update the pull request comment; its answer (HTTP ${status}) does not show the comment.`
        )
        return
      } catch (error) {
        // Someone deleted it meanwhile: write a new one rather than give up.
        if (statusOf(error) !== 404) throw error
      }
    }
    const { status, data } = await octokit.rest.issues.createComment({ ...target, body })
    const written = writtenComment(data)
    if (!written) {
      // Nothing to remember: the next update looks for the comment again instead of writing a second one blind.
      this.log.warning(
        `comment-on-pr: GitHub answered HTTP ${status} to the new comment on pull request #${target.issue_number} without the comment; it may not have been written.`
      )
      return
    }
    this.commentIds.set(marker, written.id)
    this.log.info(`Commented on pull request #${target.issue_number}${linkText(written)}`)
  }

  private sayOutOfTime(): void {
    if (this.outOfTime) return
    this.outOfTime = true
    this.log.warning(
      `comment-on-pr: GitHub did not finish the comment within ${this.finalBudgetMs / 1000} s of the deployment's end; it was left as it was. The deployment itself is not affected.`
    )
  }

  private connected(token: string): Octokit {
    if (this.octokit) return this.octokit
    const octokit = this.connect(token)
    // Through a hook, because pagination drops per-call request options.
    // The fetch reads each answer itself, up to a cap (capped-fetch.ts).
    octokit.hook.before('request', options => {
      const fetch = options.request?.fetch ?? globalThis.fetch
      options.request = {
        ...options.request,
        signal: this.deadline,
        fetch: cappedFetch(fetch),
        // Octokit prints deprecation headers of the answer; through our log, not console.
        log: octokitLog(this.log)
      }
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
    per_page: PAGE_SIZE
  })
  for await (const { data } of pages) {
    const found = pickMarkedComment(data, marker)
    if (found?.user?.type === 'Bot') return found.id
    byPerson ??= found
  }
  return byPerson?.id
}

/** Octokit's logger, writing through ours (one line, redacted); its debug and info stay quiet. */
function octokitLog(log: Log) {
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (message: string) => log.warning(`GitHub: ${message}`),
    error: (message: string) => log.warning(`GitHub: ${message}`)
  }
}

/** The comment in GitHub's answer, when it holds one (a 204 or `{}` does not). */
function writtenComment(data: unknown): { id: number; url?: string } | undefined {
  const comment = data as { id?: unknown; html_url?: unknown } | null
  if (typeof comment?.id !== 'number') return undefined
  return { id: comment.id, url: httpUrl(comment.html_url) }
}

/** Only an http(s) URL from an answer is shown. */
function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:' ? value : undefined
  } catch {
    return undefined
  }
}

function linkText(comment: { url?: string }): string {
  return comment.url ? `: ${comment.url}` : ''
}

/** GitHub's HTTP status; Octokit gives network failures a status 500 without a response. */
function statusOf(error: unknown): number | undefined {
  const failure = error as { status?: unknown; response?: unknown } | null
  return typeof failure?.status === 'number' && failure.response ? failure.status : undefined
}

/** A warning that says what went wrong and what to change; Octokit never puts the token in a message. */
export function explainFailure(error: unknown, target: PullRequestTarget): string {
  const status = statusOf(error)
  const said = firstLine(messageOf(error))
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

/** Not cut here: the log writer redacts the whole line first, then cuts it (a cut secret would show). */
function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? ''
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
  text: string,
  options: { final?: boolean } = {}
): Promise<void> {
  runCommenter ??= new PullRequestCommenter(
    {
      eventName: github.context.eventName ?? '',
      payload: github.context.payload,
      repository: process.env.GITHUB_REPOSITORY
    },
    token => github.getOctokit(token, { log: octokitLog(core) }),
    core
  )
  await runCommenter.post(settings, text, options)
}
