import { NetworkError, sendRequest, type HttpRequest, type HttpResponse } from './http/request.js'
import {
  abortUrl,
  eventDetailsUrl,
  eventHistoryUrl,
  executionApiUrl,
  isSameOrigin,
  processingDetailsUrl,
  type HarnessEndpoint,
  type ProjectScope
} from './urls.js'
import {
  describeShapeProblem,
  describeUnsuccessfulAnswer,
  readEnvelope,
  type EnvelopeReading
} from './envelope.js'
import { redactStrings } from './answer-redaction.js'
import {
  eventDetailsFrom,
  eventHistoryFrom,
  executionSummaryFrom,
  processingDetailsFrom,
  ShapeProblem,
  webhookAcceptedFrom
} from './client-shapes.js'
import { deniedPermission, retiredWebhookUrl, type KnownAnswer } from './known-answers.js'
import { messageOf } from './plain.js'
import { doubledDelay, withJitter } from './backoff.js'

/** What Harness returned for an accepted trigger POST (v2/v3 `NGProcessWebhookResponse`). */

/** Takes the secrets the client is given and removes them from every text it lets out. */
export interface SecretRedactor {
  add(secret: string | undefined): void
  redact(text: string): string
}

export interface WebhookAccepted {
  eventCorrelationId: string
  apiUrl: string
  uiUrl: string
  uiSetupUrl: string
}

/**
 * One read of the event's processing: `WebhookEventProcessingDetails` (from triggerProcessingDetails,
 * or embedded in the details routes with the optional execution).
 */
export interface EventDetails {
  /** true for `QUEUED` and for HTTP 400 "Trigger event history doesn't exist" */
  pending: boolean
  status?: string
  message?: string
  warningMsg?: string
  pipelineExecutionId?: string
  /** the server-side deep link (newer Harness, details route only) */
  executionUrl?: string
  /** `executionDetails.pipelineExecutionSummary.status` when a details route included it */
  executionStatus?: string
}

/**
 * One record of the event history (`triggers/eventHistory/v2/eventCorrelation/{id}`). Records carry
 * no `createdAt` (NGTriggerEventHistoryMapper never sets it); Harness sends them newest first.
 */
export interface EventHistoryRecord {
  finalStatus?: string
  message?: string
  planExecutionId?: string
}

/** The part of `pipelineExecutionSummary` the action uses. */
export interface ExecutionSummary {
  status: string
  planExecutionId: string
  pipelineIdentifier?: string
  name?: string
  runSequence?: number
  startTs?: number
  endTs?: number
  modules?: string[]
  failureMessage?: string
  executionUrl?: string
  /** stage nodes from `layoutNodeMap`, in no particular order */
  stages: StageSummary[]
}

export interface StageSummary {
  nodeUuid: string
  name: string
  status: string
  startTs?: number
  endTs?: number
  failureMessage?: string
}

export type AbortOutcome = 'aborted' | 'already-finished' | 'already-aborting'

/**
 * Harness answered, and the answer means failure. `code`/`message` are Harness's (secrets removed);
 * `retryable` is true for 429 and 5xx, which a read may retry (a POST never retries a 5xx).
 */
export class HarnessApiError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number,
    readonly code: string | undefined,
    readonly retryable: boolean,
    /** an answer whose meaning is known (core/advice says what to do about it) */
    readonly known?: KnownAnswer
  ) {
    super(message)
    this.name = 'HarnessApiError'
  }
}

/**
 * The run was cancelled before the trigger was sent (or before it was sent again after a retry's
 * backoff): Harness has not taken it. Nothing was deployed.
 */
export class TriggerNotSent extends Error {
  constructor(readonly attempts: number) {
    super(
      attempts === 0
        ? 'Cancelled before the trigger was sent: nothing was deployed.'
        : `Cancelled during the backoff before retry ${attempts}: Harness did not take the trigger, and it was not sent again.`
    )
    this.name = 'TriggerNotSent'
  }
}

