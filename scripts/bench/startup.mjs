// The start-up comparison on one runtime: fire-and-forget runs of the floor and of each entry,
// alternating, each in a fresh step against the emulator. Every run is checked (exit 0, one webhook
// accepted, both outputs delivered); a run that fails is left out of the figures and reported.
// Then the phase runs: the same, under scripts/bench/phase-probe.cjs, for where the time goes.
import { join } from 'node:path'
import { REQUIRED_OUTPUTS } from './sides.mjs'
import { runMeasured, runProbed } from './measure.mjs'

const RUN_TIMEOUT_MS = 30_000

/**
 * @typedef {import('./measure.mjs').Measurement} Measurement
 * @typedef {import('./measure.mjs').ProbedRun} ProbedRun
 * @typedef {import('./sides.mjs').Side} Side
 * @typedef {import('./sides.mjs').SideName} SideName
 * @typedef {{ emulator: import('../../emulator/index.js').Emulator, method: 'preload' | 'time',
 *   node: string, sides: Side[], scratchDir: string, inputs: Record<string, string> }} StartupSetup
 */

/**
 * @template {{ code: number | null, signal: string | null, stdout: string, stderr: string }} R
 * @param {StartupSetup} setup
 * @param {Side} side
 * @param {(options: { node: string, script: string, env: Record<string, string>,
 *   scratchDir: string, timeoutMs: number }) => Promise<R>} runner
 */
async function runOnce(setup, side, runner) {
  const { emulator } = setup
  const tempDir = join(setup.scratchDir, side.name)
  const step = side.prepare(tempDir, setup.inputs)
  emulator.reset()
  const measurement = await runner({
    node: setup.node,
    script: side.script,
    env: step.env,
    scratchDir: tempDir,
    timeoutMs: RUN_TIMEOUT_MS
  })
  const webhooks = emulator.requestsTo('webhook')
  return {
    measurement,
    webhook: webhooks[0],
    problem: fireProblem(measurement, webhooks.length, emulator.events.length, step)
  }
}

/** @param {Parameters<typeof runMeasured>[0] & { node: string }} options */
const measured = options => runMeasured(options)

/**
 * Why a run does not count, or undefined when it did the whole job.
 * @param {{ code: number | null, signal: string | null, stdout: string, stderr: string,
 *   cpuMs?: number, probe?: unknown }} run
 * @param {number} webhookRequests
 * @param {number} acceptedEvents
 * @param {import('./sides.mjs').Step} step
 */
function fireProblem(run, webhookRequests, acceptedEvents, step) {
  if (run.signal) return `killed by ${run.signal} (timeout ${RUN_TIMEOUT_MS} ms)`
  if (run.code !== 0) return `exit code ${run.code}: ${failureLine(run)}`
  if (webhookRequests !== 1) return `${webhookRequests} webhook requests instead of 1`
  if (acceptedEvents !== 1) return 'the emulator did not accept the trigger'
  let outputs
  try {
    outputs = step.outputsOf(run)
  } catch (error) {
    return `unreadable outputs: ${error instanceof Error ? error.message : String(error)}`
  }
  const missing = REQUIRED_OUTPUTS.filter(name => !outputs?.[name])
  if (missing.length) return `no ${missing.join(' or ')} in its outputs`
  if ('cpuMs' in run && !Number.isFinite(run.cpuMs)) return 'no resource usage was recorded'
  if ('probe' in run && !run.probe) return 'the phase probe wrote nothing'
  return undefined
}

/**
 * The runner shows `::error::` lines as the step's failure; else the last line of stderr.
 * @param {{ stdout: string, stderr: string }} run
 */
export function failureLine(run) {
  const error = run.stdout.split('\n').find(line => line.startsWith('::error'))
  if (error) return error.replace(/^::error[^:]*::/, '').slice(0, 300)
  const last = run.stderr.trim().split('\n').at(-1)
  return (last || 'no error message').slice(0, 300)
}

/**
 * What two sides sent, so the report can show they did comparable work.
 * @param {import('../../emulator/index.js').RecordedRequest | undefined} entry
 * @param {import('../../emulator/index.js').RecordedRequest | undefined} floor
 */
function compareRequests(entry, floor) {
  const transport = new Set(['host', 'connection', 'content-length', 'transfer-encoding'])
  const names = (/** @type {typeof entry} */ request) =>
    Object.keys(request?.headers ?? {}).filter(name => !transport.has(name))
  const entryNames = names(entry)
  const floorNames = names(floor)
  return {
    samePath: entry?.path === floor?.path && entry?.url === floor?.url,
    entryBodyBytes: Buffer.byteLength(entry?.body ?? ''),
    floorBodyBytes: Buffer.byteLength(floor?.body ?? ''),
    headersOnlyInEntry: entryNames.filter(name => !floorNames.includes(name)),
    headersOnlyInFloor: floorNames.filter(name => !entryNames.includes(name))
  }
}

/**
 * Rounds that alternate the order of the sides (forwards, then backwards), so drift on the
 * machine hits all alike; a failed run is left out and reported.
 * @template R
 * @param {StartupSetup} setup
 * @param {number} rounds
 * @param {(side: Side) => Promise<{ measurement: R, problem: string | undefined }>} once
 * @param {(line: string) => void} progress
 */
async function alternate(setup, rounds, once, progress) {
  /** @type {Partial<Record<SideName, R[]>>} */
  const runs = Object.fromEntries(setup.sides.map(side => [side.name, []]))
  /** @type {{ side: SideName, problem: string }[]} */
  const failures = []
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? setup.sides : [...setup.sides].reverse()
    for (const side of order) {
      const { measurement, problem } = await once(side)
      if (problem) failures.push({ side: side.name, problem })
      else runs[side.name]?.push(measurement)
    }
    progress(`round ${round + 1}/${rounds}`)
  }
  return { runs, failures }
}

/**
 * One warm-up run of each side (not counted; it also proves each works), then `runs` measured
 * rounds and `phaseRuns` probed rounds.
 * @param {StartupSetup & { runs: number, phaseRuns: number, progress: (line: string) => void }} setup
 */
export async function measureStartup(setup) {
  /** @type {Partial<Record<SideName, ReturnType<typeof compareRequests>>>} */
  const comparison = {}
  const warm = new Map()
  for (const side of setup.sides) {
    const run = await runOnce(setup, side, measured)
    if (run.problem) throw new Error(`${side.label} did not fire: ${run.problem}`)
    warm.set(side.name, run.webhook)
  }
  for (const side of setup.sides) {
    if (side.name !== 'floor') {
      comparison[side.name] = compareRequests(warm.get(side.name), warm.get('floor'))
    }
  }
  const plain = await alternate(
    setup,
    setup.runs,
    side => runOnce(setup, side, measured),
    line => setup.progress(`measured ${line}`)
  )
  const probed = await alternate(
    setup,
    setup.phaseRuns,
    side => runOnce(setup, side, runProbed),
    line => setup.progress(`phases ${line}`)
  )
  return {
    runs: /** @type {Partial<Record<SideName, Measurement[]>>} */ (plain.runs),
    probes: /** @type {Partial<Record<SideName, ProbedRun[]>>} */ (probed.runs),
    failures: [...plain.failures, ...probed.failures],
    comparison
  }
}
