import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import {
  FIRST_EVENT_POLL_MS,
  MAX_RETRY_DELAY_MS,
  fastStartDelay,
  retryDelay
} from '../src/core/wait/intervals.js'

describe('fastStartDelay', () => {
  it('starts at 2 s and doubles up to the poll interval', () => {
    const delays = [0, 1, 2, 3, 4, 50].map(looks => fastStartDelay(looks, 10_000))
    expect(delays).toEqual([2_000, 4_000, 8_000, 10_000, 10_000, 10_000])
  })

  it('never exceeds the poll interval, and never shrinks as looks go on', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 3_600_000 }), (looks, poll) => {
        const delay = fastStartDelay(looks, poll)
        expect(delay).toBeLessThanOrEqual(poll)
        expect(delay).toBe(Math.min(poll, FIRST_EVENT_POLL_MS * 2 ** Math.min(looks, 30)))
        expect(fastStartDelay(looks + 1, poll)).toBeGreaterThanOrEqual(delay)
      })
    )
  })
})

describe('retryDelay', () => {
  it('doubles per failure with equal jitter, capped at 60 s', () => {
    const lowest = [1, 2, 3, 4, 5].map(n => retryDelay(n, 10_000, () => 0))
    const highest = [1, 2, 3, 4, 5].map(n => retryDelay(n, 10_000, () => 1))
    expect(lowest).toEqual([10_000, 20_000, 30_000, 30_000, 30_000])
    expect(highest).toEqual([20_000, 40_000, 60_000, 60_000, 60_000])
  })

  it('is never shorter than the usual delay nor longer than the cap (or the usual delay if longer)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 1, max: 600_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failures, usual, random) => {
          const delay = retryDelay(failures, usual, () => random)
          expect(delay).toBeGreaterThanOrEqual(usual)
          expect(delay).toBeLessThanOrEqual(Math.max(MAX_RETRY_DELAY_MS, usual))
        }
      )
    )
  })

  it('spreads retries out with the random number', () => {
    expect(retryDelay(2, 2_000, () => 0.1)).not.toBe(retryDelay(2, 2_000, () => 0.9))
  })

  it('survives a random source that misbehaves', () => {
    expect(retryDelay(1, 2_000, () => Number.NaN)).toBe(3_000)
    expect(retryDelay(1, 2_000, () => 7)).toBe(4_000)
  })
})
