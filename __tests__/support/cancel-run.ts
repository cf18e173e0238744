/**
 * One cancelled run of the bundled action as the runner does it: `node dist/index.js` with the
 * runner's signals at a chosen moment (a request reaching the emulator, a line of the log, a
 * time), then `node dist/post.js` with the state main left. Records what a cancellation test
 * needs: when the signal went, every request's time, the exit, the state.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  prepareStep,
  readStepFiles,
  type Emulator,
  type RecordedRequest,
  type RouteName
} from '../../emulator/index.js'
import {
  ACTION_ENTRY,
  POST_ENTRY,
  REPO_ROOT,
  RUNNER_SIGKILL_AFTER_MS,
  RUNNER_SIGTERM_AFTER_MS,
  parseCommands,
  type ActionCommand
} from '../helpers/run-action.js'
import { assertNoSecrets, secretsOfInputs } from '../helpers/secrets.js'

export type Moment =
  | { afterMs: number }
  | { request: RouteName | ((request: RecordedRequest) => boolean); thenMs?: number }
  | { stdout: RegExp; thenMs?: number }

export interface StepRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  state: Record<string, string>
  commands: ActionCommand[]
  startedAt: number
  endedAt: number
  /** epoch ms of each signal sent */
  signals: Array<{ name: string; at: number }>
}

export interface StepOptions {
  emulator?: Emulator
  inputs: Record<string, string | undefined>
  phase: 'main' | 'post'
  state?: Record<string, string>
  /** the first signal and when; the runner's SIGTERM and SIGKILL follow at its delays */
  first?: { name: 'SIGINT' | 'SIGTERM' | 'SIGKILL'; at: Moment }
  /** a second signal, e.g. SIGTERM while the abort is on its way */
  second?: { name: 'SIGTERM'; at: Moment }
  /** called right after the first signal was sent */
  onSignal?: () => void
  /** stop it regardless after this long (default 15 s) */
  limitMs?: number
}

export async function runStep(options: StepOptions): Promise<StepRun> {
  const tempDir = mkdtempSync(join(tmpdir(), 'harness-cancel-'))
  try {
    const step = prepareStep({
      actionYml: join(REPO_ROOT, 'action.yml'),
      tempDir,
      inputs: options.inputs,
      state: options.phase === 'post' ? options.state : undefined
    })
    const run = await spawnStep(options, step.env)
    const files = readStepFiles(step.files)
    const result = { ...run, ...pick(files) }
    assertNoSecrets(
      {
        stdout: result.stdout,
        stderr: result.stderr,
        summary: result.summary,
        ...Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [`output ${k}`, v])),
        ...Object.fromEntries(Object.entries(result.state).map(([k, v]) => [`state ${k}`, v]))
      },
      secretsOfInputs(step.inputs)
    )
    return result
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}

function pick(files: ReturnType<typeof readStepFiles>) {
  return { outputs: files.outputs, summary: files.summary, state: files.state }
}

function spawnStep(
  options: StepOptions,
  env: Record<string, string>
): Promise<Omit<StepRun, 'outputs' | 'summary' | 'state'>> {
  const startedAt = Date.now()
  const child = spawn(process.execPath, [options.phase === 'post' ? POST_ENTRY : ACTION_ENTRY], {
    cwd: env.GITHUB_WORKSPACE,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  let exited = false
  const timers: NodeJS.Timeout[] = []
  const signals: StepRun['signals'] = []
  const watchers: Array<() => void> = []
  const send = (name: NodeJS.Signals) => {
    if (exited) return
    signals.push({ name, at: Date.now() })
    child.kill(name)
  }
  const later = (ms: number, action: () => void) => {
    timers.push(setTimeout(action, ms))
  }
  /** calls `fire` once the moment has come (never after the child exited) */
  const when = (moment: Moment, fire: () => void) => {
    if ('afterMs' in moment) return later(moment.afterMs, fire)
    const thenMs = moment.thenMs ?? 0
    let done = false
    const check = () => {
      if (done || exited) return
      const seen =
        'stdout' in moment
          ? moment.stdout.test(stdout)
          : (options.emulator?.requests ?? []).some(
              typeof moment.request === 'function'
                ? moment.request
                : request => request.route === moment.request
            )
      if (!seen) return
      done = true
      if (thenMs > 0) later(thenMs, fire)
      else fire()
    }
    watchers.push(check)
    const poll = setInterval(check, 2)
    timers.push(poll as unknown as NodeJS.Timeout)
  }
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    watchers.forEach(check => check())
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))

  if (options.first) {
    const { name } = options.first
    when(options.first.at, () => {
      send(name)
      options.onSignal?.()
      if (name === 'SIGKILL') return
      // The runner's sequence after SIGINT: SIGTERM at 7.5 s, SIGKILL 2.5 s later.
      if (name === 'SIGINT') later(RUNNER_SIGTERM_AFTER_MS, () => send('SIGTERM'))
      later(RUNNER_SIGTERM_AFTER_MS + RUNNER_SIGKILL_AFTER_MS, () => send('SIGKILL'))
    })
  }
  if (options.second) when(options.second.at, () => send(options.second?.name ?? 'SIGTERM'))
  later(options.limitMs ?? 15000, () => send('SIGKILL'))

  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      exited = true
      timers.forEach(timer => clearTimeout(timer))
      timers.forEach(timer => clearInterval(timer))
      resolve({
        exitCode,
        signal,
        stdout,
        stderr,
        commands: parseCommands(stdout),
        startedAt,
        endedAt: Date.now(),
        signals
      })
    })
  })
}
