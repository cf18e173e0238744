/** The secret scan every integration test runs on what the action left behind. */

/** Values this short would match by chance; the scan skips them. */
export const MIN_SECRET_LENGTH = 6

/** The token in a v3 webhook URL (`…/webhook/custom/{token}/v3?…`), if there is one. */
export function webhookUrlToken(webhookUrl: string): string | undefined {
  return /\/webhook\/custom\/([^/?#]+)\/v3(?:[?#]|$)/.exec(webhookUrl)?.[1]
}

/**
 * The secrets among a run's inputs, by where they came from: api-key, webhook-token,
 * github-token, the webhook-url's token (and the whole URL, which carries it).
 */
export function secretsOfInputs(inputs: Record<string, string>): Record<string, string> {
  const secrets: Record<string, string> = {}
  for (const name of ['api-key', 'webhook-token', 'github-token']) {
    if (inputs[name]) secrets[`input ${name}`] = inputs[name]
  }
  const token = inputs['webhook-url'] ? webhookUrlToken(inputs['webhook-url']) : undefined
  if (token) secrets['the token of input webhook-url'] = token
  return secrets
}

/** Runner commands that are allowed to carry a secret: masking it is their job. */
function withoutMaskCommands(text: string): string {
  return text
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
}

/** The line around the secret's first occurrence, every secret shown as `***`. */
function excerpt(line: string, secret: string, all: string[]): string {
  let masked = line.split(secret).join('***')
  for (const other of all)
    if (other.length >= MIN_SECRET_LENGTH) masked = masked.split(other).join('***')
  const at = masked.indexOf('***')
  const start = Math.max(0, at - 80)
  const end = Math.min(masked.length, at + 3 + 80)
  return `${start > 0 ? '…' : ''}${masked.slice(start, end)}${end < masked.length ? '…' : ''}`
}

/**
 * Throws when a secret appears in one of the texts. The message names the secret's origin, the
 * place and the line, with the secret itself replaced by `***`. Stdout-like texts may pass
 * `::add-mask::` lines: name the place `stdout` and those lines are skipped.
 *
 * @param texts place → text, e.g. `{ stdout, stderr, 'output uiUrl': … }`
 * @param secrets origin → value, or a plain list of values
 */
export function assertNoSecrets(
  texts: Record<string, string> | string[],
  secrets: Record<string, string> | string[]
): void {
  const places = Array.isArray(texts)
    ? Object.fromEntries(texts.map((text, index) => [`text #${index + 1}`, text]))
    : texts
  const named = Array.isArray(secrets)
    ? Object.fromEntries(secrets.map((value, index) => [`secret #${index + 1}`, value]))
    : secrets
  const problems: string[] = []
  for (const [origin, secret] of Object.entries(named)) {
    if (secret.length < MIN_SECRET_LENGTH) continue
    for (const [place, raw] of Object.entries(places)) {
      const text = place === 'stdout' ? withoutMaskCommands(raw) : raw
      const line = text.split('\n').find(candidate => candidate.includes(secret))
      if (line !== undefined) {
        problems.push(
          `${origin} appears in ${place}: ${excerpt(line, secret, Object.values(named))}`
        )
      }
    }
  }
  if (problems.length > 0) throw new Error(`Secret leak:\n- ${problems.join('\n- ')}`)
}
