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
 */
export function githubContextFromEnv(
  env: Record<string, string | undefined>,
  eventPayload?: Record<string, unknown>
): GithubContextBody {
  void env
  void eventPayload
  throw new Error('not implemented')
}

/** Parses a JSON-object input; anything else is an InputError naming `input` (no parser stack). */
export function parseJsonObjectInput(input: string, raw: string): Record<string, unknown> {
  void input
  void raw
  throw new Error('not implemented')
}

export interface BodyLayers {
  github?: GithubContextBody
  /** image/tag/digest from build-outputs, docker metadata or the SHA */
  derived: { image?: string; tag?: string; digest?: string }
  payload?: Record<string, unknown>
  /** the `image`/`tag` inputs (and a digest split from the image input): the last word */
  inputs: { image?: string; tag?: string; digest?: string }
}

/**
 * Layers, each overriding the one before: github, derived, payload, inputs. An `image` or `tag`
 * input that disagrees with the same key in `payload` is an InputError (two explicit answers).
 */
export function buildBody(layers: BodyLayers): Record<string, unknown> {
  void layers
  throw new Error('not implemented')
}
