import { shorten } from './plain.js'
import { SettingError } from './setting-error.js'

/** Harness's rule for org, project, pipeline and trigger identifiers. */
export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_$]{0,127}$/
/** Account ids and webhook tokens: URL-safe Base64 alphabet. */
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]+$/
export const WEBHOOK_TOKEN_PATTERN = /^[A-Za-z0-9_-]+$/

export const IDENTIFIER_RULE = 'a letter or _ then up to 127 letters, digits, _ or $'
export const ACCOUNT_ID_RULE = 'letters, digits, _ or -'

/** Returns the trimmed identifier, or throws a SettingError naming `input` and the rule. */
export function checkIdentifier(input: string, value: string): string {
  const trimmed = value.trim()
  if (IDENTIFIER_PATTERN.test(trimmed)) return trimmed
  throw new SettingError(
    input,
    `expected a Harness identifier: ${IDENTIFIER_RULE}; got ${describeValue(trimmed)}${nameHint(trimmed)}`
  )
}

export function checkAccountId(input: string, value: string): string {
  const trimmed = value.trim()
  if (ACCOUNT_ID_PATTERN.test(trimmed)) return trimmed
  throw new SettingError(
    input,
    `expected a Harness account id (${ACCOUNT_ID_RULE}, as in accountIdentifier=… of the webhook URL); got ${describeValue(trimmed)}`
  )
}

/** Like checkAccountId, but the error never repeats the value (it is a secret). */
export function checkWebhookToken(input: string, value: string): string {
  const trimmed = value.trim()
  if (WEBHOOK_TOKEN_PATTERN.test(trimmed)) return trimmed
  const problem = trimmed === '' ? 'it is empty' : 'the value given has other characters'
  throw new SettingError(
    input,
    `expected the trigger's custom webhook token (${ACCOUNT_ID_RULE}: the part of the v3 webhook URL between /custom/ and /v3); ${problem}`
  )
}

const SHOWN_CHARS = 64

/** Quotes a non-secret value for an error message, cut short so a pasted blob stays readable. */
function describeValue(value: string): string {
  if (value === '') return 'an empty value'
  const shown = shorten(value, SHOWN_CHARS + 1)
  return `'${shown}'`
}

/** People often paste the display name; Harness shows the identifier beside it. */
function nameHint(value: string): string {
  if (!/[\s-]/.test(value)) return ''
  return ' (this looks like a name; use the identifier Harness shows under the name, which has no spaces or hyphens)'
}
