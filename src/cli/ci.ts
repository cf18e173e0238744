import { withoutUndefined } from '../harness/plain.js'
/**
 * Which CI the command runs in, and where the run came from: the body's `ci` object and its
 * top-level `branch` (../shared/interface.md, "The CI it runs in"). Pure functions of the
 * environment; the one outside look (Git, for a local run) is passed in.
 */

export type CiProvider =
  'github' | 'gitlab' | 'jenkins' | 'circleci' | 'bitbucket' | 'azure' | 'buildkite' | 'local'

/** The body's `ci` object; a field the CI does not provide is left out. */
export interface CiContext {
  provider: CiProvider
  repository?: string
  /** the source branch of a merge/pull request, else the branch; none for a tag */
  branch?: string
  sha?: string
  runId?: string
  runUrl?: string
  job?: string
  actor?: string
  event?: string
  prNumber?: number
}

/** Runs `git ARGS` in the working directory: its trimmed stdout, or undefined on any failure. */
export type GitLookup = (args: string[]) => string | undefined

type Env = Record<string, string | undefined>
type Read = (name: string) => string | undefined

interface CiReader {
  provider: Exclude<CiProvider, 'local'>
  detect(read: Read): boolean
  context(read: Read): Omit<CiContext, 'provider'>
}

const READERS: readonly CiReader[] = [
  {
    provider: 'github',
    detect: read => read('GITHUB_ACTIONS') === 'true',
    context: read => {
      const event = read('GITHUB_EVENT_NAME')
      const ref = read('GITHUB_REF')
      const isPullRequest = event?.startsWith('pull_request') ?? false
      return {
        repository: read('GITHUB_REPOSITORY'),
        branch: isPullRequest ? read('GITHUB_HEAD_REF') : branchOfRef(ref),
        sha: read('GITHUB_SHA'),
        runId: read('GITHUB_RUN_ID'),
        runUrl: joined(
          read('GITHUB_SERVER_URL')?.replace(/\/+$/, ''),
          read('GITHUB_REPOSITORY'),
          'actions/runs',
          read('GITHUB_RUN_ID')
        ),
        job: read('GITHUB_JOB'),
        actor: read('GITHUB_ACTOR'),
        event,
        // The runner's ref on pull_request events is refs/pull/N/merge.
        prNumber: isPullRequest ? number(/^refs\/pull\/(\d+)\//.exec(ref ?? '')?.[1]) : undefined
      }
    }
  },
  {
    provider: 'gitlab',
    detect: read => read('GITLAB_CI') === 'true',
    context: read => ({
      repository: read('CI_PROJECT_PATH'),
      branch: read('CI_MERGE_REQUEST_SOURCE_BRANCH_NAME') ?? read('CI_COMMIT_BRANCH'),
      sha: read('CI_COMMIT_SHA'),
      runId: read('CI_PIPELINE_ID'),
      runUrl: read('CI_PIPELINE_URL'),
      job: read('CI_JOB_NAME'),
      actor: read('GITLAB_USER_LOGIN'),
      event: read('CI_PIPELINE_SOURCE'),
      prNumber: number(read('CI_MERGE_REQUEST_IID'))
    })
  },
  {
    provider: 'jenkins',
    detect: read => read('JENKINS_URL') !== undefined,
    context: read => ({
      repository: withoutCredentials(read('GIT_URL')),
      // A multibranch tag build names the tag in BRANCH_NAME too.
      branch: read('TAG_NAME')
        ? undefined
        : (read('CHANGE_BRANCH') ??
          read('BRANCH_NAME') ??
          read('GIT_BRANCH')?.replace(/^(refs\/remotes\/)?origin\//, '')),
      sha: read('GIT_COMMIT'),
      runId: read('BUILD_NUMBER'),
      runUrl: read('BUILD_URL'),
      job: read('JOB_NAME'),
      actor: read('CHANGE_AUTHOR'),
      prNumber: number(read('CHANGE_ID'))
    })
  },
  {
    provider: 'circleci',
    detect: read => read('CIRCLECI') === 'true',
    context: read => ({
      repository: joined(read('CIRCLE_PROJECT_USERNAME'), read('CIRCLE_PROJECT_REPONAME')),
      branch: read('CIRCLE_TAG') ? undefined : read('CIRCLE_BRANCH'),
      sha: read('CIRCLE_SHA1'),
      runId: read('CIRCLE_BUILD_NUM'),
      runUrl: read('CIRCLE_BUILD_URL'),
      job: read('CIRCLE_JOB'),
      actor: read('CIRCLE_USERNAME'),
      prNumber:
        number(read('CIRCLE_PR_NUMBER')) ??
        number(/\/(\d+)\/?$/.exec(read('CIRCLE_PULL_REQUEST') ?? '')?.[1])
    })
  },
  {
    provider: 'bitbucket',
    detect: read => read('BITBUCKET_BUILD_NUMBER') !== undefined,
    context: read => {
      const repository = read('BITBUCKET_REPO_FULL_NAME')
      const build = read('BITBUCKET_BUILD_NUMBER')
      return {
        repository,
        branch: read('BITBUCKET_TAG') ? undefined : read('BITBUCKET_BRANCH'),
        sha: read('BITBUCKET_COMMIT'),
        runId: build,
        runUrl:
          repository && build
            ? `https://bitbucket.org/${repository}/pipelines/results/${build}`
            : undefined,
        actor: read('BITBUCKET_STEP_TRIGGERER_UUID'),
        prNumber: number(read('BITBUCKET_PR_ID'))
      }
    }
  },
  {
    provider: 'azure',
    detect: read => read('TF_BUILD')?.toLowerCase() === 'true',
    context: read => {
      const collection = read('SYSTEM_COLLECTIONURI')
      const project = read('SYSTEM_TEAMPROJECT')
      const buildId = read('BUILD_BUILDID')
      return {
        repository: read('BUILD_REPOSITORY_NAME'),
        // Not BUILD_SOURCEBRANCHNAME: it keeps only the last segment of feature/x.
        branch: branchOfRef(read('SYSTEM_PULLREQUEST_SOURCEBRANCH') ?? read('BUILD_SOURCEBRANCH')),
        sha: read('BUILD_SOURCEVERSION'),
        runId: buildId,
        runUrl:
          collection && project && buildId
            ? `${collection.replace(/\/*$/, '/')}${encodeURIComponent(project)}/_build/results?buildId=${encodeURIComponent(buildId)}`
            : undefined,
        job: read('SYSTEM_JOBDISPLAYNAME'),
        actor: read('BUILD_REQUESTEDFOR'),
        event: read('BUILD_REASON'),
        prNumber:
          number(read('SYSTEM_PULLREQUEST_PULLREQUESTNUMBER')) ??
          number(read('SYSTEM_PULLREQUEST_PULLREQUESTID'))
      }
    }
  },
  {
    provider: 'buildkite',
    detect: read => read('BUILDKITE') === 'true',
    context: read => ({
      repository: withoutCredentials(read('BUILDKITE_REPO')),
      // On a tag build Buildkite puts the tag in BUILDKITE_BRANCH as well.
      branch: read('BUILDKITE_TAG') ? undefined : read('BUILDKITE_BRANCH'),
      sha: read('BUILDKITE_COMMIT'),
      runId: read('BUILDKITE_BUILD_NUMBER'),
      runUrl: read('BUILDKITE_BUILD_URL'),
      job: read('BUILDKITE_LABEL'),
      actor: read('BUILDKITE_BUILD_CREATOR'),
      event: read('BUILDKITE_SOURCE'),
      prNumber: number(read('BUILDKITE_PULL_REQUEST'))
    })
  }
]

/**
 * The `ci` object for this environment. Git is asked only when no CI is detected (a local run),
 * and a Git that fails, hangs or is missing just leaves `sha` and `branch` out.
 */
export function detectCi(env: Env, git: GitLookup): CiContext {
  const read: Read = name => {
    const text = env[name]?.trim()
    return text ? text : undefined
  }
  const reader = READERS.find(candidate => candidate.detect(read))
  if (reader) return withoutUndefined({ provider: reader.provider, ...reader.context(read) })
  return withoutUndefined({ provider: 'local', ...localCheckout(git) })
}

function localCheckout(git: GitLookup): Pick<CiContext, 'sha' | 'branch'> {
  // One Git process for both: the commit, then `refs/heads/<branch>` (or `HEAD` when detached).
  const [sha, ref] = git(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'])?.split('\n') ?? []
  if (!sha || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha)) return {}
  const branch = ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined
  return { sha, branch: branch || undefined }
}

/** `refs/heads/feature/x` → `feature/x`; other refs (tags, pull) → none; a bare name stays. */
function branchOfRef(ref: string | undefined): string | undefined {
  if (!ref) return undefined
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length) || undefined
  return ref.startsWith('refs/') ? undefined : ref
}

function joined(...parts: Array<string | undefined>): string | undefined {
  return parts.every(Boolean) ? parts.join('/') : undefined
}

/** A positive whole number, or undefined (Buildkite says `false` when it is not a PR). */
function number(text: string | undefined): number | undefined {
  if (!text || !/^\d+$/.test(text)) return undefined
  const value = Number(text)
  return value > 0 && Number.isSafeInteger(value) ? value : undefined
}

/** A clone URL may carry a user and token (`https://user:token@host/…`): never send those. */
function withoutCredentials(url: string | undefined): string | undefined {
  if (!url) return undefined
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1')
}
