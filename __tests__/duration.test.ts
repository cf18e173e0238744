import { describe, it, expect } from '@jest/globals'
import { settingErrorOf } from './support/setting-error-of.js'
import {
  formatDuration,
  formatElapsed,
  MAX_DURATION_MS,
  parseDuration
} from '../src/core/duration.js'

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['1h 2m 3s 4ms', 3_723_004],
    ['1.5h', 5_400_000],
    ['45', 45_000],
    ['2.5', 2_500],
    ['  10S ', 10_000],
    ['6h', 21_600_000],
    ['120h', MAX_DURATION_MS]
  ])('reads %j as %d ms', (raw, ms) => {
    expect(parseDuration('timeout', raw)).toBe(ms)
  })

  it.each([
    ['zero', '0'],
    ['zero seconds', '0s'],
    ['less than a millisecond', '0.0001s'],
    ['a negative value', '-5s'],
    ['NaN', 'NaN'],
    ['an empty value', ''],
    ['days', '1d'],
    ['weeks', '1w'],
    ['a unit alone', 'm'],
    ['units out of order', '30m1h'],
    ['a repeated unit', '1m1m'],
    ['exponent notation', '1e3'],
    ['trailing text', '10s later'],
    ['a comma', '1,5s']
  ])('rejects %s', (_, raw) => {
    const error = settingErrorOf(() => parseDuration('poll-interval', raw))
    expect(error.setting).toBe('poll-interval')
    expect(error.message).toMatch(/90s|longer than zero/)
  })

  it('lists the accepted forms', () => {
    expect(settingErrorOf(() => parseDuration('timeout', '1d')).problem).toBe(
      "expected a duration such as 500ms, 90s, 15m, 1h, 1h30m or 1m 30s (units h, m, s, ms), or plain seconds such as 45 or 2.5; got '1d'"
    )
  })

  it('caps absurd values at five days, which is still longer than any 6 h job', () => {
    expect(MAX_DURATION_MS).toBeGreaterThanOrEqual(6 * 3_600_000)
    expect(settingErrorOf(() => parseDuration('timeout', '121h')).message).toContain('at most 120h')
    expect(() => parseDuration('timeout', '999999999')).toThrow('at most')
  })

  it('rounds to whole milliseconds', () => {
    expect(parseDuration('timeout', '1.0004s')).toBe(1000)
  })
})

describe('formatDuration', () => {
  it.each([
    [95_000, '1m 35s'],
    [500, '500ms'],
    [1_500, '1s 500ms'],
    [3_600_000, '1h'],
    [5_400_000, '1h 30m'],
    [3_723_004, '1h 2m 3s 4ms'],
    [MAX_DURATION_MS, '120h'],
    [0, '0ms'],
    [-5, '0ms'],
    [Number.NaN, '0ms'],
    [999.6, '1s']
  ])('writes %d as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('writes what parseDuration reads back', () => {
    expect(parseDuration('timeout', formatDuration(3_723_004))).toBe(3_723_004)
  })
})

describe('formatElapsed', () => {
  it.each([
    [0, '0ms'],
    [450, '450ms'],
    [1016, '1s'],
    [72_499, '1m 12s'],
    [72_500, '1m 13s'],
    [3_600_000 + 1_234, '1h 1s']
  ])('%p ms reads %p', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text)
  })
})
