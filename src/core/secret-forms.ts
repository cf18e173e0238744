/**
 * The ways a secret can be written into text. The runner masks, for every value it is given, the
 * value and its base64 (also from the 2nd and 3rd byte on, so the secret is found whatever came
 * before it in the encoded data), its JSON, URI-data, XML and expression escapes, and the value
 * inside double quotes. Outputs, the job summary, state and PR comments are not masked by the
 * runner, so the action's redactor must know at least those forms; it knows a few more that web
 * services write (form encoding, lower-case percent escapes, base64url, `\/` and HTML-safe JSON).
 */

/** Forms shorter than this would match ordinary text by chance. */
const MIN_FORM_LENGTH = 3
/** A base64 run that does not end the encoded data is only kept from 6 bytes (8 characters) on. */
const MIN_BASE64_RUN_BYTES = 6

export function secretForms(secret: string): string[] {
  const forms = new Set<string>()
  for (const value of valuesOf(secret)) {
    forms.add(value)
    for (const form of base64Forms(value)) forms.add(form)
    for (const form of urlForms(value)) forms.add(form)
    for (const form of jsonForms(value)) forms.add(form)
    forms.add(xmlEscaped(value))
    forms.add(value.replace(/'/g, "''"))
  }
  return [...forms].filter(form => form.length >= MIN_FORM_LENGTH)
}

/** The value, trimmed and not, each line of a multi-line value, and the inside of `"…"`. */
function valuesOf(secret: string): string[] {
  const values = new Set([secret, secret.trim()])
  for (const line of secret.split(/\r\n|\r|\n/)) values.add(line).add(line.trim())
  for (const value of [...values]) {
    if (value.length > 8 && value.startsWith('"') && value.endsWith('"'))
      values.add(value.slice(1, -1))
  }
  values.delete('')
  return [...values]
}

/**
 * Base64 of the UTF-8 bytes from offset 0, 1 and 2: one of them lines up with the 3-byte groups
 * of any text that holds the secret. Each whole, padded (the secret ends the data), and cut to
 * its whole groups (anything may follow), in both the standard and the URL alphabet.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  const forms: string[] = []
  for (const offset of [0, 1, 2]) {
    const shifted = bytes.length > offset ? bytes.subarray(offset) : bytes
    forms.push(shifted.toString('base64'))
    const whole = shifted.subarray(0, shifted.length - (shifted.length % 3))
    if (whole.length >= MIN_BASE64_RUN_BYTES) {
      forms.push(whole.toString('base64'), whole.toString('base64url'))
    }
  }
  return forms
}

/** encodeURIComponent, RFC 3986 (`!'()*` escaped too), form encoding; upper- and lower-case hex. */
function urlForms(value: string): string[] {
  const component = encodeURIComponent(value)
  const rfc3986 = component.replace(
    /[!'()*]/g,
    char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  )
  const form = new URLSearchParams({ v: value }).toString().slice(2)
  const forms = [component, rfc3986, form]
  return [...forms, ...forms.map(text => text.replace(/%[0-9A-F]{2}/g, hex => hex.toLowerCase()))]
}

/** JSON string content: as JSON.stringify writes it, with `\/`, and with every non-ASCII or HTML character as `\uXXXX`. */
function jsonForms(value: string): string[] {
  const plain = JSON.stringify(value).slice(1, -1)
  const unicodeEscaped = plain.replace(
    /[^\x20-\x7e]|[<>&='/]/g,
    char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return [plain, plain.replace(/\//g, '\\/'), unicodeEscaped]
}

function xmlEscaped(value: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;'
  }
  return value.replace(/[&<>"']/g, char => entities[char])
}
