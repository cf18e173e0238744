import { InputError } from '../errors.js'

/** Harness's rule for org, project, pipeline and trigger identifiers. */
export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_$]{0,127}$/
/** Account ids and webhook tokens: URL-safe Base64 alphabet. */
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]+$/
export const WEBHOOK_TOKEN_PATTERN = /^[A-Za-z0-9_-]+$/

/** Returns the trimmed identifier, or throws an InputError naming `input` and the rule. */
export function checkIdentifier(input: string, value: string): string {
  void input
  void value
  throw new Error('not implemented')
}

export function checkAccountId(input: string, value: string): string {
  void input
  void value
  throw new Error('not implemented')
}

/** Like checkAccountId, but the error never repeats the value (it is a secret). */
export function checkWebhookToken(input: string, value: string): string {
  void input
  void value
  throw new Error('not implemented')
}
