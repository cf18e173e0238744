// npm run bench [-- --runs N] [--phase-runs N] [--runtime all|current|24] [--json] [--https]
//                [--method preload|time] [--dist DIR] [--no-wait] [--wait-reads N] [--poll-ms MS]
// npm run bench -- --soak [--duration 30m] [--sample-every 60s] [--runtime 24|current]
//
// What the action's start-up costs, measured against the floor (scripts/floor.mjs: the least a
// correct trigger does: mask the secrets, POST with node:http, write the two outputs), as whole
// processes against the Harness emulator on loopback, on each runtime (the machine's Node and
// Node 24 from scripts/node24.sh), for each entry in dist/ (index.js; cli.js once it exists).
// Per runtime: N rounds that alternate the order of floor and entries (default 20); medians of
// wall time, CPU time and peak memory and their ratios to the floor, with the targets. Then as many
// probed rounds (scripts/bench/phase-probe.cjs) for where the time goes, phase by phase, and one
// wait run (`wait: true`, --wait-reads execution reads at --poll-ms): requests by route and the
// time from the terminal status to the process's exit.
//
// --soak: instead, one long wait (default 30 minutes at poll-interval 1s, on Node 24): RSS and CPU
// every --sample-every, CPU in all and per read, and the cadence of the reads.
//
// The action runs as the runner runs it: every input with a default in action.yml set (so the job
// summary is written, as for users), INPUT_* names as the runner spells them, the command files and
// event file of a push (emulator/runner.js). The CLI runs as GitLab CI would run it (HARNESS_*).
// CPU and peak memory: see scripts/bench/measure.mjs. --https serves the emulator over TLS with a
// throw-away certificate that every side trusts through NODE_EXTRA_CA_CERTS, as against the real
// Harness. --json prints the result as JSON on stdout (and the text on stderr). Plain Node, no
// dependencies; exit code 0 unless the bench cannot measure (no dist/, an entry that does not
// fire, a runtime asked for by name that cannot be had, a soak run that does not succeed).
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
import { summarizePhases } from './bench/phases.mjs'
import { formatReport } from './bench/report.mjs'
import { findRuntimes } from './bench/runtimes.mjs'
import { benchSides } from './bench/sides.mjs'
import { measureSoak } from './bench/soak.mjs'
import { ratio, summarize } from './bench/stats.mjs'
import { measureStartup } from './bench/startup.mjs'
import { bundleSizes, machine } from './bench/system.mjs'
import { selfSignedCertificate } from './bench/tls.mjs'
import { measureWait, replyHook } from './bench/wait-run.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** What we hold ourselves to (ratio to the floor, medians): issue 12. */
const TARGETS = { wall: 1.25, cpu: 1.25, peak: 1.1 }

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    'phase-runs': { type: 'string' },
    runtime: { type: 'string' },
    json: { type: 'boolean', default: false },
    https: { type: 'boolean', default: false },
    method: { type: 'string', default: 'preload' },
    dist: { type: 'string', default: join(ROOT, 'dist') },
    'no-wait': { type: 'boolean', default: false },
    'wait-reads': { type: 'string', default: '10' },
    'poll-ms': { type: 'string', default: '1000' },
    soak: { type: 'boolean', default: false },
    duration: { type: 'string', default: '30m' },
    'sample-every': { type: 'string', default: '60s' }
  }
})

const runs = positiveInteger('--runs', options.runs)
const phaseRuns =
  options['phase-runs'] === undefined ? runs : count('--phase-runs', options['phase-runs'])
const waitReads = positiveInteger('--wait-reads', options['wait-reads'])
const pollIntervalMs = positiveInteger('--poll-ms', options['poll-ms'])
const method = /** @type {'preload' | 'time'} */ (options.method)
if (!availableMethods().includes(method)) {
  stop(`--method must be one of: ${availableMethods().join(', ')}`)
}
const runtimeChoice = options.runtime ?? (options.soak ? '24' : 'all')
if (!['all', 'current', '24'].includes(runtimeChoice)) {
  stop(`--runtime must be all, current or 24; got '${runtimeChoice}'.`)
}
const distDir = resolve(options.dist)
const actionScript = join(distDir, 'index.js')
if (!existsSync(actionScript)) stop(`${actionScript} does not exist: run \`npm run bundle\` first.`)

const say = options.json ? console.error : console.log
const progress = (/** @type {string} */ line) => process.stderr.write(`\r${line}      `)

const runtimes = findRuntimes(runtimeChoice)
const result = {
  date: new Date().toISOString(),
  machine: machine(),
  method,
  runs,
  phaseRuns,
  transport: options.https ? 'https' : 'http',
  dist: bundleSizes(distDir),
  targets: TARGETS,
  /** @type {Record<string, unknown>[]} */
  runtimes: [],
  /** @type {Record<string, unknown> | undefined} */
  soak: undefined
}

