import { InputError } from './errors.js'

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
 * Pull-request events are those named `pull_request*` (incl. `pull_request_target` and reviews);
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
  const isPullRequest = event?.startsWith('pull_request') ?? false
  const pullRequest = isPullRequest ? pullRequestOf(eventPayload) : undefined
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

function pullRequestOf(
  payload: Record<string, unknown> | undefined
): { number?: number; headRef?: string } | undefined {
  if (!payload) return undefined
  const pr = isObject(payload.pull_request) ? payload.pull_request : undefined
  const head = pr && isObject(pr.head) ? pr.head : undefined
  const number = positiveInteger(pr?.number) ?? positiveInteger(payload.number)
  const headRef = typeof head?.ref === 'string' && head.ref ? head.ref : undefined
  return { number, headRef }
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Parses a JSON-object input; anything else is an InputError naming `input` (no parser stack). */
export function parseJsonObjectInput(input: string, raw: string): Record<string, unknown> {
  const text = raw.trim()
  if (text === '') throw new InputError(input, 'expected a JSON object; got an empty value')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new InputError(
      input,
      `expected a JSON object, but it is not valid JSON: ${parserReason(error)}`
    )
  }
  if (!isObject(parsed)) {
    throw new InputError(input, `expected a JSON object ({…}); got ${kindOf(parsed)}`)
  }
  return parsed
}

/** The parser's own words, minus the excerpt of the input that V8 quotes (it may hold anything). */
function parserReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const withoutExcerpt = message.replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, '')
  const firstLine = withoutExcerpt.split('\n')[0]
  return firstLine.length > 120 ? `${firstLine.slice(0, 120)}…` : firstLine
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

export interface BodyLayers {
  github?: GithubContextBody
  /** image/tag/digest from build-outputs, docker metadata or the SHA */
  derived: { image?: string; tag?: string; digest?: string }
  payload?: Record<string, unknown>
  /** the `image`/`tag` inputs (and a digest split from the image input): the last word */
  inputs: { image?: string; tag?: string; digest?: string }
}

/** Which input to name when an input-layer key disagrees with `payload`. */
const INPUT_OF_KEY = { image: 'image', tag: 'tag', digest: 'image' } as const

/**
 * Layers, each overriding the one before: github, derived, payload, inputs. An `image` or `tag`
 * input that disagrees with the same key in `payload` is an InputError (two explicit answers).
 * A digest split from the `image` input is held to the same rule. Overriding is shallow: a
 * `github` key in `payload` replaces the whole context object.
 */
export function buildBody(layers: BodyLayers): Record<string, unknown> {
  checkInputsAgreeWithPayload(layers.inputs, layers.payload)
  const body: Record<string, unknown> = {}
  if (layers.github) setAll(body, { github: withoutUndefined(layers.github) })
  setAll(body, withoutUndefined(layers.derived))
  if (layers.payload) setAll(body, layers.payload)
  setAll(body, withoutUndefined(layers.inputs))
  return body
}

/** Copies own keys as plain data, so a payload key named `__proto__` stays a key of the body. */
function setAll(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
}

function checkInputsAgreeWithPayload(
  inputs: BodyLayers['inputs'],
  payload: Record<string, unknown> | undefined
): void {
  if (!payload) return
  for (const key of ['image', 'tag', 'digest'] as const) {
    const fromInput = inputs[key]
    if (fromInput === undefined || !Object.hasOwn(payload, key)) continue
    if (payload[key] === fromInput) continue
    throw new InputError(
      INPUT_OF_KEY[key],
      `gives ${key} '${fromInput}', but the payload input sets "${key}" to ${describeJson(payload[key])}; set it in one place only`
    )
  }
}

function describeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T
}
