import type { Redactor } from '../secrets.js'
import type { HttpRequest, HttpResponse } from '../http/request.js'
import type { HarnessEndpoint, ProjectScope } from './urls.js'

/** What Harness returned for an accepted trigger POST (v2/v3 `NGProcessWebhookResponse`). */
export interface WebhookAccepted {
  eventCorrelationId: string
  apiUrl: string
  uiUrl: string
  uiSetupUrl: string
}

/** One read of the event's processing (`webhookProcessingDetails` + the optional execution). */
export interface EventDetails {
  /** true for `QUEUED` and for HTTP 400 "Trigger event history doesn't exist" */
  pending: boolean
  status?: string
  message?: string
  warningMsg?: string
  pipelineExecutionId?: string
  /** the server-side deep link (newer Harness) */
  executionUrl?: string
  /** `executionDetails.pipelineExecutionSummary.status` when Harness included it */
  executionStatus?: string
}

/** One record of the event history (`triggers/eventHistory/v2/eventCorrelation/{id}`). */
export interface EventHistoryRecord {
  finalStatus?: string
  message?: string
  planExecutionId?: string
  createdAt?: number
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
    readonly retryable: boolean
  ) {
    super(message)
    this.name = 'HarnessApiError'
  }
}

export interface HarnessClientOptions {
  endpoint: HarnessEndpoint
  apiKey?: string
  redactor: Redactor
  /** debug/info lines (already redacted) */
  log?: (line: string) => void
  sleep?: (ms: number) => Promise<void>
  send?: (request: HttpRequest) => Promise<HttpResponse>
  requestTimeoutMs?: number
  /** first backoff of the POST retry (default 1000 ms, doubling, with jitter) */
  postRetryBaseMs?: number
}

/**
 * The Harness API, as far as the action needs it. Every call sends `X-Api-Key` (when given) only to
 * `endpoint.origin`; every message that leaves it has passed through the redactor.
 */
export class HarnessClient {
  constructor(readonly options: HarnessClientOptions) {}

  /**
   * POST the body to the webhook URL. Retried at most 3 times, only when Harness provably did not
   * take it (connection refused, or HTTP 429), with backoff from about 1 s; never after a timeout or
   * a 5xx. Success is HTTP 2xx with `"status":"SUCCESS"`.
   */
  fireWebhook(webhookUrl: string, body: string): Promise<WebhookAccepted> {
    void webhookUrl
    void body
    throw new Error('not implemented')
  }

  /** triggerExecutionDetailsV2, falling back to (and remembering) v1 on 404. One request, no retry. */
  getEventDetails(accountId: string, eventId: string): Promise<EventDetails> {
    void accountId
    void eventId
    throw new Error('not implemented')
  }

  /** newest first; one request, no retry */
  getEventHistory(accountId: string, eventId: string): Promise<EventHistoryRecord[]> {
    void accountId
    void eventId
    throw new Error('not implemented')
  }

  /** one request, no retry */
  getExecution(scope: ProjectScope, planExecutionId: string): Promise<ExecutionSummary> {
    void scope
    void planExecutionId
    throw new Error('not implemented')
  }

  /** PUT interrupt AbortAll; "already finished" and ABORT_ALL_ALREADY_NG are outcomes, not errors. */
  abortExecution(scope: ProjectScope, planExecutionId: string): Promise<AbortOutcome> {
    void scope
    void planExecutionId
    throw new Error('not implemented')
  }
}
