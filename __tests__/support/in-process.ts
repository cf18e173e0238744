/**
 * Runs a phase's `run()` in this process through the `Runtime` seam: a recording stand-in for
 * `@actions/core`, real time and real sockets (the emulator on loopback), and a cancel signal the
 * test pulls when it wants.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { readActionDefaults } from '../../emulator/index.js'
import type { ActionsCore, Runtime } from '../../src/action/runtime.js'
import { REPO_ROOT } from '../helpers/run-action.js'

export interface PhaseRecord {
  lines: Array<{ level: 'info' | 'notice' | 'warning' | 'debug' | 'error'; text: string }>
  outputs: Record<string, string>
  /** every setOutput call, in order: each output must be written once */
  outputCalls: string[]
  state: Record<string, string>
  masked: string[]
  summary: string
  failed?: string
}

export interface InProcessOptions {
  inputs: Record<string, string | undefined>
  /** STATE_* as the runner gives them to the post step */
  state?: Record<string, string>
  env?: Record<string, string | undefined>
  /** pulled by the test to cancel, as SIGINT would */
  cancel?: AbortController
}

const actionDefaults = readActionDefaults(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'))

export function inProcessRuntime(options: InProcessOptions): {
  runtime: Runtime
  record: PhaseRecord
} {
  const record: PhaseRecord = {
    lines: [],
    outputs: {},
    outputCalls: [],
    state: { ...options.state },
    masked: [],
    summary: ''
  }
  const inputs: Record<string, string | undefined> = { ...actionDefaults, ...options.inputs }
  const core: ActionsCore = {
    getInput: name => inputs[name] ?? '',
    setSecret: secret => record.masked.push(secret),
    setOutput: (name, value) => {
      record.outputCalls.push(name)
      record.outputs[name] = value
    },
    setFailed: message => {
      record.failed = message
      record.lines.push({ level: 'error', text: message })
    },
    saveState: (name, value) => {
      record.state[name] = value
    },
    getState: name => options.state?.[name] ?? '',
    info: text => record.lines.push({ level: 'info', text }),
    notice: text => record.lines.push({ level: 'notice', text }),
    warning: text => record.lines.push({ level: 'warning', text }),
    debug: text => record.lines.push({ level: 'debug', text }),
    summary: {
      addRaw: text => ({
        write: async () => {
          record.summary += text
        }
      })
    }
  }
  const runtime: Runtime = {
    core,
    env: { GITHUB_SHA: 'f'.repeat(40), GITHUB_REPOSITORY: 'acme/api', ...options.env },
    readEventPayload: () => undefined,
    cancelSignal: (options.cancel ?? new AbortController()).signal,
    now: () => Date.now(),
    sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
    random: Math.random
  }
  return { runtime, record }
}

/** The text of every line at these levels. */
export function linesOf(record: PhaseRecord, ...levels: PhaseRecord['lines'][number]['level'][]) {
  return record.lines.filter(line => levels.includes(line.level)).map(line => line.text)
}
