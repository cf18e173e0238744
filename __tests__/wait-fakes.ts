import type {
  EventDetails,
  EventHistoryRecord,
  ExecutionSummary,
  StageSummary
} from '../src/harness/client.js'
import { HarnessApiError } from '../src/harness/client.js'
import { NetworkError } from '../src/harness/http/request.js'
import type { HarnessEndpoint, TriggerIds } from '../src/harness/urls.js'
import {
  waitForPipeline,
  type StartedExecution,
  type WaitRequest,
  type WaitResult
} from '../src/core/wait.js'

export const START = 1_700_000_000_000
const MAX_READS = 1_000

export const endpoint: HarnessEndpoint = {
  origin: 'https://app.harness.io',
  gateway: 'https://app.harness.io/gateway',
  ui: 'https://app.harness.io/ng/#'
}

export const ids: TriggerIds = {
  accountId: 'ACC',
  orgId: 'default',
  projectId: 'Shop',
  pipelineId: 'deploy',
  triggerId: 'gha'
}

export const EXECUTION_ID = 'exec_1'
export const BUILT_URL =
  'https://app.harness.io/ng/#/account/ACC/cd/orgs/default/projects/Shop/pipelines/deploy/executions/exec_1/pipeline'

/** An answer, or an error to throw in its place. */
export type Scripted<T> = T | Error

export const queued: EventDetails = { pending: true, status: 'QUEUED' }
export const notProcessed: EventDetails = { pending: true }
export const started: EventDetails = {
  pending: false,
  status: 'TARGET_EXECUTION_REQUESTED',
  message: 'Pipeline execution was requested successfully',
  pipelineExecutionId: EXECUTION_ID
}

export function execution(status: string, extra: Partial<ExecutionSummary> = {}): ExecutionSummary {
  return { status, planExecutionId: EXECUTION_ID, modules: ['cd'], stages: [], ...extra }
}

export function stage(
  name: string,
  status: string,
  extra: Partial<StageSummary> = {}
): StageSummary {
  return { nodeUuid: `uuid-${name}`, name, status, ...extra }
}

export const serverError = (): HarnessApiError =>
  new HarnessApiError('Harness had an internal error', 500, 'UNKNOWN_ERROR', true)
export const tooManyRequests = (): HarnessApiError =>
  new HarnessApiError('Too many requests', 429, undefined, true)
export const connectionReset = (): NetworkError =>
  new NetworkError('The connection to app.harness.io was reset', 'reset', true)
export const unauthorized = (): HarnessApiError =>
  new HarnessApiError('Invalid token or token expired', 401, 'INVALID_TOKEN', false)
export const notFound = (): HarnessApiError =>
  new HarnessApiError(
    'Plan Execution Summary does not exist or has been deleted',
    404,
    'ENTITY_NOT_FOUND',
    false
  )

export interface Script {
  details?: Scripted<EventDetails>[]
  history?: Scripted<EventHistoryRecord[]>[]
  executions?: Scripted<ExecutionSummary>[]
  /** answers from a function of the elapsed time, instead of `executions` */
  executionAt?: (elapsedMs: number) => Scripted<ExecutionSummary>
}

export interface Read {
  call: 'getEventDetails' | 'getEventHistory' | 'getExecution'
  /** ms since the wait began */
  at: number
}

export interface Run {
  result: WaitResult
  reads: Read[]
  sleeps: number[]
  logs: { level: 'info' | 'notice' | 'warning' | 'debug'; line: string }[]
  started: StartedExecution[]
  /** every event in order: reads, sleeps, the start callback */
  timeline: string[]
}

export interface RunOptions {
  request?: Partial<WaitRequest>
  /** called at the start of every sleep with the elapsed time; may abort the controller */
  duringSleep?: (elapsedMs: number, controller: AbortController) => void
  random?: () => number
  /** ms each read takes on the fake clock */
  readTakesMs?: number
}

/** Plays a script of answers; the last answer repeats once the script runs out. */
function player<T>(answers: Scripted<T>[] | undefined, name: string): () => Promise<T> {
  let next = 0
  return async () => {
    if (!answers || answers.length === 0) throw new Error(`unexpected ${name} read`)
    const answer = answers[Math.min(next, answers.length - 1)]
    next += 1
    if (answer instanceof Error) throw answer
    return structuredClone(answer)
  }
}

/** Runs waitForPipeline against a scripted client and a fake clock whose sleep takes no real time. */
export async function runWait(script: Script, options: RunOptions = {}): Promise<Run> {
  let now = START
  const elapsed = (): number => now - START
  const reads: Read[] = []
  const sleeps: number[] = []
  const timeline: string[] = []
  const logs: Run['logs'] = []
  const started: StartedExecution[] = []
  const controller = new AbortController()

  const nextDetails = player(script.details, 'getEventDetails')
  const nextHistory = player(script.history, 'getEventHistory')
  const nextExecution = player(script.executions, 'getExecution')

  const record = async <T>(call: Read['call'], answer: () => Promise<T>): Promise<T> => {
    // A wait that never ends should fail its test, not hang it.
    if (reads.length >= MAX_READS) throw new Error(`runaway wait: more than ${MAX_READS} reads`)
    reads.push({ call, at: elapsed() })
    timeline.push(call)
    now += options.readTakesMs ?? 0
    return answer()
  }

  const log =
    (level: Run['logs'][number]['level']) =>
    (line: string): void => {
      logs.push({ level, line })
    }

  const result = await waitForPipeline(
    {
      endpoint,
      ids,
      eventId: 'event-1',
      timeoutMs: 30 * 60_000,
      pollIntervalMs: 10_000,
      cancelSignal: controller.signal,
      onExecutionStarted: info => {
        started.push(info)
        timeline.push('started')
      },
      ...options.request
    },
    {
      client: {
        getEventDetails: () => record('getEventDetails', nextDetails),
        getEventHistory: () => record('getEventHistory', nextHistory),
        getExecution: () =>
          record('getExecution', async () => {
            if (!script.executionAt) return nextExecution()
            const answer = script.executionAt(elapsed())
            if (answer instanceof Error) throw answer
            return answer
          })
      },
      now: () => now,
      sleep: async (ms, signal) => {
        sleeps.push(ms)
        timeline.push(`sleep ${ms}`)
        if (signal.aborted) return
        options.duringSleep?.(elapsed(), controller)
        // An abort cuts the sleep short: only part of it passes.
        now += signal.aborted ? Math.floor(ms / 2) : ms
      },
      random: options.random ?? (() => 0.5),
      log: {
        info: log('info'),
        notice: log('notice'),
        warning: log('warning'),
        debug: log('debug')
      }
    }
  )
  return { result, reads, sleeps, logs, started, timeline }
}

export function linesAt(run: Run, level: Run['logs'][number]['level']): string[] {
  return run.logs.filter(entry => entry.level === level).map(entry => entry.line)
}

export function readsOf(run: Run, call: Read['call']): Read[] {
  return run.reads.filter(read => read.call === call)
}
