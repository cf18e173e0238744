/**
 * Runs the bundled action (`node dist/index.js`) the way the GitHub runner does, and returns what
 * a workflow would see: exit code, log, outputs, job summary, saved state, runner commands.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  prepareStep,
  readStepFiles,
  type Emulator,
  type GitHubEvent,
  type RecordedRequest,
  type RouteName
} from '../../emulator/index.js'
import { assertNoSecrets, secretsOfInputs } from './secrets.js'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const ACTION_ENTRY = join(REPO_ROOT, 'dist', 'index.js')
/** the post step's own entry (`runs.post`): it can never fire the trigger */
export const POST_ENTRY = join(REPO_ROOT, 'dist', 'post.js')

/** The runner's cancellation: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. */
export const RUNNER_SIGTERM_AFTER_MS = 7500
export const RUNNER_SIGKILL_AFTER_MS = 2500

export interface SignalPlan {
  name: 'SIGINT' | 'SIGTERM' | 'SIGKILL'
  /** ms after the start, or after `whenRequest` was seen */
  afterMs?: number
  /** wait until the emulator has recorded such a request (needs `emulator`) */
  whenRequest?: RouteName | ((request: RecordedRequest) => boolean)
}

export interface RunActionOptions {
  /** action inputs by their action.yml names; undefined removes a default */
  inputs?: Record<string, string | undefined>
  /** extra environment; undefined removes a variable */
  env?: Record<string, string | undefined>
  /** sets harness-url (unless harness-url or webhook-url is given) and GITHUB_API_URL to it */
  emulator?: Emulator
  /** default 20 s; the child is then killed and runAction throws (unless allowTimeout) */
  timeoutMs?: number
  /** return `timedOut: true` instead of throwing */
  allowTimeout?: boolean
  /** signals to send: one or several (SIGINT, then SIGTERM …) */
  signal?: SignalPlan | SignalPlan[]
  /**
   * the runner's whole cancellation sequence, starting as a SignalPlan would: SIGINT, then SIGTERM
   * and SIGKILL after the runner's delays (shorter ones may be given to keep a test fast)
   */
  cancel?: Omit<SignalPlan, 'name'> & { sigtermAfterMs?: number; sigkillAfterMs?: number }
  /** default main; post needs `state` (a previous run's `result.state`) */
  phase?: 'main' | 'post'
  state?: Record<string, string>
  /** the event behind GITHUB_EVENT_NAME/GITHUB_EVENT_PATH; default a push to main */
  event?: GitHubEvent
  /** more values the secret scan must not find, by origin */
  secrets?: Record<string, string>
  /** default `dist/index.js` */
  entry?: string
}

export interface ActionCommand {
  name: string
  properties: Record<string, string>
  message: string
}

export interface ActionResult {
  exitCode: number | null
  /** the signal that ended the child, if one did */
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  state: Record<string, string>
  /** what the step appended to GITHUB_ENV and GITHUB_PATH */
  env: Record<string, string>
  path: string[]
  /** `::name props::message` lines of stdout */
  commands: ActionCommand[]
  /** the inputs the step got (defaults included) */
  inputs: Record<string, string>
  /** signals sent, with ms since the start */
  signalsSent: Array<{ name: string; atMs: number }>
  durationMs: number
}

const unescapeData = (text: string) =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (text: string) =>
  unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',')

/** Parses the runner commands (`::error file=a,line=1::text`) of a log. */
export function parseCommands(stdout: string): ActionCommand[] {
  const commands: ActionCommand[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=')
      if (at > 0) properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1))
    }
    commands.push({ name: match[1], properties, message: unescapeData(match[3]) })
  }
  return commands
}

function signalPlans(options: RunActionOptions): SignalPlan[] {
  const plans = options.signal ? [options.signal].flat() : []
  if (options.cancel) {
    const { sigtermAfterMs, sigkillAfterMs, afterMs = 0, whenRequest } = options.cancel
    const sigterm = afterMs + (sigtermAfterMs ?? RUNNER_SIGTERM_AFTER_MS)
    const sigkill = sigterm + (sigkillAfterMs ?? RUNNER_SIGKILL_AFTER_MS)
    plans.push(
      { name: 'SIGINT', afterMs, whenRequest },
      { name: 'SIGTERM', afterMs: sigterm, whenRequest },
      { name: 'SIGKILL', afterMs: sigkill, whenRequest }
    )
  }
  return plans
}