/** How one call may end early: by the caller's signal, or by its own deadline. */
export interface CallOptions {
  /** abandons the request at once (it then fails with a NetworkError of kind `cancelled`) */
  signal?: AbortSignal
  /** a shorter deadline for this call than the client's `requestTimeoutMs` (cancel-time calls) */
  timeoutMs?: number
}

export interface FireOptions {
  /**
   * The run's cancel signal: checked before the first send and after every backoff, which it
   * cuts short; once aborted, no POST is sent. It does not abandon a POST already on the wire.
   */
  cancelSignal?: AbortSignal
  /**
   * Abandons a POST on the wire (then a NetworkError that says Harness may have taken it). Bind
   * it to a grace period after the cancel signal, not to the signal itself: a POST already sent
   * may have deployed, and only its answer says which event to follow or abort.
   */
  inFlightSignal?: AbortSignal
}

export interface HarnessClientOptions {
  endpoint: HarnessEndpoint
  apiKey?: string
  redactor: SecretRedactor
  /** debug/info lines (already redacted) */
  log?: (line: string) => void
  /** lines for the debug log (already redacted): each trigger POST as it is sent */
  debug?: (line: string) => void
  /** resolves after ms, or early (without throwing) when the signal aborts */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  send?: (request: HttpRequest) => Promise<HttpResponse>
  requestTimeoutMs?: number
  /** first backoff of the POST retry (default 1000 ms, doubling, with jitter) */
  postRetryBaseMs?: number
  /** the jitter's dice (default Math.random) */
  random?: () => number
}

const KiB = 1024
const MiB = 1024 * KiB
const DEFAULT_TIMEOUT_MS = 30_000
/**
 * Answer caps, each above what a real answer of that route can be, so that only a broken or
 * hostile answer meets one (and is reported as too large, never waited out):
 * - the webhook answers four short fields (NGProcessWebhookResponseDTO) or an ErrorDTO;
 * - the event's status (triggerProcessingDetails) echoes the body we sent and the trigger's
 *   runtime-input YAML: Harness calls a body over 500,000 characters large, and JSON escaping at
 *   most sextuples it (\u00XX), so 3 MB plus the inputs;
 * - the history page holds up to 10 such records (we send triggerIdentifier: usually 1 or 2);
 * - an execution summary is one Mongo document (PipelineExecutionSummaryEntity, at most 16 MiB
 *   BSON); its JSON can be larger (numbers and booleans as text, escapes), so twice that;
 * - the details routes embed that summary plus a status answer.
 */
const WEBHOOK_ANSWER_LIMIT = 256 * KiB
const STATUS_ANSWER_LIMIT = 8 * MiB
const HISTORY_ANSWER_LIMIT = 16 * MiB
const EXECUTION_ANSWER_LIMIT = 32 * MiB
const DETAILS_ANSWER_LIMIT = EXECUTION_ANSWER_LIMIT + STATUS_ANSWER_LIMIT
/** InterruptDTO or an ErrorDTO */
const ABORT_ANSWER_LIMIT = MiB
const MAX_POST_RETRIES = 3
const NOT_RETRIED =
  'Harness may have taken the trigger, so it was not sent again, and a rerun may deploy twice: ' +
  "check the pipeline's executions in Harness before running this again."

/**
 * The Harness API, as far as the action needs it. Every call sends `X-Api-Key` (when given) only to
 * `endpoint.origin`; every message that leaves it has passed through the redactor.
 */
export class HarnessClient {
  /**
   * Where the event's status is read: triggerProcessingDetails (status fields only), else, for
   * installs without it, triggerExecutionDetailsV2, else v1; a route found missing (404/405) is
   * left for good.
   */
  private eventStatusRoute: EventStatusRoute = 'processing'

  constructor(readonly options: HarnessClientOptions) {
    // The key must never show, whoever else forgot to register it.
    options.redactor.add(options.apiKey)
  }

