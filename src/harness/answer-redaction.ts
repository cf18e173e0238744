/**
 * Every string of an answer's mapped value, redacted as it leaves the client: what Harness sends is later cut to a
 * length, escaped for Markdown or HTML, and joined into messages, and a secret that is cut or
 * escaped no longer looks like itself to a redactor further on. One loop with its own stack, not
 * recursion: an answer may be nested arbitrarily deep.
 */
export function redactStrings<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const node = pending.pop()
    if (typeof node !== 'object' || node === null) continue
    const entries = node as Record<string, unknown>
    for (const key of Object.keys(entries)) {
      const field = entries[key]
      if (typeof field === 'string') entries[key] = redact(field)
      else if (typeof field === 'object' && field !== null) pending.push(field)
    }
  }
  return value
}
