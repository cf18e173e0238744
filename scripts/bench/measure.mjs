// Runs one Node script as a child process (with the Node binary given) and measures the whole
// process: wall time from spawn to exit, CPU time (user + system) and peak memory. Two ways to get
// CPU and memory:
// - `preload` (default): `node --require preload.cjs`, which writes process.resourceUsage()'s CPU
//   and /proc's VmHWM on exit (microsecond CPU; misses only the teardown after the exit event; adds
//   about 2 ms to each side);
// - `time`: `/usr/bin/time -f '%e %U %S %M'`, the kernel's rusage of the whole process, but CPU in
//   whole centiseconds, coarse next to a 50 ms process, and a peak (maxRSS) that on Linux keeps the
//   high-water mark of the parent the child was forked from.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

export const TIME_BINARY = '/usr/bin/time'
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url))
const PHASE_PROBE = fileURLToPath(new URL('./phase-probe.cjs', import.meta.url))

/** @returns {('preload' | 'time')[]} the methods this machine offers */
export function availableMethods() {
  return existsSync(TIME_BINARY) ? ['preload', 'time'] : ['preload']
}

/**
 * @typedef {{ wallMs: number, userMs: number, systemMs: number, cpuMs: number, maxRssKiB: number,
 *   code: number | null, signal: string | null, stdout: string, stderr: string,
 *   startedAt: number, exitedAt: number }} Measurement
 * `startedAt`/`exitedAt` are performance.now() values of this process.
 */

/**
 * @param {{ node: string, method: 'preload' | 'time', script: string, env: Record<string, string>,
 *   scratchDir: string, timeoutMs: number }} options
 * @returns {Promise<Measurement>}
 */
export async function runMeasured({ node, method, script, env, scratchDir, timeoutMs }) {
  const usageFile = join(scratchDir, 'usage')
  rmSync(usageFile, { force: true })
  const [command, args, childEnv] =
    method === 'time'
      ? [TIME_BINARY, ['-o', usageFile, '-f', '%e %U %S %M', node, script], env]
      : [node, ['--require', PRELOAD, script], { ...env, BENCH_USAGE_FILE: usageFile }]
  const run = await spawnAndWait(command, args, childEnv, timeoutMs)
  const usage = method === 'time' ? readTimeUsage(usageFile) : readPreloadUsage(usageFile)
  return {
    ...run,
    wallMs: run.exitedAt - run.startedAt,
    ...usage,
    cpuMs: usage.userMs + usage.systemMs
  }
}

/**
 * @typedef {{ timeOrigin: number, milestones: Record<string, { t: number, cpu: number }>,
 *   builtins: Record<string, { ms: number, cpuMs: number }> }} ProbeRecord
 * @typedef {Awaited<ReturnType<typeof spawnAndWait>> & { probe?: ProbeRecord,
 *   spawnedAt: number, goneAt: number }} ProbedRun
 * `spawnedAt`/`goneAt`: absolute times (ms since the epoch, as performance.timeOrigin) of the
 * spawn and of the child's exit as this process saw them.
 */

/**
 * One run under scripts/bench/phase-probe.cjs: when each milestone of the child happened.
 * @param {{ node: string, script: string, env: Record<string, string>, scratchDir: string,
 *   timeoutMs: number }} options
 * @returns {Promise<ProbedRun>}
 */
export async function runProbed({ node, script, env, scratchDir, timeoutMs }) {
  const probeFile = join(scratchDir, 'phases.json')
  rmSync(probeFile, { force: true })
  const run = await spawnAndWait(
    node,
    ['--require', PHASE_PROBE, script],
    { ...env, BENCH_PHASE_FILE: probeFile },
    timeoutMs
  )
  const probe = existsSync(probeFile) ? JSON.parse(readFileSync(probeFile, 'utf8')) : undefined
  return {
    ...run,
    probe,
    spawnedAt: performance.timeOrigin + run.startedAt,
    goneAt: performance.timeOrigin + run.exitedAt
  }
}

/**
 * Spawns without a shell, collects the output, and kills the child if it outlives `timeoutMs`.
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @param {number} timeoutMs
 */
export function spawnAndWait(command, args, env, timeoutMs) {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now()
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let exitedAt = 0
    /** @type {Buffer[]} */
    const out = []
    /** @type {Buffer[]} */
    const err = []
    child.stdout.on('data', chunk => out.push(chunk))
    child.stderr.on('data', chunk => err.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', () => {
      exitedAt = performance.now()
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        startedAt,
        exitedAt: exitedAt || performance.now()
      })
    })
  })
}

/** @param {string} file */
function readPreloadUsage(file) {
  if (!existsSync(file)) return { userMs: NaN, systemMs: NaN, maxRssKiB: NaN }
  const { userMs, systemMs, maxRssKiB } = JSON.parse(readFileSync(file, 'utf8'))
  return { userMs, systemMs, maxRssKiB }
}

/** @param {string} file GNU time's output; its last line is ours ("Command exited with…" may precede it) */
function readTimeUsage(file) {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : []
  const fields = (lines.at(-1) ?? '').trim().split(/\s+/).map(Number)
  if (fields.length !== 4 || fields.some(Number.isNaN)) {
    return { userMs: NaN, systemMs: NaN, maxRssKiB: NaN }
  }
  const [, user, system, maxRssKiB] = fields
  return { userMs: user * 1000, systemMs: system * 1000, maxRssKiB }
}
