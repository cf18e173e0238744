import { SettingError } from '../harness/setting-error.js'
import { jsonLimitProblem, MAX_JSON_DEPTH, type JsonLimitProblem } from './json-limits.js'
import { isRecord, messageOf, shorten, withoutUndefined } from '../harness/plain.js'

/**
 * Parses a JSON-object input; anything else is a SettingError naming `input` (no parser stack).
 * It is taken exactly as written or refused: a number a double cannot hold, or nesting deeper than
 * 64 levels, is an input error too (json-limits.ts).
 */
export function parseJsonObjectInput(input: string, raw: string): Record<string, unknown> {
  const text = raw.trim()
  if (text === '') throw new SettingError(input, 'expected a JSON object; got an empty value')
  const problem = jsonLimitProblem(text)
  // Too deep is refused before parsing: nothing nested that far is ever built.
  if (problem?.kind === 'too-deep') throw new SettingError(input, limitText(problem))
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new SettingError(
      input,
      `expected a JSON object, but it is not valid JSON: ${parserReason(error)}`
    )
  }
  if (!isRecord(parsed)) {
    throw new SettingError(input, `expected a JSON object ({…}); got ${kindOf(parsed)}`)
  }
  if (problem) throw new SettingError(input, limitText(problem))
  return parsed
}

function limitText(problem: JsonLimitProblem): string {
  if (problem.kind === 'too-deep') {
    return `is nested deeper than ${MAX_JSON_DEPTH} levels of {…} and […]; flatten it`
  }
  const literal = shorten(problem.literal, 41)
  return (
    `holds the number ${literal}, which JSON cannot carry exactly (it would be sent as ` +
    `${shorten(problem.becomes, 41)}); ` +
    `quote it to send it as text: "${literal}"`
  )
}

/** The parser's own words, minus the excerpt of the input that V8 quotes (it may hold anything). */
function parserReason(error: unknown): string {
  const message = messageOf(error)
  const withoutExcerpt = message.replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, '')
  const firstLine = withoutExcerpt.split('\n')[0]
  return shorten(firstLine, 121)
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

/** Where the run came from: the action's `github` object or the CLI's `ci` object. */
export interface RunContext {
  /** the body key it goes under: `github` (the action) or `ci` (the command line) */
  key: string
  value: object
  /**
   * Sent as the top-level `branch`: for a custom webhook Harness resolves a Git-stored pipeline's
   * `<+trigger.branch>` from it alone (TriggerExecutionHelper.resolveBranchExpression).
   */
  branch?: string
}

export interface BodyLayers {
  context?: RunContext
  /** image/tag/digest from build-outputs, docker metadata or the SHA */
  derived: { image?: string; tag?: string; digest?: string }
  payload?: Record<string, unknown>
  /** the `image`/`tag` inputs (and a digest split from the image input): the last word */
  inputs: { image?: string; tag?: string; digest?: string }
}

/** Which input to name when an input-layer key disagrees with `payload`. */
const INPUT_OF_KEY = { image: 'image', tag: 'tag', digest: 'image' } as const

/**
 * Layers, each overriding the one before: the run's context (and its top-level `branch`), derived,
 * payload, inputs. An `image` or `tag`
 * input that disagrees with the same key in `payload` is a SettingError (two explicit answers).
 * A digest split from the `image` input is held to the same rule. Overriding is shallow: a
 * `github` key in `payload` replaces the whole context object, and a `branch` in it wins.
 */
export function buildBody(layers: BodyLayers): Record<string, unknown> {
  checkInputsAgreeWithPayload(layers.inputs, layers.payload)
  const body: Record<string, unknown> = {}
  if (layers.context) {
    const { key, value, branch } = layers.context
    setAll(body, { [key]: withoutUndefined(value) })
    if (branch) setAll(body, { branch })
  }
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
    throw new SettingError(
      INPUT_OF_KEY[key],
      `gives ${key} '${fromInput}', but the payload input sets "${key}" to ${describeJson(payload[key])}; set it in one place only`
    )
  }
}

function describeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return shorten(text, 81)
}
