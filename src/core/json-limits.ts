/**
 * What a JSON input must keep to be sent as written: JavaScript numbers are doubles, so
 * `12345678901234567890` would go out as `12345678901234567000` and `1e400` as `null`; and the body
 * is serialized (and its values walked) recursively, so a payload nested thousands deep would end
 * in "Maximum call stack size exceeded". Read by one loop over the text, never by recursion.
 */

export const MAX_JSON_DEPTH = 64

/** A JSON number literal, matched where the scan stands (sticky): never cut, however long. */
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y

export type JsonLimitProblem =
  { kind: 'too-deep'; depth: number } | { kind: 'inexact-number'; literal: string; becomes: string }

/**
 * The first problem of `text` (taken to be JSON, valid or not), or undefined. Depth counts the
 * `{` and `[` open at a point; strings are skipped, escapes included.
 */
export function jsonLimitProblem(text: string): JsonLimitProblem | undefined {
  let depth = 0
  for (let at = 0; at < text.length; at++) {
    const char = text[at]
    if (char === '"') {
      at = endOfString(text, at)
    } else if (char === '{' || char === '[') {
      depth++
      if (depth > MAX_JSON_DEPTH) return { kind: 'too-deep', depth }
    } else if (char === '}' || char === ']') {
      depth--
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = at
      const literal = NUMBER.exec(text)?.[0]
      if (!literal) continue
      const inexact = inexactNumber(literal)
      if (inexact) return inexact
      at += literal.length - 1
    }
  }
  return undefined
}

/** The index of the closing quote of the string that opens at `start` (or the text's end). */
function endOfString(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === '\\') at++
    else if (text[at] === '"') return at
  }
  return text.length
}

/** A number literal whose value a double does not hold: what it would be sent as instead. */
function inexactNumber(literal: string): JsonLimitProblem | undefined {
  const value = Number(literal)
  if (!Number.isFinite(value)) return { kind: 'inexact-number', literal, becomes: 'null' }
  const sent = JSON.stringify(value)
  return sameDecimal(literal, sent) ? undefined : { kind: 'inexact-number', literal, becomes: sent }
}

/** Whether two decimal literals name the same number (`1.50` and `1.5e0` do; `-0` and `0` do). */
function sameDecimal(a: string, b: string): boolean {
  const [x, y] = [canonical(a), canonical(b)]
  return x.digits === y.digits && x.exponent === y.exponent && x.negative === y.negative
}

function canonical(literal: string): { negative: boolean; digits: string; exponent: number } {
  const [, sign, whole, fraction = '', exponent = '0'] =
    /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal) ?? []
  let digits = `${whole}${fraction}`.replace(/^0+/, '')
  if (digits === '') return { negative: false, digits: '', exponent: 0 }
  let power = Number(exponent) - fraction.length
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0
  digits = digits.slice(0, digits.length - trailing)
  power += trailing
  return { negative: sign === '-', digits, exponent: power }
}
