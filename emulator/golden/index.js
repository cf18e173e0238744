// Golden answers: Harness response bodies, one file per route and case, shaped field for field from
// Harness's DTOs (each file names its class in `source`; README.md lists them). The emulator's
// tests compare its answers with these, and the client's tests parse them, so the two sides cannot
// drift into a shared misreading. Dependency-free, like the rest of the emulator.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const FOLDER = fileURLToPath(new URL('.', import.meta.url))

/** Names of every golden answer (file names without `.json`). */
export const GOLDEN_NAMES = Object.freeze(
  readdirSync(FOLDER)
    .filter(file => file.endsWith('.json'))
    .map(file => file.slice(0, -'.json'.length))
    .sort()
)

/**
 * One golden answer: `{ source, route, case, httpStatus, maps?, notes?, body }`.
 * @param {string} name
 * @returns {import('./index.js').GoldenAnswer}
 */
export function goldenAnswer(name) {
  if (!GOLDEN_NAMES.includes(name)) throw new Error(`No golden answer named ${name}`)
  return JSON.parse(readFileSync(`${FOLDER}${name}.json`, 'utf8'))
}

/** @param {unknown} value */
function kindOf(value) {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'array' : typeof value
}

/**
 * Every value of `actual` must match one of `golden`'s, and every golden value be matched.
 * @param {unknown[]} actual
 * @param {unknown[]} golden
 * @param {string} path
 * @param {string[]} maps
 * @param {string[]} out
 */
function compareMembers(actual, golden, path, maps, out) {
  if (golden.length === 0) {
    if (actual.length > 0) out.push(`${path}: golden is empty, actual has ${actual.length}`)
    return
  }
  const fits = (/** @type {unknown} */ value, /** @type {unknown} */ candidate) =>
    differences(value, candidate, `${path}.*`, maps).length === 0
  actual.forEach((value, i) => {
    if (golden.some(candidate => fits(value, candidate))) return
    const nearest = differences(value, golden[0], `${path}.*`, maps)
    out.push(`${path}.${i} matches no golden member: ${nearest.slice(0, 3).join('; ')}`)
  })
  if (actual.length === 0) return
  golden.forEach((candidate, i) => {
    if (!actual.some(value => fits(value, candidate))) {
      out.push(`${path}: no member has the shape of golden member ${i}`)
    }
  })
}

/**
 * @param {unknown} actual
 * @param {unknown} golden
 * @param {string} path
 * @param {string[]} maps
 * @returns {string[]}
 */
function differences(actual, golden, path, maps) {
  /** @type {string[]} */
  const out = []
  const kind = kindOf(golden)
  if (kindOf(actual) !== kind) {
    out.push(`${path}: ${kindOf(actual)} where Harness sends ${kind}`)
    return out
  }
  if (kind === 'array') {
    compareMembers(
      /** @type {unknown[]} */ (actual),
      /** @type {unknown[]} */ (golden),
      path,
      maps,
      out
    )
  } else if (kind === 'object') {
    const a = /** @type {Record<string, unknown>} */ (actual)
    const g = /** @type {Record<string, unknown>} */ (golden)
    if (maps.includes(path)) {
      compareMembers(Object.values(a), Object.values(g), path, maps, out)
      return out
    }
    for (const key of Object.keys(g)) {
      if (!(key in a)) out.push(`${path}.${key}: missing (Harness sends it)`)
      else out.push(...differences(a[key], g[key], `${path}.${key}`, maps))
    }
    for (const key of Object.keys(a)) {
      if (!(key in g)) out.push(`${path}.${key}: extra (Harness never sends it here)`)
    }
  }
  return out
}

/**
 * Where `actual` differs from a golden body in structure: the same keys, the same JSON types, the
 * same nesting. Values may differ (ids, times); `maps` names the objects keyed by ids (their
 * values are compared as members, `*` stands for any key or index), arrays are compared member by
 * member against the golden members.
 * @param {unknown} actual
 * @param {import('./index.js').GoldenAnswer} golden
 * @returns {string[]} empty when the shapes agree
 */
export function shapeDifferences(actual, golden) {
  const maps = (golden.maps ?? []).map(pattern => `body.${pattern}`)
  return differences(actual, golden.body, 'body', maps)
}
