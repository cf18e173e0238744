// Where the time goes: the probed runs' milestones (scripts/bench/phase-probe.cjs) turned into
// phases, each the span from the milestone before it to its own, in wall and CPU time; medians
// over the runs of a side. A milestone a side never reaches (the floor has no summary, no run()
// mark) simply merges its span into the next phase, so the totals always add up.
import { median } from './stats.mjs'

/** Milestones in the order a fire-and-forget run reaches them, with the phase each one ends. */
export const PHASES = /** @type {const} */ ([
  ['spawn', 'spawn (until the child’s clock starts)'],
  ['preload', 'Node boot'],
  ['firstRequire', 'entry read, compiled, run to its first built-in'],
  ['mark:run', 'module top levels (toolkit, built-ins, ours)'],
  ['mask', 'settings and checks, first ::add-mask::'],
  ['request', 'to the request (body, client)'],
  ['responseEnd', 'the request (to the answer’s last byte)'],
  ['output', 'outputs written'],
  ['stdoutAfterAnswer', 'outputs printed'],
  ['summary', 'job summary'],
  ['exit', 'to the exit event'],
  ['gone', 'teardown (exit event to process gone)']
])

/**
 * One probed run as phases: `{ [milestone]: { wallMs, cpuMs } }`.
 * @param {import('./measure.mjs').ProbedRun} run
 */
export function phasesOf(run) {
  const probe = /** @type {import('./measure.mjs').ProbeRecord} */ (run.probe)
  /** @type {{ name: string, t: number, cpu: number | undefined }[]} */
  const points = [
    { name: 'spawn', t: 0, cpu: 0 },
    { name: 'gone', t: run.goneAt - probe.timeOrigin, cpu: undefined }
  ]
  const known = new Set(PHASES.map(([name]) => name))
  // Stdout after the answer is the outputs only for a side that has no GITHUB_OUTPUT to write.
  if ('output' in probe.milestones) known.delete('stdoutAfterAnswer')
  for (const [name, { t, cpu }] of Object.entries(probe.milestones)) {
    if (known.has(name)) points.push({ name, t, cpu })
  }
  points.sort((a, b) => a.t - b.t)
  /** @type {Record<string, { wallMs: number, cpuMs: number }>} */
  const phases = {}
  // The spawn phase: from this process's spawn() to the child's time origin.
  phases.spawn = { wallMs: probe.timeOrigin - run.spawnedAt, cpuMs: NaN }
  for (let i = 1; i < points.length; i++) {
    const [before, point] = [points[i - 1], points[i]]
    if (point.name === 'spawn') continue
    phases[point.name] = {
      wallMs: point.t - before.t,
      cpuMs: point.cpu === undefined || before.cpu === undefined ? NaN : point.cpu - before.cpu
    }
  }
  return phases
}

/**
 * Medians by phase and by built-in over a side's probed runs.
 * @param {import('./measure.mjs').ProbedRun[]} runs
 */
export function summarizePhases(runs) {
  const each = runs.map(phasesOf)
  /** @type {Record<string, { wallMs: number, cpuMs: number }>} */
  const phases = {}
  for (const [name] of PHASES) {
    const present = each.filter(run => name in run)
    if (present.length === 0) continue
    phases[name] = {
      wallMs: median(present.map(run => run[name].wallMs)),
      cpuMs: median(present.map(run => run[name].cpuMs))
    }
  }
  /** @type {Record<string, number>} first-load time of each built-in the script loaded */
  const builtins = {}
  const ids = new Set(runs.flatMap(run => Object.keys(run.probe?.builtins ?? {})))
  for (const id of ids) {
    builtins[id] = median(runs.map(run => run.probe?.builtins[id]?.ms ?? NaN))
  }
  const builtinTotalMs = median(
    runs.map(run => Object.values(run.probe?.builtins ?? {}).reduce((sum, b) => sum + b.ms, 0))
  )
  const totalMs = median(runs.map(run => run.goneAt - run.spawnedAt))
  return { runs: runs.length, phases, builtins, builtinTotalMs, totalMs }
}
