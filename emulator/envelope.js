// Harness's answer shapes (ResponseDTO, ErrorDTO, FailureDTO) and the ids it hands out.
// Facts from ../../shared/harness-api.md §1.4; nothing here is shared with src/.
import { randomBytes, randomUUID } from 'node:crypto'

/** HTTP status of an ErrorDTO by its code; codes not listed answer 400, as Harness does. */
const STATUS_BY_CODE = {
  INVALID_TOKEN: 401,
  INVALID_CREDENTIAL: 401,
  EXPIRED_TOKEN: 401,
  ACCESS_DENIED: 403,
  NG_ACCESS_DENIED: 403,
  RESOURCE_NOT_FOUND: 404,
  ENTITY_NOT_FOUND: 404,
  UNKNOWN_ERROR: 500
}

/** Codes whose message Harness prefixes with "Invalid request: " (the WingsException template). */
const PREFIXED = new Set(['INVALID_REQUEST'])

/** @param {string} code */
export function statusOfCode(code) {
  return STATUS_BY_CODE[/** @type {keyof typeof STATUS_BY_CODE} */ (code)] ?? 400
}

/** @param {unknown} data */
export function success(data) {
  return { status: 'SUCCESS', data, metaData: null, correlationId: randomUUID() }
}

/**
 * An ErrorDTO, the body of every WingsException answer.
 * @param {string} code e.g. INVALID_REQUEST
 * @param {string} text the message without Harness's "Invalid request: " prefix
 * @returns {import('./types.js').HarnessErrorBody}
 */
export function errorBody(code, text) {
  const message = PREFIXED.has(code) ? `Invalid request: ${text}` : text
  return {
    status: 'ERROR',
    code,
    message,
    correlationId: randomUUID(),
    detailedMessage: null,
    responseMessages: [{ code, level: 'ERROR', message, exception: null, failureTypes: [] }],
    metadata: null
  }
}

/**
 * A FailureDTO: bean validation of @NotNull query parameters failed.
 * @param {string[]} missing names of the missing parameters
 */
export function failureBody(missing) {
  const errors = missing.map(fieldId => ({ fieldId, error: 'must not be null' }))
  return {
    status: 'FAILURE',
    code: 'INVALID_REQUEST',
    message: errors.map(e => `${e.fieldId}: ${e.error}`).join(', '),
    correlationId: randomUUID(),
    errors
  }
}

/** 24 lowercase hex, like the Mongo ids Harness uses for eventCorrelationId. */
export function newEventId() {
  return randomBytes(12).toString('hex')
}

/** 22 URL-safe characters, like Harness's generateUuid() (planExecutionId, webhook tokens). */
export function newShortUuid() {
  return randomBytes(16).toString('base64url')
}

/**
 * A JSON answer.
 * @param {number} status
 * @param {unknown} body
 * @returns {import('./types.js').Reply}
 */
export function jsonReply(status, body) {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
}

/**
 * An ErrorDTO answer at the HTTP status its code maps to.
 * @param {string} code
 * @param {string} text the message without Harness's "Invalid request: " prefix
 * @returns {import('./types.js').Reply}
 */
export function errorReply(code, text) {
  return jsonReply(statusOfCode(code), errorBody(code, text))
}

/**
 * A plain-text answer (what Jersey itself sends for 404/405/415).
 * @param {number} status
 * @param {string} text
 * @returns {import('./types.js').Reply}
 */
export function textReply(status, text) {
  return { status, body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } }
}

/**
 * The query parameters among `names` that are absent; a FailureDTO answer when there are any.
 * @param {Record<string, string>} query
 * @param {string[]} names
 * @returns {import('./types.js').Reply | undefined}
 */
export function requireParams(query, names) {
  const missing = names.filter(name => query[name] === undefined)
  return missing.length > 0 ? jsonReply(400, failureBody(missing)) : undefined
}
