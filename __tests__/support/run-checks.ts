/**
 * What every fault, proxy and TLS test asks of a finished run: the messages it printed, and that
 * it ended the orderly way (its own exit code, in time, without a crash dump).
 */
import { expect } from '@jest/globals'
import { createServer } from 'node:net'
import {
  startEmulator,
  type ActionResult,
  type Emulator,
  type EmulatorOptions
} from '../helpers/index.js'

export const errorsOf = (result: ActionResult): string[] =>
  result.commands.filter(command => command.name === 'error').map(command => command.message)

export const warningsOf = (result: ActionResult): string[] =>
  result.commands.filter(command => command.name === 'warning').map(command => command.message)

/** The plain log lines (no runner commands). */
export const logLinesOf = (result: ActionResult): string[] =>
  result.stdout.split('\n').filter(line => line !== '' && !line.startsWith('::'))

/**
 * The step ended by itself (no kill, no test timeout) with 0 or 1, and nothing crashed on the way:
 * stderr is empty (no unhandled rejection, no stack trace, no Node warning), and no message the
 * runner shows holds a stack trace.
 */
export function expectOrderlyEnd(result: ActionResult): void {
  expect(result.timedOut).toBe(false)
  expect(result.signal).toBeNull()
  expect([0, 1]).toContain(result.exitCode)
  // Nothing the action does writes to stderr: anything there is Node's (a crash, a warning).
  expect(result.stderr).toBe('')
  const messages = result.commands.map(command => command.message).join('\n')
  expect(messages).not.toMatch(/^\s+at /m)
  expect(messages).not.toMatch(/unhandled/i)
  expect(logLinesOf(result).join('\n')).not.toMatch(/^\s+at /m)
}

/** A loopback port that nothing listens on: bound, noted, released. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  await new Promise(resolve => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port bound')
  return address.port
}

/** Runs `use` against an emulator of its own (so tests may run concurrently), then closes it. */
export async function withEmulator<T>(
  options: EmulatorOptions,
  use: (emulator: Emulator) => Promise<T>
): Promise<T> {
  const emulator = await startEmulator(options)
  try {
    return await use(emulator)
  } finally {
    await emulator.close()
  }
}
