// Loaded with `node --require` into every measured process (the action and the floor alike): when
// the process exits, it writes the process's own CPU time and peak memory where the bench reads
// them. Node cannot read a child's rusage, and /usr/bin/time prints CPU only to 10 ms. CommonJS and
// --require because that costs each process about 2 ms; an ESM preload (--import) costs about 5.
const { writeFileSync } = process.getBuiltinModule('node:fs')

const target = process.env.BENCH_USAGE_FILE
delete process.env.BENCH_USAGE_FILE

if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    const record = {
      userMs: usage.userCPUTime / 1000,
      systemMs: usage.systemCPUTime / 1000,
      maxRssKiB: usage.maxRSS
    }
    writeFileSync(target, JSON.stringify(record))
  })
}
