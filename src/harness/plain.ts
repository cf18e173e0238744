/**
 * Small helpers for plain values. They live in harness/ because it is the one part of src/ that
 * every other part may import (eslint.config.js); each is written once here.
 */

/** `text` as it is when it has at most `max` characters, else cut to `max` with the ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text
}

/** A copy without the keys whose value is undefined, so JSON and equality see only what is set. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T
}

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What an error says, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
