// The wait run: one `wait: true` run of the action against an execution scripted to answer Running
// for `reads - 1` reads and then Success. It reports what the wait costs Harness (requests by
// route, requests per minute of waiting) and how fast the action leaves once the end is known (from
// the emulator's reply with the terminal status to the process's exit).
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { prepareStep, readStepFiles } from '../../emulator/index.js'
import { spawnAndWait } from './measure.mjs'
import { failureLine } from './startup.mjs'

const TERMINAL_STATUS = 'Success'

/**
 * The emulator calls its `log` option after writing each reply; the wait run listens there to
 * time the replies it cares about. Pass `hook.log` as the emulator's `log`.
 */
export function replyHook() {
  /** @type {(() => void) | undefined} */
  let listener
  return {
    log: () => listener?.(),
    /** @param {(() => void) | undefined} next */
    listen: next => {
      listener = next
    }
  }
}

/** @param {number} ms */
function durationInput(ms) {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`
}

/**
 * @param {{ emulator: import('../../emulator/index.js').Emulator, hook: ReturnType<typeof replyHook>,
 *   node: string, script: string, actionYml: string, scratchDir: string, inputs: Record<string, string>,
 *   env: Record<string, string>,
 *   reads: number, pollIntervalMs: number }} setup
 */
export async function measureWait(setup) {
  const { emulator, reads, pollIntervalMs } = setup
  const statuses = [...Array(Math.max(reads - 1, 0)).fill('Running'), TERMINAL_STATUS]
  emulator.reset({ execution: { statuses } })
  const step = prepareStep({
    actionYml: setup.actionYml,
    tempDir: join(setup.scratchDir, 'wait'),
    inputs: {
      ...setup.inputs,
      wait: 'true',
      'poll-interval': durationInput(pollIntervalMs),
      timeout: '10m',
      summary: 'true'
    },
    env: setup.env
  })

  /** @type {number | undefined} */
  let webhookAnsweredAt
  /** @type {number | undefined} */
  let terminalAnsweredAt
  setup.hook.listen(() => {
    const now = performance.now()
    if (webhookAnsweredAt === undefined && emulator.requestsTo('webhook').length > 0) {
      webhookAnsweredAt = now
    }
    const ended = emulator.executions.some(e => e.reads > 0 && e.status === TERMINAL_STATUS)
    if (terminalAnsweredAt === undefined && ended) terminalAnsweredAt = now
  })
  const killAfterMs = reads * pollIntervalMs * 4 + 60_000
  const run = await spawnAndWait(setup.node, [setup.script], step.env, killAfterMs)
  setup.hook.listen(undefined)

  const byRoute = countByRoute(emulator.requests)
  const waitRequests = emulator.requests.length - (byRoute.webhook ?? 0)
  const waitEnd = terminalAnsweredAt ?? run.exitedAt
  const waitMs = webhookAnsweredAt === undefined ? NaN : waitEnd - webhookAnsweredAt
  return {
    exitCode: run.code,
    signal: run.signal,
    failure: run.code === 0 ? undefined : failureLine(run),
    statusOutput: readOutputs(step.files).status,
    scriptedReads: reads,
    pollIntervalMs,
    executionReads: emulator.executions[0]?.reads ?? 0,
    requestsByRoute: byRoute,
    waitRequests,
    waitMs,
    requestsPerMinute: waitMs > 0 ? waitRequests / (waitMs / 60_000) : NaN,
    terminalSeen: terminalAnsweredAt !== undefined,
    terminalToExitMs: terminalAnsweredAt === undefined ? NaN : run.exitedAt - terminalAnsweredAt,
    wallMs: run.exitedAt - run.startedAt
  }
}

/** @param {import('../../emulator/index.js').RecordedRequest[]} requests */
function countByRoute(requests) {
  /** @type {Record<string, number>} */
  const counts = {}
  for (const request of requests) {
    const route = request.route ?? 'unknown'
    counts[route] = (counts[route] ?? 0) + 1
  }
  return counts
}

/** @param {import('../../emulator/index.js').RunnerFiles} files */
function readOutputs(files) {
  try {
    return readStepFiles(files).outputs
  } catch {
    return {}
  }
}
