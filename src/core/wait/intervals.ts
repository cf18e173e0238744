import { doubledDelay, withJitter } from '../../harness/backoff.js'
/** The first look at a fresh trigger event comes quickly: Harness usually processes it in seconds. */
export const FIRST_EVENT_POLL_MS = 2_000

/** Backoff after failed reads never waits longer than this (unless the poll interval itself is longer). */
export const MAX_RETRY_DELAY_MS = 60_000

/**
 * The wait before the next look at something that is expected to appear soon (a pending event, an
 * execution Harness does not know yet): 2 s, 4 s, 8 s, … up to the poll interval.
 * `earlierLooks` counts the looks already made in this streak, from 0.
 */
export function fastStartDelay(earlierLooks: number, pollIntervalMs: number): number {
  const doubled = FIRST_EVENT_POLL_MS * 2 ** Math.min(earlierLooks, 30)
  return Math.min(doubled, pollIntervalMs)
}

/**
 * The wait after the n-th failed read in a row (n ≥ 1): the usual delay doubled per failure, capped,
 * with "equal jitter" (half fixed, half random) so that many runners hit by the same outage spread out.
 * Never shorter than the usual delay, so errors can never make us read more often than success would.
 */
export function retryDelay(
  failuresInARow: number,
  usualDelayMs: number,
  random: () => number
): number {
  const cap = Math.max(MAX_RETRY_DELAY_MS, usualDelayMs)
  const ceiling = doubledDelay(failuresInARow + 1, usualDelayMs, cap)
  // Equal jitter: between half the ceiling and all of it.
  return Math.max(usualDelayMs, withJitter((ceiling * 3) / 4, 1 / 3, random))
}