function withEmulator(options: RunActionOptions) {
  const inputs = { ...options.inputs }
  const env = { ...options.env }
  if (options.emulator) {
    if (!('harness-url' in inputs) && !('webhook-url' in inputs)) {
      inputs['harness-url'] = options.emulator.url
    }
    if (!('GITHUB_API_URL' in env)) env.GITHUB_API_URL = options.emulator.url
  }
  return { inputs, env }
}

async function untilRequest(
  emulator: Emulator,
  match: NonNullable<SignalPlan['whenRequest']>,
  exited: () => boolean
): Promise<boolean> {
  const test = typeof match === 'function' ? match : (r: RecordedRequest) => r.route === match
  while (!exited()) {
    if (emulator.requests.some(test)) return true
    await new Promise(done => setTimeout(done, 10))
  }
  return false
}

/** Runs one phase of the action and scans everything it left for secrets. */
export async function runAction(options: RunActionOptions = {}): Promise<ActionResult> {
  const phase = options.phase ?? 'main'
  if (phase === 'post' && !options.state) {
    throw new Error("runAction: phase 'post' needs the state of a main run")
  }
  const plans = signalPlans(options)
  if (plans.some(plan => plan.whenRequest !== undefined) && !options.emulator) {
    throw new Error('runAction: signal.whenRequest needs the emulator option')
  }
  const tempDir = mkdtempSync(join(tmpdir(), 'harness-action-'))
  try {
    const { inputs, env } = withEmulator(options)
    const step = prepareStep({
      actionYml: join(REPO_ROOT, 'action.yml'),
      tempDir,
      inputs,
      env,
      state: phase === 'post' ? options.state : undefined,
      event: options.event
    })
    const result = await spawnStep(options, step.env, step.inputs)
    Object.assign(result, readStepFiles(step.files))
    assertNoSecrets(
      {
        stdout: result.stdout,
        stderr: result.stderr,
        summary: result.summary,
        ...prefixed('output', result.outputs),
        ...prefixed('state', result.state),
        ...prefixed('GITHUB_ENV', result.env)
      },
      { ...secretsOfInputs(step.inputs), ...options.secrets }
    )
    return result
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}

function prefixed(kind: string, values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [`${kind} ${name}`, value])
  )
}

function spawnStep(
  options: RunActionOptions,
  env: Record<string, string>,
  inputs: Record<string, string>
): Promise<ActionResult> {
  const timeoutMs = options.timeoutMs ?? 20000
  const started = Date.now()
  const child = spawn(
    process.execPath,
    [options.entry ?? (options.phase === 'post' ? POST_ENTRY : ACTION_ENTRY)],
    {
      cwd: env.GITHUB_WORKSPACE,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  let exited = false
  let timedOut = false
  const signalsSent: ActionResult['signalsSent'] = []
  const timers: NodeJS.Timeout[] = []

  const send = (name: SignalPlan['name']) => {
    if (exited) return
    signalsSent.push({ name, atMs: Date.now() - started })
    child.kill(name)
  }
  const plans = signalPlans(options)
  const emulator = options.emulator
  for (const plan of plans) {
    const later = () => {
      if (!exited) timers.push(setTimeout(() => send(plan.name), plan.afterMs ?? 0))
    }
    if (plan.whenRequest === undefined || !emulator) later()
    else void untilRequest(emulator, plan.whenRequest, () => exited).then(seen => seen && later())
  }
  timers.push(
    setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
  )

  return new Promise((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      exited = true
      timers.forEach(clearTimeout)
      const result: ActionResult = {
        exitCode,
        signal,
        timedOut,
        stdout,
        stderr,
        outputs: {},
        summary: '',
        state: {},
        env: {},
        path: [],
        commands: parseCommands(stdout),
        inputs,
        signalsSent,
        durationMs: Date.now() - started
      }
      if (timedOut && !options.allowTimeout) {
        reject(
          new Error(
            `The action did not exit within ${timeoutMs} ms and was killed.\n` +
              `--- stdout (end) ---\n${stdout.slice(-3000)}\n--- stderr (end) ---\n${stderr.slice(-3000)}`
          )
        )
      } else resolvePromise(result)
    })
  })
}
