/**
 * Runs the bundled command line (`node dist/cli.js`) as a CI job would: its own environment (the
 * CI's variables, HARNESS_*), a working directory, signals; returns what the job sees.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator, RecordedRequest, RouteName } from '../../emulator/index.js'
import { ACCOUNT_ID, API_KEY, IDS, WEBHOOK_TOKEN } from './fixtures.js'
import { REPO_ROOT } from './run-action.js'
import { assertNoSecrets, webhookUrlToken } from './secrets.js'

export const CLI_ENTRY = join(REPO_ROOT, 'dist', 'cli.js')

export interface CliSignal {
  name: 'SIGINT' | 'SIGTERM' | 'SIGKILL'
  /** ms after the start, or after `whenRequest` was seen */
  afterMs?: number
  whenRequest?: RouteName | ((request: RecordedRequest) => boolean)
}

export interface RunCliOptions {
  args?: string[]
  /** the whole environment besides PATH and HOME: nothing of this process leaks in */
  env?: Record<string, string | undefined>
  /** default: a fresh empty directory (not a Git checkout) */
  cwd?: string
  /** relative to cwd: read back after the run */
  outputFile?: string
  emulator?: Emulator
  signal?: CliSignal | CliSignal[]
  /** default 20 s: the child is then killed and runCli throws */
  timeoutMs?: number
  /** more values the secret scan must not find */
  secrets?: Record<string, string>
}

export interface CliResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** the --output-file's text, when the run left one */
  outputFile?: string
  /** with ms since the start, and the epoch ms (to compare with the emulator's request times) */
  signalsSent: Array<{ name: string; atMs: number; at: number }>
  durationMs: number
}

/** HARNESS_* that fire the default world's v3 trigger from identifiers, with the key. */
export function harnessEnv(emulator: Emulator): Record<string, string> {
  return {
    HARNESS_URL: emulator.url,
    HARNESS_ACCOUNT_ID: ACCOUNT_ID,
    HARNESS_ORG_ID: IDS.orgId,
    HARNESS_PROJECT_ID: IDS.projectId,
    HARNESS_PIPELINE_ID: IDS.pipelineId,
    HARNESS_TRIGGER_ID: IDS.triggerId,
    HARNESS_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    HARNESS_API_KEY: API_KEY
  }
}

/** The secrets among a run's variables and arguments, by origin. */
function secretsOf(
  env: Record<string, string | undefined>,
  args: string[]
): Record<string, string> {
  const secrets: Record<string, string> = {}
  for (const name of ['HARNESS_API_KEY', 'HARNESS_WEBHOOK_TOKEN']) {
    if (env[name]) secrets[name] = env[name]
  }
  const url = env.HARNESS_WEBHOOK_URL
  const token = url ? webhookUrlToken(url) : undefined
  if (token) secrets['the token of HARNESS_WEBHOOK_URL'] = token
  args.forEach((arg, index) => {
    const inline = /^--(api-key|webhook-token|webhook-url)=(.+)$/.exec(arg)
    const value =
      inline?.[2] ??
      (/^--(api-key|webhook-token|webhook-url)$/.test(arg) ? args[index + 1] : undefined)
    const option = inline ? `--${inline[1]}` : arg
    if (!value) return
    if (option === '--webhook-url') {
      const inUrl = webhookUrlToken(value)
      if (inUrl) secrets['the token of --webhook-url'] = inUrl
    } else secrets[option] = value
  })
  return secrets
}

/** Runs the command and scans stdout, stderr and the output file for secrets. */
export async function runCli(options: RunCliOptions = {}): Promise<CliResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'harness-cli-'))
  const cwd = options.cwd ?? scratch
  try {
    const env: Record<string, string> = {}
    for (const [name, value] of Object.entries({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...options.env
    })) {
      if (value !== undefined) env[name] = value
    }
    const args = options.args ?? []
    const result = await spawnCli(options, args, env, cwd)
    const file = options.outputFile ? join(cwd, options.outputFile) : undefined
    if (file && existsSync(file)) result.outputFile = readFileSync(file, 'utf8')
    assertNoSecrets(
      {
        stdout: result.stdout,
        stderr: result.stderr,
        'output file': result.outputFile ?? ''
      },
      { ...secretsOf(env, args), ...options.secrets }
    )
    return result
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function spawnCli(
  options: RunCliOptions,
  args: string[],
  env: Record<string, string>,
  cwd: string
): Promise<CliResult> {
  const timeoutMs = options.timeoutMs ?? 20000
  const started = Date.now()
  const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  let exited = false
  let timedOut = false
  const signalsSent: CliResult['signalsSent'] = []
  const timers: NodeJS.Timeout[] = []
  const send = (name: CliSignal['name']) => {
    if (exited) return
    signalsSent.push({ name, atMs: Date.now() - started, at: Date.now() })
    child.kill(name)
  }
  for (const plan of options.signal ? [options.signal].flat() : []) {
    const later = () => {
      if (!exited) timers.push(setTimeout(() => send(plan.name), plan.afterMs ?? 0))
    }
    const { emulator } = options
    if (plan.whenRequest === undefined) later()
    else if (!emulator) throw new Error('runCli: signal.whenRequest needs the emulator option')
    else {
      const match = plan.whenRequest
      const test =
        typeof match === 'function' ? match : (request: RecordedRequest) => request.route === match
      const look = () => {
        if (exited) return
        if (emulator.requests.some(test)) later()
        else timers.push(setTimeout(look, 10))
      }
      look()
    }
  }
  timers.push(
    setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
  )
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      exited = true
      timers.forEach(clearTimeout)
      if (timedOut) {
        reject(
          new Error(
            `harness-trigger did not exit within ${timeoutMs} ms and was killed.\n` +
              `--- stdout ---\n${stdout.slice(-3000)}\n--- stderr ---\n${stderr.slice(-3000)}`
          )
        )
        return
      }
      resolve({ exitCode, signal, stdout, stderr, signalsSent, durationMs: Date.now() - started })
    })
  })
}
