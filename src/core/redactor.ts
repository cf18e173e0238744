/**
 * Remembers every secret the action has read and removes them from any text before it is shown.
 * Harness echoes webhook tokens in its error messages, so everything that came back from the
 * wire goes through `redact` before it reaches a log, an error, an output or a summary.
 */
export class Redactor {
  private readonly secrets = new Set<string>()

  /** `mask` is called once for every form of a new secret (the runner's `::add-mask::`). */
  constructor(private readonly mask: (secret: string) => void = () => {}) {}

  add(secret: string | undefined): void {
    if (!secret) return
    for (const form of formsOf(secret)) {
      if (form.length < 3 || this.secrets.has(form)) continue
      this.secrets.add(form)
      this.mask(form)
    }
  }

  redact(text: string): string {
    let result = text
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join('***')
    }
    return result
  }
}

/** The ways a secret can show up in text: as is, URL-encoded (in a query or path), JSON-escaped. */
function formsOf(secret: string): string[] {
  const forms = new Set([secret.trim(), secret])
  forms.add(encodeURIComponent(secret))
  forms.add(JSON.stringify(secret).slice(1, -1))
  return [...forms].filter(Boolean)
}
