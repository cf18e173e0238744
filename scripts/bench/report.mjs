// The bench's result as text for people (bench.mjs prints the same result as JSON with --json).
import { PHASES } from './phases.mjs'

const METHOD_TEXT = {
  preload:
    'process.resourceUsage() and /proc VmHWM at exit (node --require scripts/bench/preload.cjs, every side)',
  time: "/usr/bin/time -f '%e %U %S %M' (CPU to 10 ms; the peak is maxRSS, which keeps the forking parent's)"
}
const SIDE_LABELS = { floor: 'floor', action: 'dist/index.js', cli: 'dist/cli.js' }

/** @param {number} value @param {number} [digits] */
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–')
/** @param {number} bytes */
const bytes = bytes => `${bytes.toLocaleString('en-US')} B`
/** @param {string} name */
const labelOf = name => SIDE_LABELS[/** @type {keyof typeof SIDE_LABELS} */ (name)] ?? name

/**
 * @param {{ median: number, min: number, max: number }} stats
 * @param {(value: number) => string} show
 */
const spread = (stats, show) => `${show(stats.median)} (${show(stats.min)}–${show(stats.max)})`

/** @param {any} result the object bench.mjs builds */
export function formatReport(result) {
  const { machine } = result
  const lines = [
    `harness-trigger bench, ${result.date.slice(0, 10)}: ${machine.cpuModel}, ${machine.cores} cores, ` +
      `${machine.platform}; load average at start ${machine.loadAverage.join(' ')}`
  ]
  if (result.soak) return [...lines, '', ...soakLines(result.soak)].join('\n')
  lines.push(
    `Emulator over ${result.transport === 'https' ? 'HTTPS (self-signed, NODE_EXTRA_CA_CERTS on every side)' : 'plain HTTP'} ` +
      `on loopback; fire-and-forget with action.yml's defaults (summary on); ${result.runs} rounds ` +
      `alternating the order of the sides, medians (min–max); CPU and peak from ${METHOD_TEXT[/** @type {'preload' | 'time'} */ (result.method)]}`
  )
  for (const runtime of result.runtimes) {
    lines.push('')
    if (runtime.error) {
      lines.push(`${runtime.label}: not measured: ${runtime.error}`)
      continue
    }
    lines.push(`== ${runtime.label} (${runtime.version}) ==`)
    if (runtime.startup.error) lines.push(`Start-up: not measured: ${runtime.startup.error}`)
    else {
      lines.push(...startupTable(runtime.startup, result.targets))
      lines.push('')
      lines.push(...phaseTable(runtime.startup, result.phaseRuns))
    }
    lines.push('')
    lines.push(...waitLines(runtime.wait))
  }
  lines.push('')
  lines.push(`dist/ (.js files): ${bytes(result.dist.totalBytes)} in all`)
  for (const { file, bytes: size } of result.dist.files)
    lines.push(`  ${file.padEnd(24)} ${bytes(size)}`)
  return lines.join('\n')
}

/** @param {any} startup @param {Record<string, number>} targets */
function startupTable(startup, targets) {
  const entries = Object.keys(startup.sides).filter(name => name !== 'floor')
  const ms = (/** @type {number} */ value) => fixed(value)
  const mib = (/** @type {number} */ kib) => fixed(kib / 1024)
  /** @type {[string, string, (value: number) => string, string][]} */
  const rows = [
    ['wall time (ms)', 'wallMs', ms, 'wall'],
    ['CPU time (ms)', 'cpuMs', ms, 'cpu'],
    ['peak RSS (MiB)', 'maxRssKiB', mib, 'peak']
  ]
  const lines = [
    ''.padEnd(16) +
      'floor'.padEnd(22) +
      entries.map(name => `${labelOf(name).padEnd(22)}${'ratio'.padEnd(14)}`).join('') +
      'target'
  ]
  for (const [label, field, show, key] of rows) {
    let line = label.padEnd(16) + spread(startup.sides.floor[field], show).padEnd(22)
    for (const name of entries) {
      const ratio = startup.ratios[name]
      line +=
        spread(startup.sides[name][field], show).padEnd(22) +
        `${fixed(ratio[key], 2)}× ${ratio.pass[key] ? 'PASS' : 'MISS'}`.padEnd(14)
    }
    lines.push(line + `≤ ${targets[key]}×`)
  }
  lines.push(
    `(${Object.entries(startup.sides)
      .map(([name, side]) => `${side.wallMs.count} ${labelOf(name)}`)
      .join(' + ')} runs counted)`
  )
  for (const [name, comparison] of Object.entries(startup.comparison)) {
    const c = /** @type {any} */ (comparison)
    lines.push(
      `${labelOf(name)} vs floor: ${c.samePath ? 'same URL' : 'different URLs'}; body ` +
        `${bytes(c.entryBodyBytes)} vs ${bytes(c.floorBodyBytes)}; headers only it sends: ` +
        `${c.headersOnlyInEntry.join(', ') || 'none'}; only the floor: ${c.headersOnlyInFloor.join(', ') || 'none'}`
    )
  }
  for (const { side, problem } of startup.failures)
    lines.push(`Left out, a failed ${labelOf(side)} run: ${problem}`)
  return lines
}

