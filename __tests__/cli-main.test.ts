/** run() of the command line in process, against the emulator: what the dist tests cannot reach. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ExitCode, run, type CliWorld } from '../src/cli/main.js'
import { VERSION } from '../src/cli/version.js'
import { startEmulator, type Emulator } from './helpers/index.js'
import { harnessEnv } from './helpers/run-cli.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

function world(env: Record<string, string>, writeFile?: CliWorld['writeFile']) {
  const seen = { stdout: '', stderr: '', files: new Map<string, string>() }
  const value: CliWorld = {
    env,
    stdout: text => (seen.stdout += text),
    stderr: text => (seen.stderr += text),
    writeFile: writeFile ?? ((path, text) => seen.files.set(path, text)),
    git: () => undefined,
    cancelSignal: new AbortController().signal,
    cancelledBy: () => undefined,
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    random: () => 0.5
  }
  return { value, seen }
}

describe('run()', () => {
  it('--version prints the version alone on stdout', async () => {
    const { value, seen } = world({})
    expect(await run(['--version'], value)).toBe(ExitCode.Ok)
    expect(seen).toMatchObject({ stdout: `${VERSION}\n`, stderr: '' })
  })

  it('an accepted trigger whose --output-file cannot be written fails the run (exit 1)', async () => {
    const { value, seen } = world({ ...harnessEnv(emulator) }, () => {
      throw new Error('EROFS: read-only file system')
    })
    expect(await run(['--output-file', '/ro/out.env'], value)).toBe(ExitCode.Failed)
    expect(seen.stderr).toContain('Could not write --output-file /ro/out.env: EROFS')
    expect(JSON.parse(seen.stdout)).toHaveProperty('eventCorrelationId')
  })

  it('writes the output file as soon as the trigger is accepted, and again at the end', async () => {
    const { value, seen } = world({ ...harnessEnv(emulator), HARNESS_OUTPUT_FILE: 'o.env' })
    const writes: string[] = []
    value.writeFile = (_path, text) => writes.push(text)
    expect(await run(['--wait', '--poll-interval=200ms'], value)).toBe(ExitCode.Ok)
    expect(writes[0]).toMatch(/^eventCorrelationId=/)
    expect(writes[0]).not.toContain('status=')
    expect(writes.at(-1)).toContain('status=Success\n')
    expect(seen.stdout).toContain('"status":"Success"')
  })

  it('a usage error prints nothing on stdout and exits 2', async () => {
    const { value, seen } = world({})
    expect(await run(['positional'], value)).toBe(ExitCode.InputError)
    expect(seen.stdout).toBe('')
    expect(seen.stderr).toMatch(/^error: unexpected argument #1/)
  })
})
