import {
  HarnessApiError,
  TriggerNotSent,
  type HarnessClient,
  type WebhookAccepted
} from '../harness/client.js'
import { NetworkError } from '../harness/http/request.js'

/**
 * After the cancel signal, a POST already on the wire gets this long to answer. It is not
 * abandoned at once: Harness may have taken it, and only its answer names the event to follow,
 * abort and report. It is not given its full timeout either: the runner kills the step 10 s
 * after SIGINT, and the cancel-time look and abort need their share of that.
 */
export const POST_GRACE_AFTER_CANCEL_MS = 1500

export interface FireRequest {
  webhookUrl: string
  body: Record<string, unknown>
  /** the run's cancel signal: after it, no POST is sent (see POST_GRACE_AFTER_CANCEL_MS) */
  cancelSignal: AbortSignal
}

export type FireResult =
  | { outcome: 'accepted'; accepted: WebhookAccepted }
  /** cancelled before the trigger was sent (or sent again): Harness has not taken it */
  | { outcome: 'not-sent'; message: string }
  /**
   * Harness refused the trigger, or the POST got no answer. `mayHaveFired` is true when Harness
   * may have taken it all the same (a timeout, a reset, a POST abandoned after the grace period).
   */
  | {
      outcome: 'failed'
      message: string
      mayHaveFired: boolean
      httpStatus?: number
      /** the client's error (secret-free), for a front end's own words (known answers' advice) */
      error: HarnessApiError | NetworkError
    }

/** Sends the trigger once (with the client's retries); every ending is a value. Messages are redacted. */
export async function fireTrigger(
  request: FireRequest,
  client: Pick<HarnessClient, 'fireWebhook'>
): Promise<FireResult> {
  const inFlight = graceAfter(request.cancelSignal, POST_GRACE_AFTER_CANCEL_MS)
  try {
    const accepted = await client.fireWebhook(request.webhookUrl, JSON.stringify(request.body), {
      cancelSignal: request.cancelSignal,
      inFlightSignal: inFlight.signal
    })
    return { outcome: 'accepted', accepted }
  } catch (error) {
    if (error instanceof TriggerNotSent) return { outcome: 'not-sent', message: error.message }
    if (error instanceof HarnessApiError) {
      return {
        outcome: 'failed',
        message: error.message,
        mayHaveFired: error.httpStatus >= 500,
        httpStatus: error.httpStatus,
        error
      }
    }
    if (error instanceof NetworkError) {
      return {
        outcome: 'failed',
        message: error.message,
        mayHaveFired: error.mayHaveReached,
        error
      }
    }
    throw error
  } finally {
    inFlight.dispose()
  }
}

/** A signal that aborts `graceMs` after `signal` does; dispose() drops the timer and listener. */
function graceAfter(
  signal: AbortSignal,
  graceMs: number
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const start = () => {
    timer = setTimeout(() => controller.abort(), graceMs)
  }
  if (signal.aborted) start()
  else signal.addEventListener('abort', start, { once: true })
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', start)
    }
  }
}
