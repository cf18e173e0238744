// Loaded with `node --require` into every measured process (the action and the floor alike): when
// the process exits, it writes the process's own CPU time and peak memory where the bench reads
// them. Node cannot read a child's rusage, and /usr/bin/time prints CPU only to 10 ms. CommonJS and
// --require because that costs each process about 2 ms; an ESM preload (--import) costs about 5.
const { readFileSync, writeFileSync } = process.getBuiltinModule('node:fs')

const target = process.env.BENCH_USAGE_FILE
delete process.env.BENCH_USAGE_FILE

if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    const record = {
      userMs: usage.userCPUTime / 1000,
      systemMs: usage.systemCPUTime / 1000,
      maxRssKiB: ownPeakKiB() ?? usage.maxRSS
    }
    writeFileSync(target, JSON.stringify(record))
  })
}

/**
 * The peak of this program alone. Linux's maxRSS carries over the high-water mark of the process
 * before its exec, which for a spawned child is a fork of the parent: a child of a 300 MB parent
 * reports 300 MB. /proc's VmHWM belongs to the memory the exec'd program has; elsewhere, maxRSS.
 */
function ownPeakKiB() {
  try {
    const match = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}
