/** The GitHub front end's part of the body: where the run came from, read from the runner. */
import { isPullRequestEvent, pullRequestOfPayload } from '../github/pull-request.js'
import { withoutUndefined } from '../harness/plain.js'

/** The `github` object added to the body so Harness conditions and Git-stored pipelines can use it. */
export interface GithubContextBody {
  repository?: string
  ref?: string
  /** branch name: the PR's head branch on pull_request events, else the ref name of a branch push */
  branch?: string
  sha?: string
  runId?: string
  runAttempt?: string
  runUrl?: string
  workflow?: string
  job?: string
  actor?: string
  event?: string
  prNumber?: number
}

/**
 * From the runner's environment (`GITHUB_REPOSITORY`, `GITHUB_REF`, `GITHUB_REF_NAME`,
 * `GITHUB_REF_TYPE`, `GITHUB_HEAD_REF`, `GITHUB_SHA`, `GITHUB_RUN_ID`, `GITHUB_RUN_ATTEMPT`,
 * `GITHUB_SERVER_URL`, `GITHUB_WORKFLOW`, `GITHUB_JOB`, `GITHUB_ACTOR`, `GITHUB_EVENT_NAME`) and the
 * already-read event payload (for the PR number). Absent values are left out, never `""`.
 *
 * Pull-request events are `pull_request`, `pull_request_target` and the two review events;
 * there the branch is the PR's head branch (`GITHUB_HEAD_REF`, else the payload's head ref).
 */
export function githubContextFromEnv(
  env: Record<string, string | undefined>,
  eventPayload?: Record<string, unknown>
): GithubContextBody {
  const value = (name: string): string | undefined => {
    const text = env[name]?.trim()
    return text ? text : undefined
  }
  const event = value('GITHUB_EVENT_NAME')
  const isPullRequest = isPullRequestEvent(event)
  const pullRequest = isPullRequest ? pullRequestOfPayload(eventPayload) : undefined
  const context: GithubContextBody = {
    repository: value('GITHUB_REPOSITORY'),
    ref: value('GITHUB_REF'),
    branch: isPullRequest
      ? (value('GITHUB_HEAD_REF') ?? pullRequest?.headRef)
      : pushedBranch(value('GITHUB_REF'), value('GITHUB_REF_NAME'), value('GITHUB_REF_TYPE')),
    sha: value('GITHUB_SHA'),
    runId: value('GITHUB_RUN_ID'),
    runAttempt: value('GITHUB_RUN_ATTEMPT'),
    runUrl: runUrl(value('GITHUB_SERVER_URL'), value('GITHUB_REPOSITORY'), value('GITHUB_RUN_ID')),
    workflow: value('GITHUB_WORKFLOW'),
    job: value('GITHUB_JOB'),
    actor: value('GITHUB_ACTOR'),
    event,
    prNumber: pullRequest?.number
  }
  return withoutUndefined(context)
}

function pushedBranch(
  ref: string | undefined,
  refName: string | undefined,
  refType: string | undefined
): string | undefined {
  if (refType === 'branch' && refName) return refName
  if (ref?.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length)
  return undefined
}

function runUrl(
  server: string | undefined,
  repository: string | undefined,
  runId: string | undefined
): string | undefined {
  if (!server || !repository || !runId) return undefined
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`
}
