// npm run bench [-- --runs N] [--json] [--method preload|time] [--https] [--dist DIR] [--no-wait]
//                [--wait-reads N] [--poll-ms MS]
//
// What the action's start-up costs, measured against the floor (scripts/floor.mjs: the same POST
// with node:http and nothing else), both as whole processes against the Harness emulator on
// loopback, alternating, N runs each (default 15); medians of wall time, CPU time and peak memory,
// their ratios to the floor with the targets, the size of dist/, and the machine. Then one wait
// run (`wait: true`, an execution that ends after --wait-reads reads): requests by route, requests
// per minute of waiting, and the time from the terminal status's reply to the process's exit.
//
// The action runs as the runner runs it: every input with a default in action.yml set, INPUT_*
// names as the runner spells them, the command files and event file of a push (emulator/runner.js).
// CPU time and peak memory: see scripts/bench/measure.mjs (default: process.resourceUsage() at
// exit through a preload on both sides; --method time uses /usr/bin/time, coarser).
// --https serves the emulator over TLS with a throw-away certificate (openssl) that both sides trust
// through NODE_EXTRA_CA_CERTS, as against the real Harness: plain HTTP lets the floor skip loading
// TLS, which the action always loads (its URLs are https in real use).
// --json prints the result as JSON on stdout (and the text on stderr). Plain Node, no dependencies;
// exit code 0 unless the bench itself cannot measure (no dist/, or dist/index.js does not fire).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_KEY,
  DEFAULT_IDS,
  DEFAULT_WEBHOOK_TOKEN,
  startEmulator
} from '../emulator/index.js'
import { availableMethods } from './bench/measure.mjs'
import { formatReport } from './bench/report.mjs'
import { ratio, summarize } from './bench/stats.mjs'
import { measureStartup } from './bench/startup.mjs'
import { bundleSizes, machine } from './bench/system.mjs'
import { selfSignedCertificate } from './bench/tls.mjs'
import { measureWait, replyHook } from './bench/wait-run.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** What we hold ourselves to (ratio to the floor, medians). */
const TARGETS = { wall: 1.5, cpu: 1.5, peak: 1.2 }
/** The stricter goal ../shared/performance.md set, shown beside the targets. */
const GOALS = { wall: 1.2, cpu: 1.2, peak: 1.05 }

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    json: { type: 'boolean', default: false },
    https: { type: 'boolean', default: false },
    method: { type: 'string', default: 'preload' },
    dist: { type: 'string', default: join(ROOT, 'dist') },
    'no-wait': { type: 'boolean', default: false },
    'wait-reads': { type: 'string', default: '20' },
    'poll-ms': { type: 'string', default: '1000' }
  }
})

const runs = positiveInteger('--runs', options.runs)
const waitReads = positiveInteger('--wait-reads', options['wait-reads'])
const pollIntervalMs = positiveInteger('--poll-ms', options['poll-ms'])
const method = /** @type {'preload' | 'time'} */ (options.method)
if (!availableMethods().includes(method)) {
  stop(`--method must be one of: ${availableMethods().join(', ')}`)
}
const distDir = resolve(options.dist)
const actionScript = join(distDir, 'index.js')
if (!existsSync(actionScript)) stop(`${actionScript} does not exist: run \`npm run bundle\` first.`)

const say = options.json ? console.error : console.log
const progress = (/** @type {string} */ line) => process.stderr.write(`\r${line}   `)

const result = {
  date: new Date().toISOString(),
  machine: machine(),
  method,
  runs,
  transport: options.https ? 'https' : 'http',
  dist: bundleSizes(distDir),
  startup: /** @type {Record<string, unknown>} */ ({}),
  wait: /** @type {Record<string, unknown>} */ ({})
}

const scratchDir = mkdtempSync(join(tmpdir(), 'harness-trigger-bench-'))
const hook = replyHook()
const certificate = options.https ? selfSignedCertificate(scratchDir) : undefined
const emulator = await startEmulator({ log: hook.log, tls: certificate })
/** @type {Record<string, string>} the runner's environment beyond what emulator/runner.js sets */
const env = certificate ? { NODE_EXTRA_CA_CERTS: certificate.certFile } : {}
const inputs = {
  'harness-url': emulator.url,
  'account-id': DEFAULT_ACCOUNT_ID,
  'org-id': DEFAULT_IDS.orgId,
  'project-id': DEFAULT_IDS.projectId,
  'pipeline-id': DEFAULT_IDS.pipelineId,
  'trigger-id': DEFAULT_IDS.triggerId,
  'webhook-token': DEFAULT_WEBHOOK_TOKEN,
  'api-key': DEFAULT_API_KEY,
  image: 'ghcr.io/acme/api:1.4.2',
  wait: 'false',
  summary: 'false'
}
const common = { emulator, actionYml: join(ROOT, 'action.yml'), scratchDir, inputs, env }

try {
  try {
    const measured = await measureStartup({
      ...common,
      method,
      runs,
      scripts: { action: actionScript, floor: join(ROOT, 'scripts', 'floor.mjs') },
      progress
    })
    result.startup = startupFigures(measured)
  } catch (error) {
    result.startup = { error: messageOf(error) }
  }
  if (options['no-wait']) result.wait = { skipped: true }
  else {
    progress(`wait run: about ${Math.round((waitReads * pollIntervalMs) / 1000)} s`)
    try {
      result.wait = await measureWait({
        ...common,
        hook,
        script: actionScript,
        reads: waitReads,
        pollIntervalMs
      })
    } catch (error) {
      result.wait = { error: messageOf(error) }
    }
  }
} finally {
  process.stderr.write('\n')
  await emulator.close()
  rmSync(scratchDir, { recursive: true, force: true })
}

say(formatReport(result))
if (options.json) console.log(JSON.stringify(result, null, 2))
if (result.startup.error) process.exitCode = 1

/** @param {Awaited<ReturnType<typeof measureStartup>>} measured */
function startupFigures(measured) {
  const side = (/** @type {import('./bench/measure.mjs').Measurement[]} */ list) => ({
    wallMs: summarize(list.map(run => run.wallMs)),
    cpuMs: summarize(list.map(run => run.cpuMs)),
    userMs: summarize(list.map(run => run.userMs)),
    systemMs: summarize(list.map(run => run.systemMs)),
    maxRssKiB: summarize(list.map(run => run.maxRssKiB))
  })
  const action = side(measured.runs.action)
  const floor = side(measured.runs.floor)
  const ratios = {
    wall: ratio(action.wallMs.median, floor.wallMs.median),
    cpu: ratio(action.cpuMs.median, floor.cpuMs.median),
    peak: ratio(action.maxRssKiB.median, floor.maxRssKiB.median)
  }
  const check = (/** @type {Record<keyof typeof ratios, number>} */ limits) =>
    Object.fromEntries(
      Object.entries(ratios).map(([key, value]) => {
        const limit = limits[/** @type {keyof typeof ratios} */ (key)]
        return [key, { limit, pass: value <= limit }]
      })
    )
  return {
    action,
    floor,
    ratios,
    targets: check(TARGETS),
    goals: check(GOALS),
    failures: measured.failures,
    comparison: measured.comparison
  }
}

/** @param {string} flag @param {string} text */
function positiveInteger(flag, text) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1)
    stop(`${flag} must be a positive integer; got '${text}'.`)
  return value
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error)
}

/** @param {string} message @returns {never} */
function stop(message) {
  console.error(`bench: ${message}`)
  process.exit(1)
}
