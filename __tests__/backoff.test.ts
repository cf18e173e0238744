import { describe, expect, it } from '@jest/globals'
import { doubledDelay, withJitter } from '../src/harness/backoff.js'
import { retryDelay } from '../src/core/wait/intervals.js'

describe('the one backoff', () => {
  it('doubles per attempt from the base, up to the cap', () => {
    expect([1, 2, 3, 4].map(attempt => doubledDelay(attempt, 1000))).toEqual([
      1000, 2000, 4000, 8000
    ])
    expect(doubledDelay(10, 1000, 30_000)).toBe(30_000)
    expect(doubledDelay(10_000, 1, Infinity)).toBe(2 ** 30)
  })

  it('spreads a delay evenly within ±spread, and treats bad dice as the middle', () => {
    expect(withJitter(1000, 0.25, () => 0)).toBe(750)
    expect(withJitter(1000, 0.25, () => 1)).toBe(1250)
    expect(withJitter(1000, 0.25, () => 0.5)).toBe(1000)
    expect(withJitter(1000, 0.25, () => Number.NaN)).toBe(1000)
    expect(withJitter(1000, 0.25, () => 7)).toBe(1250)
  })

  it("gives the wait's read retries equal jitter: half the doubled delay to all of it", () => {
    expect(retryDelay(1, 10_000, () => 0)).toBe(10_000)
    expect(retryDelay(2, 10_000, () => 0)).toBe(20_000)
    expect(retryDelay(2, 10_000, () => 1)).toBe(40_000)
    expect(retryDelay(20, 10_000, () => 1)).toBe(60_000)
  })
})
