import { getInput, getState, setSecret } from '@actions/core'
import { readFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { fileCommands } from './file-commands.js'
import type { ActionsCore, Runtime } from './runtime.js'
import { actionLog, toolkitPrinters } from './log-sinks.js'
import { Redactor } from '../core/redactor.js'

// Named imports, not the namespace: the bundler then leaves out the parts we never call (the OIDC client and its HTTP stack).
// Outputs, state and summary: see file-commands.ts (the toolkit's writers cost start-up time).
const core: ActionsCore = {
  getInput,
  setSecret,
  getState,
  ...toolkitPrinters,
  ...fileCommands
}
/** For the runtime's own few lines, which hold no secret and no answer. */
const log = actionLog(core, new Redactor())

/** The runtime of a real run: the toolkit, this process's signals, real time and sockets. */
export function processRuntime(): Runtime {
  const cancellation = new AbortController()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log.info(`Received ${signal}: the run is being cancelled.`)
      cancellation.abort()
    })
  }
  return {
    core,
    env: process.env,
    readEventPayload,
    cancelSignal: cancellation.signal,
    now: () => Date.now(),
    sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
    random: Math.random
  }
}

/**
 * Ends the process once stdout is flushed, instead of letting the event loop drain. Node's
 * teardown after a drained loop puts the default signal handlers back, so a runner's cancel
 * that lands in it killed the step by signal; `process.exit` keeps our handlers to the end. The
 * timer is for a pipe that never says it is flushed, or a socket an abandoned request still holds.
 */
export function exitWhenFlushed(): void {
  setTimeout(() => process.exit(), 1000).unref()
  process.stdout.write('', () => process.exit())
}

function readEventPayload(): Record<string, unknown> | undefined {
  const path = process.env.GITHUB_EVENT_PATH
  if (!path) return undefined
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    log.debug('Could not read the event payload at GITHUB_EVENT_PATH.')
    return undefined
  }
}
