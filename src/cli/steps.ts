/**
 * Fire, wait and settle for the command line, on the core as it stands (HarnessClient,
 * waitForPipeline, abortExecution). Kept apart so that front-end-neutral core functions with the
 * same rules can replace this module whole.
 */
import { HarnessClient, type WebhookAccepted } from '../harness/client.js'
import {
  NetworkError,
  sendRequest,
  type HttpRequest,
  type HttpResponse
} from '../harness/http/request.js'
import type { Redactor } from '../core/redactor.js'
import type { Settings } from '../core/settings.js'
import { abortExecution } from '../core/settle.js'
import { waitForPipeline, type StartedExecution, type WaitResult } from '../core/wait.js'
import type { CliLog } from './log.js'

/** What is left to say to Harness after a signal must be quick: CI systems kill soon after. */
const CANCEL_REQUEST_TIMEOUT_MS = 4000

export interface StepWorld {
  cancelSignal: AbortSignal
  now(): number
  /** resolves after ms, or early (without throwing) when signal aborts */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  random(): number
  send?: (request: HttpRequest) => Promise<HttpResponse>
}

export const NOT_SENT_MESSAGE =
  'The run was cancelled before the trigger was sent: nothing was deployed.'

export function harnessClient(
  settings: Settings,
  world: StepWorld,
  redactor: Redactor,
  log: CliLog
): HarnessClient {
  return new HarnessClient({
    endpoint: settings.endpoint,
    apiKey: settings.apiKey,
    redactor,
    log: line => log.info(line),
    // A signal cuts a retry backoff short; the send below then refuses to POST again.
    sleep: ms => world.sleep(ms, world.cancelSignal),
    send: cancellable(world.send ?? sendRequest, world.cancelSignal),
    requestTimeoutMs: settings.requestTimeoutMs
  })
}

/**
 * No POST leaves after the signal; a POST already on the wire is not recalled (its answer is
 * read). Any other request in flight is abandoned at once, so no one waits out a timeout.
 */
function cancellable(
  send: (request: HttpRequest) => Promise<HttpResponse>,
  signal: AbortSignal
): (request: HttpRequest) => Promise<HttpResponse> {
  return request => {
    if (request.method === 'POST') {
      return signal.aborted ? Promise.reject(new Error(NOT_SENT_MESSAGE)) : send(request)
    }
    if (signal.aborted) return Promise.reject(abandoned())
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abandoned())
      signal.addEventListener('abort', onAbort, { once: true })
      send(request)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort))
    })
  }
}

function abandoned(): NetworkError {
  return new NetworkError('the read was abandoned: the run is being cancelled', 'other', true)
}

export function fireTrigger(client: HarnessClient, settings: Settings): Promise<WebhookAccepted> {
  return client.fireWebhook(settings.webhookUrl, JSON.stringify(settings.body))
}

export function followPipeline(
  client: HarnessClient,
  settings: Settings,
  accepted: WebhookAccepted,
  world: StepWorld,
  log: CliLog,
  onExecutionStarted: (started: StartedExecution) => void
): Promise<WaitResult> {
  return waitForPipeline(
    {
      endpoint: settings.endpoint,
      ids: settings.ids,
      eventId: accepted.eventCorrelationId,
      timeoutMs: settings.timeoutMs,
      pollIntervalMs: settings.pollIntervalMs,
      cancelSignal: world.cancelSignal,
      onExecutionStarted
    },
    { client, now: world.now, sleep: world.sleep, random: world.random, log }
  )
}

export interface Settled {
  /** an abort was asked for */
  abortSent: boolean
  /** Harness took it (or the execution had already ended) */
  abortAccepted: boolean
}

/**
 * The abort policy: on cancel (with abort-on-cancel) and on timeout (with abort-on-timeout), abort
 * the execution; cancelled before its id was seen, one look at the event finds it first. There
 * is no post step behind the command line: what is not aborted here is left running, and said so.
 */
export async function settle(
  settings: Settings,
  accepted: WebhookAccepted,
  result: WaitResult,
  world: StepWorld,
  redactor: Redactor,
  log: CliLog
): Promise<Settled> {
  const cancelled = result.outcome === 'cancelled'
  const wanted =
    (cancelled && settings.abortOnCancel) ||
    (result.outcome === 'timeout' && settings.abortOnTimeout)
  if (!wanted) return { abortSent: false, abortAccepted: false }
  // Not the cancellable client: the signal has fired, and these requests must still go out.
  const client = new HarnessClient({
    endpoint: settings.endpoint,
    apiKey: settings.apiKey,
    redactor,
    log: line => log.info(line),
    send: world.send,
    requestTimeoutMs: cancelled ? CANCEL_REQUEST_TIMEOUT_MS : settings.requestTimeoutMs
  })
  if (!result.executionId && cancelled) {
    result.executionId = await executionStartedMeanwhile(client, settings, accepted)
  }
  if (!result.executionId) return { abortSent: false, abortAccepted: false }
  const abortAccepted = await abortExecution(client, settings.ids, result.executionId, log.info)
  if (!abortAccepted) {
    const where = result.executionUrl ? `: ${result.executionUrl}` : '.'
    log.warning(
      `Execution ${result.executionId} may still be running in Harness; abort it there${where}`
    )
  }
  return { abortSent: true, abortAccepted }
}

async function executionStartedMeanwhile(
  client: HarnessClient,
  settings: Settings,
  accepted: WebhookAccepted
): Promise<string | undefined> {
  try {
    const details = await client.getEventDetails(
      settings.ids.accountId,
      accepted.eventCorrelationId
    )
    return details.pipelineExecutionId || undefined
  } catch {
    return undefined
  }
}
