// Loaded with `node --require` into the soak run: every BENCH_MEMORY_EVERY_MS it appends the
// process's own memory figures (RSS, V8 heap used and total, external, array buffers) to
// BENCH_MEMORY_FILE as one JSON line, so a growing RSS can be told apart: JS heap or outside it.
// The timer is unref'd: it never keeps the process alive.
const { appendFileSync } = process.getBuiltinModule('node:fs')

const target = process.env.BENCH_MEMORY_FILE
const everyMs = Number(process.env.BENCH_MEMORY_EVERY_MS)
delete process.env.BENCH_MEMORY_FILE
delete process.env.BENCH_MEMORY_EVERY_MS

if (target && everyMs > 0) {
  const started = Date.now()
  const sample = () => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage()
    const { user, system } = process.cpuUsage()
    const line = { atMs: Date.now() - started, rss, heapUsed, heapTotal, external, arrayBuffers }
    appendFileSync(target, JSON.stringify({ ...line, cpuMs: (user + system) / 1000 }) + '\n')
  }
  setInterval(sample, everyMs).unref()
  process.on('exit', sample)
}
