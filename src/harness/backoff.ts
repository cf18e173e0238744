/**
 * The one backoff of the project: a delay doubled per attempt, then spread by jitter so that
 * parallel jobs hit by the same trouble do not retry in step. The trigger's POST retries and the
 * wait's failed reads both use it.
 */

/** `baseMs` for attempt 1, doubled for each later one, never more than `capMs`. */
export function doubledDelay(attempt: number, baseMs: number, capMs = Infinity): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30))
}

/**
 * `ms` spread evenly over `ms·(1 − spread)` … `ms·(1 + spread)` by `random()` (0 ≤ r ≤ 1; a value
 * out of range or not a number counts as the middle), rounded to whole milliseconds.
 */
export function withJitter(ms: number, spread: number, random: () => number): number {
  const r = random()
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0.5
  return Math.round(ms * (1 - spread + 2 * spread * unit))
}
