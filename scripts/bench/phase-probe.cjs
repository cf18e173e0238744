// Loaded with `node --require` into the phase runs of `npm run bench` (never into the runs whose
// wall, CPU and peak are compared: it costs a millisecond or two of its own). It watches the
// process from outside the code under test and writes, at exit, when each milestone happened
// (performance.now(), and process.cpuUsage() for CPU by phase):
// - `preload`: Node has booted and is about to load the script;
// - `firstRequire`: the script's first built-in module (the entry has been read and compiled);
//   every built-in's first load is timed too (`builtins`), through Module._load (ncc's
//   createRequire) and process.getBuiltinModule;
// - `mark:<name>`: the script called globalThis[Symbol.for('harness-trigger.bench.mark')](name),
//   a hook that exists only while this probe is loaded (costs nothing otherwise);
// - `mask`: the first `::add-mask::` written to stdout; `request`: the first TCP connection
//   opened; `response` / `responseEnd`: the first answer's headers and last byte (both through
//   diagnostics_channel);
// - `output`, `state`, `summary`: the end of the last write to GITHUB_OUTPUT, GITHUB_STATE,
//   GITHUB_STEP_SUMMARY; `stdoutAfterAnswer`: the first stdout write after the answer (the CLI's
//   outputs); `exit`: the process's exit event.
const { performance } = process.getBuiltinModule('node:perf_hooks')
const fs = process.getBuiltinModule('node:fs')
const Module = process.getBuiltinModule('node:module')
const diagnostics = process.getBuiltinModule('node:diagnostics_channel')

const target = process.env.BENCH_PHASE_FILE
delete process.env.BENCH_PHASE_FILE

if (target) {
  /** @type {Record<string, { t: number, cpu: number }>} */
  const milestones = {}
  /** @type {Record<string, { ms: number, cpuMs: number }>} */
  const builtins = {}
  const cpuMs = () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  const now = () => ({ t: performance.now(), cpu: cpuMs() })
  const first = (/** @type {string} */ name) => {
    if (!(name in milestones)) milestones[name] = now()
  }
  const latest = (/** @type {string} */ name) => {
    milestones[name] = now()
  }
  first('preload')

  // Built-ins: the first load of each is timed; the first of all marks the entry's start.
  const timeBuiltin = (/** @type {string} */ request, /** @type {() => unknown} */ load) => {
    const id = request.replace(/^node:/, '')
    if (id in builtins || !Module.isBuiltin(request)) return load()
    first('firstRequire')
    const start = now()
    const loaded = load()
    const end = now()
    builtins[id] = { ms: end.t - start.t, cpuMs: end.cpu - start.cpu }
    return loaded
  }
  const originalLoad = Module._load
  Module._load = function (request, ...rest) {
    return timeBuiltin(request, () => originalLoad.call(this, request, ...rest))
  }
  const originalGetBuiltin = process.getBuiltinModule
  process.getBuiltinModule = id => timeBuiltin(id, () => originalGetBuiltin(id))

  Object.defineProperty(globalThis, Symbol.for('harness-trigger.bench.mark'), {
    value: (/** @type {string} */ name) => first(`mark:${name}`)
  })

  // stdout is created lazily by Node; wrap it when the script first touches it, not before.
  const stdoutGetter = Object.getOwnPropertyDescriptor(process, 'stdout')?.get
  if (stdoutGetter) {
    let wrapped = false
    Object.defineProperty(process, 'stdout', {
      configurable: true,
      enumerable: true,
      get() {
        const stream = stdoutGetter.call(process)
        if (!wrapped) {
          wrapped = true
          const write = stream.write
          stream.write = function (chunk, ...rest) {
            const text = String(chunk)
            if (text.includes('::add-mask::')) first('mask')
            if ('responseEnd' in milestones) first('stdoutAfterAnswer')
            return write.call(this, chunk, ...rest)
          }
        }
        return stream
      }
    })
  }

  // The request starts with its connection (however the script opens it: an agent, net.connect).
  diagnostics.subscribe('net.client.socket', () => first('request'))
  diagnostics.subscribe('http.client.response.finish', message => {
    if ('response' in milestones) return
    first('response')
    const { response } = /** @type {{ response: import('node:events').EventEmitter }} */ (message)
    // An 'end' listener does not switch the stream to flowing mode: the script reads as before.
    response.once('end', () => first('responseEnd'))
  })

  // The runner's command files: the end of the last write to each.
  const commandFiles = new Map(
    [
      ['output', process.env.GITHUB_OUTPUT],
      ['state', process.env.GITHUB_STATE],
      ['summary', process.env.GITHUB_STEP_SUMMARY]
    ]
      .filter(([, path]) => path)
      .map(([name, path]) => [path, /** @type {string} */ (name)])
  )
  const kindOf = (/** @type {unknown} */ path) =>
    typeof path === 'string' || path instanceof URL ? commandFiles.get(String(path)) : undefined
  /** @type {Map<number, string>} descriptors opened on a command file */
  const openFiles = new Map()
  const watchSync = (/** @type {string} */ name, /** @type {'path' | 'fd'} */ by) => {
    const original = fs[name]
    fs[name] = function (target, ...rest) {
      const result = original.call(this, target, ...rest)
      const kind = by === 'path' ? kindOf(target) : openFiles.get(target)
      if (kind) latest(kind)
      if (name === 'openSync' && kind) openFiles.set(result, kind)
      return result
    }
  }
  for (const name of ['appendFileSync', 'writeFileSync', 'openSync']) watchSync(name, 'path')
  for (const name of ['writeSync', 'closeSync']) watchSync(name, 'fd')
  for (const name of ['appendFile', 'writeFile']) {
    const original = fs.promises[name]
    fs.promises[name] = async function (path, ...rest) {
      const result = await original.call(this, path, ...rest)
      const kind = kindOf(path)
      if (kind) latest(kind)
      return result
    }
  }

  process.on('exit', () => {
    first('exit')
    fs.writeFileSync(
      target,
      JSON.stringify({ timeOrigin: performance.timeOrigin, milestones, builtins })
    )
  })
}
