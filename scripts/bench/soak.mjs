// The soak run (`npm run bench -- --soak`): one `wait: true` run of the action against an execution
// that stays Running for the whole duration and then succeeds, at poll-interval 1s. Every sample
// period (a minute by default) it records the child's RSS and CPU from /proc, and the child's own
// view of its memory (scripts/bench/memory-probe.cjs: V8 heap, external, array buffers), so that
// growth can be placed. At the end: CPU in all and per read, and the cadence of the reads (the
// time between execution reads, as the emulator received them).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { prepareStep, readStepFiles } from '../../emulator/index.js'
import { median } from './stats.mjs'

const MEMORY_PROBE = fileURLToPath(new URL('./memory-probe.cjs', import.meta.url))
const USAGE_PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url))
/** clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux) */
const TICKS_PER_SECOND = 100

/** @param {number} pid */
function procSample(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1])
    // Fields after the command name (which may hold spaces, so split after its closing paren).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
    return { rssKiB, cpuMs }
  } catch {
    return undefined
  }
}

/**
 * @param {{ emulator: import('../../emulator/index.js').Emulator, node: string, script: string,
 *   actionYml: string, scratchDir: string, inputs: Record<string, string>,
 *   env: Record<string, string>, durationMs: number, sampleMs: number, pollIntervalMs: number,
 *   progress: (line: string) => void }} setup
 */
export async function measureSoak(setup) {
  const { emulator, durationMs, sampleMs, pollIntervalMs } = setup
  emulator.reset({ execution: { statuses: ['Running', 'Success'], stepMs: durationMs } })
  const tempDir = join(setup.scratchDir, 'soak')
  const step = prepareStep({
    actionYml: setup.actionYml,
    tempDir,
    inputs: {
      ...setup.inputs,
      wait: 'true',
      'poll-interval': `${pollIntervalMs}ms`,
      timeout: `${Math.ceil(durationMs / 1000) + 600}s`,
      summary: 'true'
    },
    env: setup.env
  })
  const memoryFile = join(tempDir, 'memory.jsonl')
  const usageFile = join(tempDir, 'usage.json')
  const child = spawn(
    setup.node,
    ['--require', USAGE_PRELOAD, '--require', MEMORY_PROBE, setup.script],
    {
      env: {
        ...step.env,
        BENCH_USAGE_FILE: usageFile,
        BENCH_MEMORY_FILE: memoryFile,
        BENCH_MEMORY_EVERY_MS: String(sampleMs)
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  const started = Date.now()
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += String(chunk)))
  child.stderr.on('data', chunk => (stderr += String(chunk)))

  /** @type {{ minute: number, atMs: number, rssKiB: number, cpuMs: number, reads: number }[]} */
  const samples = []
  const timer = setInterval(() => {
    const proc = child.pid === undefined ? undefined : procSample(child.pid)
    if (!proc) return
    const atMs = Date.now() - started
    const reads = emulator.executions[0]?.reads ?? 0
    samples.push({ minute: Math.round(atMs / sampleMs), atMs, ...proc, reads })
    setup.progress(
      `soak: ${Math.round(atMs / 1000)} s of ${Math.round(durationMs / 1000)} s, ` +
        `RSS ${(proc.rssKiB / 1024).toFixed(1)} MiB, ${reads} reads`
    )
  }, sampleMs)
  const killAfter = setTimeout(() => child.kill('SIGKILL'), durationMs + 15 * 60_000)
  const [code, signal] = await new Promise(resolve =>
    child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]))
  )
  clearInterval(timer)
  clearTimeout(killAfter)
  const wallMs = Date.now() - started

  const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : undefined
  const memory = existsSync(memoryFile)
    ? readFileSync(memoryFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line))
    : []
  const reads = emulator.requestsTo('execution').map(request => request.time)
  const gaps = reads.slice(1).map((time, i) => time - reads[i])
  const cpuMs = usage ? usage.userMs + usage.systemMs : (samples.at(-1)?.cpuMs ?? NaN)
  let status
  try {
    status = readStepFiles(step.files).outputs.status
  } catch {
    status = undefined
  }
  const first = samples[0]
  const last = samples.at(-1)
  // CPU of the wait alone: between the first and the last sample, per read made in between.
  const waitReads = first && last ? last.reads - first.reads : 0
  return {
    node: setup.node,
    durationMs,
    sampleMs,
    pollIntervalMs,
    exitCode: code,
    signal,
    failure: code === 0 ? undefined : (stderr.trim().split('\n').at(-1) ?? stdout.slice(-300)),
    statusOutput: status,
    wallMs,
    cpuMs,
    maxRssKiB: usage?.maxRssKiB ?? NaN,
    executionReads: reads.length,
    cpuPerReadMs: first && last && waitReads > 0 ? (last.cpuMs - first.cpuMs) / waitReads : NaN,
    cadence: {
      medianGapMs: median(gaps),
      meanGapMs: gaps.length ? (reads[reads.length - 1] - reads[0]) / gaps.length : NaN,
      maxGapMs: gaps.length ? Math.max(...gaps) : NaN
    },
    samples,
    memory,
    rssGrowthKiB: first && last ? last.rssKiB - first.rssKiB : NaN
  }
}
