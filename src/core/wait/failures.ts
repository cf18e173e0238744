import { formatElapsed } from '../duration.js'
import { HarnessApiError } from '../../harness/client.js'
import { NetworkError } from '../../harness/http/request.js'
import { retryDelay } from './intervals.js'

export interface WaitLog {
  info(line: string): void
  notice(line: string): void
  warning(line: string): void
  debug(line: string): void
}

/**
 * Network trouble, 429 and 5xx pass; a read that meets them is tried again later. An answer over
 * its cap does not: it is no real Harness answer, and waiting would only report it as "pending".
 */
export function isPassingTrouble(error: unknown): boolean {
  if (error instanceof NetworkError) return error.kind !== 'too-large'
  return error instanceof HarnessApiError && error.retryable
}

export function isNotFound(error: unknown): boolean {
  return error instanceof HarnessApiError && error.httpStatus === 404
}

/** Harness's words plus the HTTP status; client errors are already secret-free. */
export function describeReadError(error: unknown): string {
  if (error instanceof HarnessApiError) return `${error.message} (HTTP ${error.httpStatus})`
  if (error instanceof Error) return error.message
  return String(error)
}

/**
 * One streak of failed reads: says so once as a warning (the rest go to debug, so a flaky
 * network does not flood the log), and spaces the retries out with backoff and jitter.
 */
export class ReadFailures {
  private inARow = 0
  private last?: string

  constructor(
    private readonly log: WaitLog,
    private readonly random: () => number
  ) {}

  /** The error of the streak still going on, for a timeout message. */
  get lastError(): string | undefined {
    return this.inARow > 0 ? this.last : undefined
  }

  /** How long to wait before trying again; the caller has checked the error is passing. */
  retryAfter(error: unknown, what: string, usualDelayMs: number): number {
    this.inARow += 1
    this.last = describeReadError(error)
    const delay = retryDelay(this.inARow, usualDelayMs, this.random)
    const line = `Could not read ${what}: ${this.last}; trying again in ${formatElapsed(delay)}.`
    if (this.inARow === 1) this.log.warning(line)
    else this.log.debug(line)
    return delay
  }

  succeeded(what: string): void {
    if (this.inARow > 0) {
      const reads = this.inARow === 1 ? 'read' : 'reads'
      this.log.info(`Read ${what} again after ${this.inARow} failed ${reads}.`)
    }
    this.inARow = 0
  }
}