  /**
   * POST the body to the webhook URL. Retried at most 3 times, only when Harness provably did not
   * take it (connection refused, or HTTP 429), with backoff from about 1 s; never after a timeout or
   * a 5xx. Success is HTTP 2xx with `"status":"SUCCESS"`.
   */
  async fireWebhook(
    webhookUrl: string,
    body: string,
    options: FireOptions = {}
  ): Promise<WebhookAccepted> {
    const { cancelSignal, inFlightSignal } = options
    for (let attempt = 1; ; attempt++) {
      // One turn of the event loop first, so that a signal already delivered to the process has
      // run its handler; then the one gate every send passes: after it, no trigger is sent.
      await new Promise(resolve => setImmediate(resolve))
      if (cancelSignal?.aborted) throw new TriggerNotSent(attempt - 1)
      this.options.debug?.(`Sending the trigger (attempt ${attempt} of ${MAX_POST_RETRIES + 1}).`)
      const retriesLeft = attempt <= MAX_POST_RETRIES
      let response: HttpResponse
      try {
        response = await this.exchange('POST', webhookUrl, WEBHOOK_ANSWER_LIMIT, body, {
          signal: inFlightSignal
        })
      } catch (error) {
        if (isRefusedConnection(error) && retriesLeft) {
          await this.backOff(attempt, 'connection refused', cancelSignal)
          continue
        }
        throw webhookNetworkFailure(error, attempt)
      }
      if (response.status === 429 && retriesLeft) {
        await this.backOff(attempt, 'HTTP 429, too many requests', cancelSignal)
        continue
      }
      return this.acceptedFrom(response, webhookUrl, attempt)
    }
  }

  /**
   * The event's processing status, from the lightest route this Harness serves (see
   * eventStatusRoute). One request per route tried, no retry.
   */
  async getEventDetails(
    accountId: string,
    eventId: string,
    call?: CallOptions
  ): Promise<EventDetails> {
    for (;;) {
      const route = this.eventStatusRoute
      const url = eventStatusUrl(this.options.endpoint, accountId, eventId, route)
      const limit = route === 'processing' ? STATUS_ANSWER_LIMIT : DETAILS_ANSWER_LIMIT
      const response = await this.exchange('GET', url, limit, undefined, call)
      const next = NEXT_STATUS_ROUTE[route]
      if (isRouteMissing(response) && next) {
        this.eventStatusRoute = next
        this.log(
          `Harness has no ${STATUS_ROUTE_NAMES[route]} (HTTP ${response.status}); using ${STATUS_ROUTE_NAMES[next]}`
        )
        continue
      }
      const reading = readEnvelope(response, url)
      if (isHistoryNotYetWritten(response, reading)) return { pending: true }
      return this.mapped(response, reading, data =>
        route === 'processing'
          ? processingDetailsFrom(data, this.redact)
          : eventDetailsFrom(data, this.redact)
      )
    }
  }

  /** newest first; one request, no retry */
  async getEventHistory(
    accountId: string,
    eventId: string,
    call?: CallOptions
  ): Promise<EventHistoryRecord[]> {
    const url = eventHistoryUrl(this.options.endpoint, accountId, eventId)
    const response = await this.exchange('GET', url, HISTORY_ANSWER_LIMIT, undefined, call)
    return this.mapped(response, readEnvelope(response, url), data =>
      eventHistoryFrom(data, this.redact)
    )
  }

  /** one request, no retry */
  async getExecution(
    scope: ProjectScope,
    planExecutionId: string,
    call?: CallOptions
  ): Promise<ExecutionSummary> {
    const url = executionApiUrl(this.options.endpoint, scope, planExecutionId)
    const response = await this.exchange('GET', url, EXECUTION_ANSWER_LIMIT, undefined, call)
    return this.mapped(response, readEnvelope(response, url), data =>
      executionSummaryFrom(data, planExecutionId, this.redact)
    )
  }

