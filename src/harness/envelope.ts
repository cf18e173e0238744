import { isRecord, shorten } from './plain.js'
import type { HttpResponse } from './http/request.js'

/**
 * What one Harness answer says, before anyone decides what to do with it. Harness wraps every
 * answer in `{status, data}` (`ResponseDTO`) or `{status, code, message}` (`ErrorDTO`/`FailureDTO`);
 * gateways and rate limiters in front of it may answer with anything.
 */
export type EnvelopeReading =
  | { kind: 'success'; data: unknown }
  | { kind: 'failure'; envelopeStatus?: string; code?: string; message?: string }
  | { kind: 'redirect'; locationOrigin?: string }
  | { kind: 'not-json' }
  | { kind: 'not-an-object' }

/** Success is HTTP 2xx and `"status":"SUCCESS"`; everything else is one of the other readings. */
export function readEnvelope(response: HttpResponse, requestUrl: string): EnvelopeReading {
  if (response.status >= 300 && response.status < 400) {
    return { kind: 'redirect', locationOrigin: originOf(response.headers.location, requestUrl) }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(response.body)
  } catch {
    return { kind: 'not-json' }
  }
  if (!isRecord(parsed)) return { kind: 'not-an-object' }
  const envelopeStatus = textField(parsed.status)
  if (isSuccessStatus(response.status) && envelopeStatus === 'SUCCESS') {
    return { kind: 'success', data: parsed.data }
  }
  return {
    kind: 'failure',
    envelopeStatus,
    code: textField(parsed.code),
    message: textField(parsed.message) ?? firstResponseMessage(parsed.responseMessages)
  }
}

/**
 * The message for an answer that is not a success, e.g.
 * `Harness answered HTTP 401 INVALID_TOKEN: Invalid call: Invalid token or token expired`.
 */
export function describeUnsuccessfulAnswer(
  response: HttpResponse,
  reading: Exclude<EnvelopeReading, { kind: 'success' }>,
  redact: (text: string) => string
): string {
  const http = `HTTP ${response.status}`
  switch (reading.kind) {
    case 'redirect': {
      const to = reading.locationOrigin ? ` to ${reading.locationOrigin}` : ''
      return `Harness answered with a redirect (${http}${to}); redirects are not followed`
    }
    case 'not-json':
      return `Harness answered ${http}${statusHint(response.status)} ${bodyDescription(response.body, 'with a body that is not JSON', redact)}`
    case 'not-an-object':
      return `Harness answered ${http} with JSON that is not the expected object: ${excerpt(response.body, redact)}`
    case 'failure':
      return describeFailure(response, reading, redact)
  }
}

/** The message for a success whose `data` lacks what the caller needs (`missing` says what). */
export function describeShapeProblem(
  response: HttpResponse,
  missing: string,
  redact: (text: string) => string
): string {
  return `Harness answered HTTP ${response.status} SUCCESS, but not in the expected shape (${missing}): ${excerpt(response.body, redact)}`
}

const MESSAGE_LIMIT = 500
const EXCERPT_LIMIT = 200

function describeFailure(
  response: HttpResponse,
  reading: Extract<EnvelopeReading, { kind: 'failure' }>,
  redact: (text: string) => string
): string {
  const envelope =
    isSuccessStatus(response.status) && reading.envelopeStatus
      ? ` (status ${reading.envelopeStatus})`
      : ''
  const head = `Harness answered HTTP ${response.status}${envelope}${statusHint(response.status)}`
  if (!reading.code && !reading.message) {
    return `${head} ${bodyDescription(response.body, 'without an error code or message', redact)}`
  }
  const code = reading.code ? ` ${singleLine(redact(reading.code), 100)}` : ''
  const message = reading.message ? `: ${singleLine(redact(reading.message), MESSAGE_LIMIT)}` : ''
  return `${head}${code}${message}`
}

function bodyDescription(body: string, what: string, redact: (text: string) => string): string {
  return body.trim() === '' ? 'with an empty body' : `${what}: ${excerpt(body, redact)}`
}

function statusHint(status: number): string {
  return status === 429 ? ' (too many requests)' : ''
}

/** A short, single-line, secret-free quote of a body (redacted whole before it is cut). */
export function excerpt(body: string, redact: (text: string) => string): string {
  return singleLine(redact(body), EXCERPT_LIMIT)
}

function singleLine(text: string, limit: number): string {
  const flat = text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim()
  return shorten(flat, limit)
}

function originOf(location: string | undefined, requestUrl: string): string | undefined {
  if (!location) return undefined
  try {
    const origin = new URL(location, requestUrl).origin
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

function firstResponseMessage(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined
  for (const entry of value) {
    const message = isRecord(entry) ? textField(entry.message) : undefined
    if (message) return message
  }
  return undefined
}

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300
}

export { isRecord } from './plain.js'

/** A non-empty string, else undefined (Harness sends `null` and `""` alike for "none"). */
export function textField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}
