// The start-up comparison: fire-and-forget runs of the action and of the floor, alternating, each
// in a fresh runner step (command files, event file, INPUT_* with action.yml's defaults) against
// the emulator. Every run is checked (exit 0, one webhook accepted, both outputs written); a run
// that fails is left out of the figures and reported.
import { join } from 'node:path'
import { prepareStep, readStepFiles } from '../../emulator/index.js'
import { runMeasured } from './measure.mjs'

const RUN_TIMEOUT_MS = 30_000

/**
 * @typedef {import('./measure.mjs').Measurement} Measurement
 * @typedef {'action' | 'floor'} Side
 * @typedef {{ emulator: import('../../emulator/index.js').Emulator, method: 'preload' | 'time',
 *   scripts: Record<Side, string>, actionYml: string, scratchDir: string,
 *   inputs: Record<string, string>, env: Record<string, string> }} StartupSetup
 */

/**
 * @param {StartupSetup} setup
 * @param {Side} side
 */
async function runOnce(setup, side) {
  const { emulator } = setup
  const tempDir = join(setup.scratchDir, side)
  const step = prepareStep({
    actionYml: setup.actionYml,
    tempDir,
    inputs: setup.inputs,
    env: setup.env
  })
  emulator.reset()
  const measurement = await runMeasured({
    method: setup.method,
    script: setup.scripts[side],
    env: step.env,
    scratchDir: tempDir,
    timeoutMs: RUN_TIMEOUT_MS
  })
  const webhooks = emulator.requestsTo('webhook')
  return {
    measurement,
    webhook: webhooks[0],
    problem: fireProblem(measurement, webhooks.length, emulator.events.length, step.files)
  }
}

/**
 * Why a run does not count, or undefined when it did the whole job.
 * @param {Measurement} run
 * @param {number} webhookRequests
 * @param {number} acceptedEvents
 * @param {import('../../emulator/index.js').RunnerFiles} files
 */
function fireProblem(run, webhookRequests, acceptedEvents, files) {
  if (run.signal) return `killed by ${run.signal} (timeout ${RUN_TIMEOUT_MS} ms)`
  if (run.code !== 0) return `exit code ${run.code}: ${failureLine(run)}`
  if (webhookRequests !== 1) return `${webhookRequests} webhook requests instead of 1`
  if (acceptedEvents !== 1) return 'the emulator did not accept the trigger'
  let outputs
  try {
    outputs = readStepFiles(files).outputs
  } catch (error) {
    return `unreadable GITHUB_OUTPUT: ${error instanceof Error ? error.message : String(error)}`
  }
  const missing = ['eventCorrelationId', 'uiUrl'].filter(name => !outputs[name])
  if (missing.length) return `no ${missing.join(' or ')} in GITHUB_OUTPUT`
  if (!Number.isFinite(run.cpuMs)) return 'no resource usage was recorded'
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
 * What the two sides sent, so the report can show they did comparable work.
 * @param {import('../../emulator/index.js').RecordedRequest | undefined} action
 * @param {import('../../emulator/index.js').RecordedRequest | undefined} floor
 */
function compareRequests(action, floor) {
  const transport = new Set(['host', 'connection', 'content-length', 'transfer-encoding'])
  const names = (/** @type {typeof action} */ request) =>
    Object.keys(request?.headers ?? {}).filter(name => !transport.has(name))
  const actionNames = names(action)
  const floorNames = names(floor)
  return {
    samePath: action?.path === floor?.path && action?.url === floor?.url,
    actionBodyBytes: Buffer.byteLength(action?.body ?? ''),
    floorBodyBytes: Buffer.byteLength(floor?.body ?? ''),
    headersOnlyInAction: actionNames.filter(name => !floorNames.includes(name)),
    headersOnlyInFloor: floorNames.filter(name => !actionNames.includes(name))
  }
}

/**
 * One warm-up run of each side (not counted; it also proves both work), then `runs` rounds that
 * alternate which side goes first, so drift on the machine hits both alike.
 * @param {StartupSetup & { runs: number, progress: (line: string) => void }} setup
 * @returns {Promise<{ runs: Record<Side, Measurement[]>, failures: { side: Side, problem: string }[],
 *   comparison: ReturnType<typeof compareRequests> }>}
 */
export async function measureStartup(setup) {
  const warmAction = await runOnce(setup, 'action')
  if (warmAction.problem) throw new Error(`dist/index.js did not fire: ${warmAction.problem}`)
  const warmFloor = await runOnce(setup, 'floor')
  if (warmFloor.problem) throw new Error(`the floor script did not fire: ${warmFloor.problem}`)

  /** @type {Record<Side, Measurement[]>} */
  const runs = { action: [], floor: [] }
  /** @type {{ side: Side, problem: string }[]} */
  const failures = []
  for (let round = 0; round < setup.runs; round++) {
    /** @type {Side[]} */
    const order = round % 2 === 0 ? ['action', 'floor'] : ['floor', 'action']
    for (const side of order) {
      const { measurement, problem } = await runOnce(setup, side)
      if (problem) failures.push({ side, problem })
      else runs[side].push(measurement)
    }
    setup.progress(`round ${round + 1}/${setup.runs}`)
  }
  return { runs, failures, comparison: compareRequests(warmAction.webhook, warmFloor.webhook) }
}