/** Where the time goes, phase by phase: wall / CPU ms per side, and the built-ins each loads. */
function phaseTable(/** @type {any} */ startup, /** @type {number} */ phaseRuns) {
  const names = Object.keys(startup.sides)
  if (phaseRuns === 0) return ['Phases: not measured (--phase-runs 0)']
  const lines = [
    `Where the time goes: wall / CPU ms by phase, medians of ${phaseRuns} probed runs each ` +
      '(scripts/bench/phase-probe.cjs; a phase a side does not reach merges into the next)',
    'phase'.padEnd(50) + names.map(name => labelOf(name).padEnd(16)).join('')
  ]
  for (const [key, label] of PHASES) {
    if (!names.some(name => startup.sides[name].phases.phases[key])) continue
    let line = label.padEnd(50)
    for (const name of names) {
      const phase = startup.sides[name].phases.phases[key]
      line += (phase ? `${fixed(phase.wallMs)} / ${fixed(phase.cpuMs)}` : '').padEnd(16)
    }
    lines.push(line)
  }
  lines.push(
    'total (spawn to gone)'.padEnd(50) +
      names.map(name => fixed(startup.sides[name].phases.totalMs).padEnd(16)).join('')
  )
  for (const name of names) {
    const { builtins, builtinTotalMs } = startup.sides[name].phases
    const top = Object.entries(builtins)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 8)
      .map(([id, ms]) => `${id} ${fixed(ms)}`)
      .join(', ')
    lines.push(
      `built-ins ${labelOf(name)} loads (first load, ms): ${fixed(builtinTotalMs)} in all; ${top || 'none'}`
    )
  }
  return lines
}

/** @param {any} wait */
function waitLines(wait) {
  if (wait.skipped) return ['Wait run: skipped (--no-wait)']
  if (wait.error) return [`Wait run: broke: ${wait.error}`]
  const routes = Object.entries(wait.requestsByRoute)
    .map(([route, count]) => `${route} ${count}`)
    .join(', ')
  return [
    `Wait run: execution scripted as ${wait.scriptedReads - 1} × Running then Success, one step ` +
      `per read; poll-interval ${wait.pollIntervalMs} ms`,
    `  exit code ${wait.exitCode ?? wait.signal}; status output: ${wait.statusOutput ?? '(none)'}` +
      (wait.failure ? `; failure: ${wait.failure}` : ''),
    `  requests by route: ${routes || 'none'} (${wait.executionReads} execution reads)`,
    `  ${wait.waitRequests} requests in ${fixed(wait.waitMs / 1000)} s of waiting: ` +
      `${fixed(wait.requestsPerMinute)} per minute`,
    wait.terminalSeen
      ? `  terminal status served → process exit: ${fixed(wait.terminalToExitMs, 0)} ms`
      : '  the emulator never served the terminal status (is wait implemented in dist/?)'
  ]
}

/** @param {any} soak */
function soakLines(soak) {
  const mib = (/** @type {number} */ kib) => fixed(kib / 1024)
  const lines = [
    `Soak on ${soak.runtime} (${soak.version}): wait ${fixed(soak.durationMs / 60_000)} min at ` +
      `poll-interval ${soak.pollIntervalMs} ms; sampled every ${fixed(soak.sampleMs / 1000, 0)} s`,
    `  exit code ${soak.exitCode ?? soak.signal}; status output: ${soak.statusOutput ?? '(none)'}` +
      (soak.failure ? `; failure: ${soak.failure}` : ''),
    `  ${soak.executionReads} execution reads in ${fixed(soak.wallMs / 1000)} s; CPU ` +
      `${fixed(soak.cpuMs)} ms in all (start-up included), ${fixed(soak.cpuPerReadMs, 2)} ms per read ` +
      `while waiting (/proc, 10 ms ticks); peak RSS ${mib(soak.maxRssKiB)} MiB`,
    `  cadence: time between reads median ${fixed(soak.cadence.medianGapMs)} ms, mean ` +
      `${fixed(soak.cadence.meanGapMs)} ms, max ${fixed(soak.cadence.maxGapMs)} ms`,
    '  sample   at (s)   RSS (MiB)   CPU (ms)   reads   heap used / total (MiB)   external (MiB)'
  ]
  soak.samples.forEach((/** @type {any} */ sample, /** @type {number} */ i) => {
    const memory = soak.memory[i]
    const heap = memory
      ? `${fixed(memory.heapUsed / 1048576)} / ${fixed(memory.heapTotal / 1048576)}`
      : '–'
    lines.push(
      `  ${String(i + 1).padStart(6)}   ${fixed(sample.atMs / 1000, 0).padStart(6)}   ` +
        `${mib(sample.rssKiB).padStart(9)}   ${fixed(sample.cpuMs, 0).padStart(8)}   ` +
        `${String(sample.reads).padStart(5)}   ${heap.padStart(23)}   ` +
        `${memory ? fixed(memory.external / 1048576).padStart(14) : '–'}`
    )
  })
  lines.push(
    `  RSS growth, first sample to last: ${fixed(soak.rssGrowthKiB / 1024, 2)} MiB ` +
      `(${Math.abs(soak.rssGrowthKiB) <= 5 * 1024 ? 'within' : 'over'} 5 MiB)`
  )
  return lines
}
