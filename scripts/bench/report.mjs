// The bench's result as text for people (bench.mjs prints the same result as JSON with --json).

const METHOD_TEXT = {
  preload:
    'process.resourceUsage() at exit, via `node --require scripts/bench/preload.cjs` on both sides',
  time: "/usr/bin/time -f '%e %U %S %M' (CPU to 10 ms)"
}

/** @param {number} value @param {number} [digits] */
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–')
/** @param {number} bytes */
const bytes = bytes => `${bytes.toLocaleString('en-US')} B`

/**
 * @param {{ median: number, min: number, max: number }} stats
 * @param {(value: number) => string} show
 */
const spread = (stats, show) => `${show(stats.median)} (${show(stats.min)}–${show(stats.max)})`

/** @param {{ limit: number, pass: boolean }} check */
const verdict = check => `≤${check.limit}× ${check.pass ? 'PASS' : 'MISS'}`

/** @param {any} result the object bench.mjs builds */
export function formatReport(result) {
  const lines = []
  const { machine, startup } = result
  lines.push('harness-trigger start-up bench: dist/index.js against the floor (scripts/floor.mjs)')
  lines.push(
    `${machine.node} on ${machine.platform}; ${machine.cpuModel}, ${machine.cores} cores; ` +
      `load average at start ${machine.loadAverage.join(' ')}`
  )
  lines.push(
    `Emulator over ${result.transport === 'https' ? 'HTTPS (self-signed, NODE_EXTRA_CA_CERTS on both sides)' : 'plain HTTP'} on loopback; ` +
      `${result.runs} runs each, alternating, medians (min–max); CPU and peak memory from ` +
      METHOD_TEXT[/** @type {'preload' | 'time'} */ (result.method)]
  )
  lines.push('')
  if (startup.error) lines.push(`Start-up: not measured: ${startup.error}`)
  else lines.push(...startupTable(startup))
  lines.push('')
  lines.push(`dist/ (.js files): ${bytes(result.dist.totalBytes)} in all`)
  for (const { file, bytes: size } of result.dist.files)
    lines.push(`  ${file.padEnd(24)} ${bytes(size)}`)
  lines.push('')
  lines.push(...waitLines(result.wait))
  return lines.join('\n')
}

/** @param {any} startup */
function startupTable(startup) {
  const { action, floor, ratios, targets, goals } = startup
  const ms = (/** @type {number} */ value) => fixed(value)
  const mib = (/** @type {number} */ kib) => fixed(kib / 1024)
  /** @type {[string, string, (value: number) => string, string][]} */
  const rows = [
    ['wall time (ms)', 'wallMs', ms, 'wall'],
    ['CPU time (ms)', 'cpuMs', ms, 'cpu'],
    ['peak RSS (MiB)', 'maxRssKiB', mib, 'peak']
  ]
  const lines = [
    `${''.padEnd(16)}${'dist/index.js'.padEnd(22)}${'floor'.padEnd(22)}${'ratio'.padEnd(8)}` +
      `${'target'.padEnd(13)}goal (performance.md)`
  ]
  for (const [label, field, show, key] of rows) {
    lines.push(
      label.padEnd(16) +
        spread(action[field], show).padEnd(22) +
        spread(floor[field], show).padEnd(22) +
        `${fixed(ratios[key], 2)}×`.padEnd(8) +
        verdict(targets[key]).padEnd(13) +
        verdict(goals[key])
    )
  }
  lines.push(`(${action.wallMs.count} + ${floor.wallMs.count} runs counted)`)
  const { comparison } = startup
  lines.push(
    `Requests: ${comparison.samePath ? 'same URL' : 'different URLs'}; body ` +
      `${bytes(comparison.actionBodyBytes)} (action) vs ${bytes(comparison.floorBodyBytes)} (floor); ` +
      `headers only the action sends: ${comparison.headersOnlyInAction.join(', ') || 'none'}; ` +
      `only the floor: ${comparison.headersOnlyInFloor.join(', ') || 'none'}`
  )
  for (const { side, problem } of startup.failures)
    lines.push(`Left out, a failed ${side} run: ${problem}`)
  return lines
}

/** @param {any} wait */
function waitLines(wait) {
  if (wait.skipped) return ['Wait run: skipped (--no-wait)']
  if (wait.error) return [`Wait run: broke: ${wait.error}`]
  const routes = Object.entries(wait.requestsByRoute)
    .map(([route, count]) => `${route} ${count}`)
    .join(', ')
  const lines = [
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
  return lines
}