const scratchDir = mkdtempSync(join(tmpdir(), 'harness-trigger-bench-'))
const hook = replyHook()
const certificate = options.https ? selfSignedCertificate(scratchDir) : undefined
const emulator = await startEmulator({ log: hook.log, tls: certificate })
/** @type {Record<string, string>} the runner's environment beyond what emulator/runner.js sets */
const env = certificate ? { NODE_EXTRA_CA_CERTS: certificate.certFile } : {}
/** The inputs a user sets; the rest are action.yml's defaults (the summary is on). */
const inputs = {
  'harness-url': emulator.url,
  'account-id': DEFAULT_ACCOUNT_ID,
  'org-id': DEFAULT_IDS.orgId,
  'project-id': DEFAULT_IDS.projectId,
  'pipeline-id': DEFAULT_IDS.pipelineId,
  'trigger-id': DEFAULT_IDS.triggerId,
  'webhook-token': DEFAULT_WEBHOOK_TOKEN,
  'api-key': DEFAULT_API_KEY,
  image: 'ghcr.io/acme/api:1.4.2'
}
const common = { emulator, actionYml: join(ROOT, 'action.yml'), scratchDir, inputs, env }
let broken = false

try {
  for (const runtime of runtimes) {
    if ('error' in runtime) {
      result.runtimes.push(runtime)
      if (runtimeChoice !== 'all') broken = true
      continue
    }
    if (options.soak) {
      const duration = durationMs('--duration', options.duration)
      result.soak = {
        runtime: runtime.label,
        version: runtime.version,
        ...(await measureSoak({
          ...common,
          node: runtime.node,
          script: actionScript,
          durationMs: duration,
          sampleMs: durationMs('--sample-every', options['sample-every']),
          pollIntervalMs,
          progress
        }))
      }
      if (result.soak.exitCode !== 0) broken = true
      break
    }
    /** @type {Record<string, unknown>} */
    const figures = { label: runtime.label, node: runtime.node, version: runtime.version }
    result.runtimes.push(figures)
    try {
      const measured = await measureStartup({
        ...common,
        method,
        node: runtime.node,
        sides: benchSides({ root: ROOT, distDir, env }),
        runs,
        phaseRuns,
        progress: line => progress(`${runtime.label}: ${line}`)
      })
      figures.startup = startupFigures(measured)
    } catch (error) {
      figures.startup = { error: messageOf(error) }
      broken = true
    }
    if (options['no-wait']) figures.wait = { skipped: true }
    else {
      progress(
        `${runtime.label}: wait run, about ${Math.round((waitReads * pollIntervalMs) / 1000)} s`
      )
      try {
        figures.wait = await measureWait({
          ...common,
          hook,
          node: runtime.node,
          script: actionScript,
          reads: waitReads,
          pollIntervalMs
        })
      } catch (error) {
        figures.wait = { error: messageOf(error) }
      }
    }
  }
} finally {
  process.stderr.write('\n')
  await emulator.close()
  rmSync(scratchDir, { recursive: true, force: true })
}

say(formatReport(result))
if (options.json) console.log(JSON.stringify(result, null, 2))
if (broken) process.exitCode = 1

/** @param {Awaited<ReturnType<typeof measureStartup>>} measured */
function startupFigures(measured) {
  /** @type {Record<string, unknown>} */
  const sides = {}
  for (const [name, list] of Object.entries(measured.runs)) {
    if (!list) continue
    sides[name] = {
      wallMs: summarize(list.map(run => run.wallMs)),
      cpuMs: summarize(list.map(run => run.cpuMs)),
      userMs: summarize(list.map(run => run.userMs)),
      systemMs: summarize(list.map(run => run.systemMs)),
      maxRssKiB: summarize(list.map(run => run.maxRssKiB)),
      phases: summarizePhases(
        measured.probes[/** @type {keyof typeof measured.probes} */ (name)] ?? []
      )
    }
  }
  const floor = /** @type {any} */ (sides.floor)
  /** @type {Record<string, unknown>} */
  const ratios = {}
  for (const [name, side] of Object.entries(sides)) {
    if (name === 'floor') continue
    const entry = /** @type {any} */ (side)
    const values = {
      wall: ratio(entry.wallMs.median, floor.wallMs.median),
      cpu: ratio(entry.cpuMs.median, floor.cpuMs.median),
      peak: ratio(entry.maxRssKiB.median, floor.maxRssKiB.median)
    }
    const pass = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        value <= TARGETS[/** @type {keyof typeof TARGETS} */ (key)]
      ])
    )
    ratios[name] = { ...values, pass }
  }
  return { sides, ratios, failures: measured.failures, comparison: measured.comparison }
}

/** @param {string} flag @param {string} text */
function positiveInteger(flag, text) {
  const value = count(flag, text)
  if (value < 1) stop(`${flag} must be a positive integer; got '${text}'.`)
  return value
}

/** @param {string} flag @param {string} text */
function count(flag, text) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0) stop(`${flag} must be a whole number; got '${text}'.`)
  return value
}

/** `500ms`, `10s`, `30m`, `1h`, or plain seconds. @param {string} flag @param {string} text */
function durationMs(flag, text) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim())
  if (!match) stop(`${flag} must be a duration such as 30m, 10s or 500ms; got '${text}'.`)
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000
  const value = Math.round(Number(match[1]) * unit)
  if (value < 1) stop(`${flag} must be longer than 0; got '${text}'.`)
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