  /**
   * PUT interrupt AbortAll; "already finished" and ABORT_ALL_ALREADY_NG are outcomes, not errors.
   * A 403 carries the permission Harness checked (core_pipeline_abort behind the account flag
   * CDS_PIPELINE_ABORT_RBAC_PERMISSION, else core_pipeline_execute).
   */
  async abortExecution(
    scope: ProjectScope,
    planExecutionId: string,
    call?: CallOptions
  ): Promise<AbortOutcome> {
    const url = abortUrl(this.options.endpoint, scope, planExecutionId)
    const response = await this.exchange('PUT', url, ABORT_ANSWER_LIMIT, undefined, call)
    const reading = readEnvelope(response, url)
    if (reading.kind === 'success') return 'aborted'
    if (reading.kind === 'failure') {
      if (reading.code === 'ABORT_ALL_ALREADY_NG') return 'already-aborting'
      if (response.status === 400 && /already finished/i.test(reading.message ?? '')) {
        return 'already-finished'
      }
    }
    if (response.status === 403) {
      throw this.apiError(response, reading, {
        kind: 'abort-denied',
        permission: deniedPermission(response.body)
      })
    }
    throw this.apiError(response, reading)
  }

  private readonly redact = (text: string): string => this.options.redactor.redact(text)

  private log(line: string): void {
    this.options.log?.(this.redact(line))
  }

  /** One request with Harness's headers; a failure comes back as a redacted NetworkError. */
  private async exchange(
    method: HttpRequest['method'],
    url: string,
    maxResponseBytes: number,
    body?: string,
    call: CallOptions = {}
  ): Promise<HttpResponse> {
    const { apiKey, endpoint, requestTimeoutMs, send = sendRequest } = this.options
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'User-Agent': 'harness-trigger'
    }
    if (apiKey && isSameOrigin(endpoint, url)) headers['X-Api-Key'] = apiKey
    // A call's own (short) deadline never lengthens the one the settings ask for.
    const timeoutMs = Math.min(call.timeoutMs ?? Infinity, requestTimeoutMs ?? DEFAULT_TIMEOUT_MS)
    const { signal } = call
    try {
      return await send({ method, url, headers, body, timeoutMs, maxResponseBytes, signal })
    } catch (error) {
      if (error instanceof NetworkError) {
        throw new NetworkError(this.redact(error.message), error.kind, error.mayHaveReached)
      }
      throw new Error(this.redact(messageOf(error)))
    }
  }

  private async backOff(
    attempt: number,
    reason: string,
    signal: AbortSignal | undefined
  ): Promise<void> {
    const base = this.options.postRetryBaseMs ?? 1000
    const delay = withJitter(doubledDelay(attempt, base), 0.25, this.options.random ?? Math.random)
    this.log(
      `Harness did not take the trigger (${reason}); ` +
        `retry ${attempt} of ${MAX_POST_RETRIES} in ${(delay / 1000).toFixed(1)} s`
    )
    const sleep = this.options.sleep ?? cancellableSleep
    await sleep(delay, signal)
  }

  private acceptedFrom(response: HttpResponse, url: string, attempts: number): WebhookAccepted {
    const reading = readEnvelope(response, url)
    if (reading.kind !== 'success') {
      const error = this.apiError(response, reading)
      let message = error.message
      if (response.status >= 500) message = withSentence(message, NOT_RETRIED)
      else if (response.status === 429) message += ` (gave up after ${attempts} attempts)`
      const retired =
        reading.kind === 'failure' && retiredWebhookUrl(response.status, reading.message)
      const known: KnownAnswer | undefined = retired ? { kind: 'webhook-url-retired' } : undefined
      throw new HarnessApiError(message, error.httpStatus, error.code, error.retryable, known)
    }
    return this.shaped(response, () =>
      redactStrings(webhookAcceptedFrom(reading.data), this.redact)
    )
  }

  /** The `data` of a success, mapped; any other answer, or a data of the wrong shape, throws. */
  private mapped<T>(
    response: HttpResponse,
    reading: EnvelopeReading,
    map: (data: unknown) => T
  ): T {
    if (reading.kind !== 'success') throw this.apiError(response, reading)
    // Redacted once mapped: only what leaves the client is walked, not a whole execution
    // summary (MBs for big pipelines) at every poll. The mappers neither cut nor escape text.
    return this.shaped(response, () => redactStrings(map(reading.data), this.redact))
  }

  private shaped<T>(response: HttpResponse, map: () => T): T {
    try {
      return map()
    } catch (error) {
      if (!(error instanceof ShapeProblem)) throw error
      const message = describeShapeProblem(response, error.message, this.redact)
      throw new HarnessApiError(message, response.status, undefined, false)
    }
  }

  private apiError(
    response: HttpResponse,
    reading: Exclude<EnvelopeReading, { kind: 'success' }>,
    known?: KnownAnswer
  ): HarnessApiError {
    const message = describeUnsuccessfulAnswer(response, reading, this.redact)
    const code = reading.kind === 'failure' ? reading.code : undefined
    const retryable = response.status === 429 || response.status >= 500
    return new HarnessApiError(
      message,
      response.status,
      code && this.redact(code),
      retryable,
      known
    )
  }
}

function cancellableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** The request was abandoned because the run was cancelled (or its cancel-time deadline passed). */
export function isCancelledRequest(error: unknown): boolean {
  return error instanceof NetworkError && error.kind === 'cancelled'
}

type EventStatusRoute = 'processing' | 'v2' | 'v1'

const NEXT_STATUS_ROUTE: Record<EventStatusRoute, EventStatusRoute | undefined> = {
  processing: 'v2',
  v2: 'v1',
  v1: undefined
}

const STATUS_ROUTE_NAMES: Record<EventStatusRoute, string> = {
  processing: 'triggerProcessingDetails',
  v2: 'triggerExecutionDetailsV2',
  v1: 'triggerExecutionDetails'
}

function eventStatusUrl(
  endpoint: HarnessClientOptions['endpoint'],
  accountId: string,
  eventId: string,
  route: EventStatusRoute
): string {
  if (route === 'processing') return processingDetailsUrl(endpoint, accountId, eventId)
  return eventDetailsUrl(endpoint, accountId, eventId, route)
}

/** An install without the route: Jersey's 404 (no such resource) or 405 (no such method there). */
function isRouteMissing(response: HttpResponse): boolean {
  return response.status === 404 || response.status === 405
}

function isRefusedConnection(error: unknown): boolean {
  return (
    error instanceof NetworkError && error.kind === 'connection-refused' && !error.mayHaveReached
  )
}

/** A POST that got no answer: say whether it may have fired, since it will not be sent again. */
function webhookNetworkFailure(error: unknown, attempts: number): unknown {
  if (!(error instanceof NetworkError)) return error
  if (error.mayHaveReached) {
    return new NetworkError(withSentence(error.message, NOT_RETRIED), error.kind, true)
  }
  if (error.kind === 'connection-refused') {
    const message = `${error.message} (gave up after ${attempts} attempts)`
    return new NetworkError(message, error.kind, error.mayHaveReached)
  }
  return error
}

function withSentence(message: string, sentence: string): string {
  return `${message.replace(/[.\s]+$/, '')}. ${sentence}`
}

/** Harness answers 400 before it has written the event's history: the event is still pending. */
function isHistoryNotYetWritten(response: HttpResponse, reading: EnvelopeReading): boolean {
  if (response.status !== 400 || reading.kind !== 'failure' || !reading.message) return false
  return /history/i.test(reading.message) && /(doesn't|does not) exist/i.test(reading.message)
}
