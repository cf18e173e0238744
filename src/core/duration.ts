import { shorten } from '../harness/plain.js'
import { SettingError } from '../harness/setting-error.js'

const MS_PER_UNIT = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const
type Unit = keyof typeof MS_PER_UNIT
/** Units from largest to smallest: a compound duration lists them in this order, each at most once. */
const UNIT_ORDER: Unit[] = ['h', 'm', 's', 'ms']

/**
 * The longest duration accepted: 5 days, the longest a job may run on a self-hosted runner
 * (hosted runners stop at 6 h). Also well below the 24.8 days where Node's timers overflow.
 */
export const MAX_DURATION_MS = 5 * 24 * MS_PER_UNIT.h

const ACCEPTED_FORMS =
  'a duration such as 500ms, 90s, 15m, 1h, 1h30m or 1m 30s (units h, m, s, ms), or plain seconds such as 45 or 2.5'
const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/
const COMPONENT = /(\d+(?:\.\d+)?)\s*(ms|h|m|s)\s*/gy

/**
 * `90s`, `15m`, `1h`, `500ms`, `1h30m`, or plain seconds (`45`, `2.5`) → milliseconds.
 * Zero, negative, empty or unknown units: SettingError naming `input` and the accepted forms.
 * Units are case-insensitive; the result is rounded to whole milliseconds.
 */
export function parseDuration(input: string, raw: string): number {
  const text = raw.trim().toLowerCase()
  const ms = PLAIN_SECONDS.test(text) ? Number(text) * MS_PER_UNIT.s : parseCompound(text)
  if (ms === undefined) {
    throw new SettingError(input, `expected ${ACCEPTED_FORMS}; got ${quote(raw.trim())}`)
  }
  const rounded = Math.round(ms)
  if (rounded < 1) {
    throw new SettingError(input, `must be longer than zero: expected ${ACCEPTED_FORMS}`)
  }
  if (rounded > MAX_DURATION_MS) {
    throw new SettingError(input, `must be at most ${formatDuration(MAX_DURATION_MS)} (5 days)`)
  }
  return rounded
}

/** Sums `1h30m`-style components; undefined when the text is not made of them alone. */
function parseCompound(text: string): number | undefined {
  if (text === '') return undefined
  let total = 0
  let position = 0
  let previousUnitIndex = -1
  COMPONENT.lastIndex = 0
  while (position < text.length) {
    const match = COMPONENT.exec(text)
    if (!match) return undefined
    const unitIndex = UNIT_ORDER.indexOf(match[2] as Unit)
    if (unitIndex <= previousUnitIndex) return undefined
    previousUnitIndex = unitIndex
    total += Number(match[1]) * MS_PER_UNIT[match[2] as Unit]
    position = COMPONENT.lastIndex
  }
  return total
}

function quote(value: string): string {
  if (value === '') return 'an empty value'
  return `'${shorten(value, 41)}'`
}

/**
 * 95_000 → `1m 35s`; 500 → `500ms`; 5_400_000 → `1h 30m`; for logs and summaries. Rounded to whole
 * milliseconds; the text parses back to the same value. Negative or non-finite input gives `0ms`.
 */
export function formatDuration(ms: number): string {
  let rest = Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0
  if (rest === 0) return '0ms'
  const parts: string[] = []
  for (const unit of UNIT_ORDER) {
    const count = Math.floor(rest / MS_PER_UNIT[unit])
    rest -= count * MS_PER_UNIT[unit]
    if (count > 0) parts.push(`${count}${unit}`)
  }
  return parts.join(' ')
}

/** For people reading a log: whole seconds from 1 s up (`1m 12s`, not `1m 12s 345ms`). */
export function formatElapsed(ms: number): string {
  return formatDuration(ms >= 1000 ? Math.round(ms / 1000) * 1000 : ms)
}
