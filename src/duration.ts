import { InputError } from './errors.js'
void InputError

/**
 * `90s`, `15m`, `1h`, `500ms`, `1h30m`, or plain seconds (`45`, `2.5`) → milliseconds.
 * Zero, negative, empty or unknown units: InputError naming `input` and the accepted forms.
 */
export function parseDuration(input: string, raw: string): number {
  void input
  void raw
  throw new Error('not implemented')
}

/** 95_000 → `1m 35s`; 500 → `500ms`; for logs and summaries. */
export function formatDuration(ms: number): string {
  void ms
  throw new Error('not implemented')
}
