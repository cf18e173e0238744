// Outputs, state and the job summary as the runner takes them, written by the bundle itself.
//
// Why not @actions/core's setOutput, saveState and summary: setOutput and saveState make their
// heredoc delimiter with node:crypto, which the bundle then loads at start-up only for that
// (6 ms on Node 20, 10 ms on Node 24: most of what the action cost over the floor, see
// `npm run bench`); the summary writes through fs.promises, which loads more of Node and starts
// its thread pool. What replaces them is what the toolkit does, synchronously: the same
// `name<<delimiter` blocks (the delimiter 128 random bits, from /dev/urandom where it exists, else
// node:crypto; checked against the name and the value), the same files, the same errors, and
// the same workflow commands when the runner gives no file.
//
// Only the bundle uses these. Where src/ runs unbundled (jest; @github/local-action, which
// replaces the toolkit with stubs that record outputs and state), the toolkit's own functions are
// used: webpack folds `typeof __webpack_require__` to "function" at build time, so each side
// keeps only its own branch and the bundle holds no reference to the toolkit's writers.
import { saveState, setOutput, summary } from '@actions/core'
import {
  accessSync,
  appendFileSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { EOL } from 'node:os'
import type { ActionsCore } from './runtime.js'

declare const __webpack_require__: unknown

type FileCommands = Pick<ActionsCore, 'setOutput' | 'saveState' | 'summary'>

/** Random bytes for a delimiter: the kernel's, read as a file; node:crypto where there is none. */
export type RandomBytes = (size: number) => Uint8Array

export function randomBytesFromSystem(size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  try {
    const fd = openSync('/dev/urandom', 'r')
    try {
      if (readSync(fd, bytes, 0, size, null) === size) return bytes
    } finally {
      closeSync(fd)
    }
  } catch {
    // No /dev/urandom (Windows, a sandbox without /dev): fall through to node:crypto.
  }
  const { randomFillSync } = createRequire(import.meta.url)(
    'node:crypto'
  ) as typeof import('node:crypto')
  return randomFillSync(bytes)
}

/** `name<<delimiter`, the value, the delimiter: a block no value can end early. */
export function keyValueBlock(name: string, value: string, random: RandomBytes): string {
  const hex = Array.from(random(16), byte => byte.toString(16).padStart(2, '0')).join('')
  const delimiter = `ghadelimiter_${hex}`
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  }
  if (value.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`
}

/** Appends one block to the file the runner named (GITHUB_OUTPUT, GITHUB_STATE), as the toolkit does. */
function issueFileCommand(path: string, block: string): void {
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  appendFileSync(path, `${block}${EOL}`, { encoding: 'utf8' })
}

/** A workflow command, escaped as the toolkit escapes it: for a runner that gives no file. */
function issueCommand(command: string, name: string, value: string): void {
  const data = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const property = name
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C')
  process.stdout.write(`::${command} name=${property}::${data}${EOL}`)
}

/** The writers of the runner's files; `env` and `random` are parameters so tests can set them. */
export function runnerFileCommands(
  env: Record<string, string | undefined> = process.env,
  random: RandomBytes = randomBytesFromSystem
): FileCommands {
  return {
    setOutput(name, value) {
      const path = env.GITHUB_OUTPUT
      if (path) return issueFileCommand(path, keyValueBlock(name, value, random))
      process.stdout.write(EOL)
      issueCommand('set-output', name, value)
    },
    saveState(name, value) {
      const path = env.GITHUB_STATE
      if (path) return issueFileCommand(path, keyValueBlock(name, value, random))
      issueCommand('save-state', name, value)
    },
    summary: {
      addRaw(text, addEOL = false) {
        const chunk = addEOL ? `${text}${EOL}` : text
        return { write: async () => appendStepSummary(env.GITHUB_STEP_SUMMARY, chunk) }
      }
    }
  }
}

function appendStepSummary(path: string | undefined, text: string): void {
  if (!path) {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
    )
  }
  try {
    accessSync(path, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(
      `Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`
    )
  }
  appendFileSync(path, text, { encoding: 'utf8' })
}

/** The bundle's own writers; the toolkit's where src/ runs unbundled (see the top of this file). */
export const fileCommands: FileCommands =
  typeof __webpack_require__ === 'function'
    ? runnerFileCommands()
    : { setOutput, saveState, summary }
