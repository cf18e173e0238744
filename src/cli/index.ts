#!/usr/bin/env node
// Entry of dist/cli.js, the `harness-trigger` command: wires this process to run() and exits.
import { writeFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { gitIn } from './git.js'
import { run } from './main.js'

// A reader that stops early (`| head -1`) closes the pipe: not a failure of the run.
process.stdout.on('error', () => {})

const cancellation = new AbortController()
let cancelledBy: 'SIGINT' | 'SIGTERM' | undefined
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Later signals change nothing: the run is already ending as fast as the abort rules allow.
    if (cancelledBy) return
    cancelledBy = signal
    process.stderr.write(`Received ${signal}: the run is being cancelled.\n`)
    cancellation.abort()
  })
}

const code = await run(process.argv.slice(2), {
  env: process.env,
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  writeFile: (path, text) => writeFileSync(path, text),
  git: gitIn(process.cwd()),
  cancelSignal: cancellation.signal,
  cancelledBy: () => cancelledBy,
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
  random: Math.random
})

// An abandoned request may still hold a socket: exit once stdout and stderr are flushed (or soon,
// should a closed pipe never say so).
process.exitCode = code
setTimeout(() => process.exit(code), 1000).unref()
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
