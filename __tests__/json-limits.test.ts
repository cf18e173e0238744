/**
 * payload and build-outputs are taken exactly as written or refused: a number a double cannot
 * hold, or nesting deeper than 64 levels, is an input error that says what to do, never a silently
 * changed value or a parser's stack overflow.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseJsonObjectInput } from '../src/core/body.js'
import { jsonLimitProblem, MAX_JSON_DEPTH } from '../src/core/json-limits.js'
import { settingErrorOf } from './support/setting-error-of.js'

const nested = (depth: number, inner = '1') =>
  `{"a":${'['.repeat(depth - 1)}${inner}${']'.repeat(depth - 1)}}`

describe('numbers', () => {
  it.each([
    ['12345678901234567890', '12345678901234567890', '12345678901234567000'],
    ['1e400', '1e400', 'null'],
    ['-1e400', '-1e400', 'null'],
    ['9007199254740993', '9007199254740993', '9007199254740992'],
    ['0.30000000000000000001', '0.30000000000000000001', '0.3'],
    ['1e-400', '1e-400', '0'],
    ['a 2,000-digit fraction', `0.${'0'.repeat(2000)}1`, '0']
  ])('%s is an input error that says to quote it', (_, literal, becomes) => {
    const error = settingErrorOf(() => parseJsonObjectInput('payload', `{"n": ${literal}}`))
    expect(error.setting).toBe('payload')
    expect(error.problem).toContain('cannot carry exactly')
    expect(error.problem).toContain(`it would be sent as ${becomes}`)
    expect(error.problem).toMatch(/quote it/)
  })

  it.each(['0', '-0', '1.5', '0.1', '1e2', '1.50', '100', '-12.5e-3', '9007199254740991', '1e21'])(
    '%s goes through as written',
    literal => {
      expect(parseJsonObjectInput('payload', `{"n": ${literal}}`)).toEqual({ n: Number(literal) })
    }
  )

  it('finds numbers anywhere but inside strings', () => {
    expect(jsonLimitProblem('{"s":"12345678901234567890","t":"\\"1e400"}')).toBeUndefined()
    expect(jsonLimitProblem('{"a":[1,{"b":[2,12345678901234567890]}]}')).toMatchObject({
      kind: 'inexact-number',
      literal: '12345678901234567890'
    })
  })

  it('accepts every number a double holds, as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), value => {
        const text = `{"n":${JSON.stringify(value)}}`
        expect(jsonLimitProblem(text)).toBeUndefined()
      }),
      { numRuns: 2000 }
    )
  })

  it('refuses every integer a double does not hold exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }), big => {
        fc.pre(BigInt(Number(big)) !== big)
        expect(jsonLimitProblem(`{"n":${big}}`)).toMatchObject({ kind: 'inexact-number' })
      })
    )
  })
})

describe('nesting', () => {
  it(`takes ${MAX_JSON_DEPTH} levels`, () => {
    expect(() => parseJsonObjectInput('payload', nested(MAX_JSON_DEPTH))).not.toThrow()
  })

  it.each([MAX_JSON_DEPTH + 1, 5000, 1_000_000])(
    '%i levels are an input error, not a stack overflow',
    depth => {
      const error = settingErrorOf(() => parseJsonObjectInput('build-outputs', nested(depth)))
      expect(error.setting).toBe('build-outputs')
      expect(error.problem).toBe(
        `is nested deeper than ${MAX_JSON_DEPTH} levels of {…} and […]; flatten it`
      )
    }
  )

  it('counts no bracket inside a string', () => {
    const text = `{"a":"${'['.repeat(1000)}"}`
    expect(parseJsonObjectInput('payload', text)).toEqual({ a: '['.repeat(1000) })
  })

  it('still says so when the JSON is not valid', () => {
    const error = settingErrorOf(() => parseJsonObjectInput('payload', '{"a": 1,}'))
    expect(error.problem).toMatch(/not valid JSON/)
  })
})
