import { secretForms } from './secret-forms.js'

const MASK = '***'

/**
 * Remembers every secret the action has read and removes them, in every form the runner's masker
 * knows (secret-forms.ts), from any text before it is shown. Harness echoes webhook tokens in its
 * error messages, so everything that came back from the wire goes through `redact` before it
 * reaches a log, an error, an output, the state, the summary or a comment.
 */
export class Redactor {
  private readonly forms = new Set<string>()

  /** `mask` is called once for every form of a new secret (the runner's `::add-mask::`). */
  constructor(private readonly mask: (secret: string) => void = () => {}) {}

  add(secret: string | undefined): void {
    if (!secret) return
    for (const form of secretForms(secret)) {
      if (this.forms.has(form)) continue
      this.forms.add(form)
      this.mask(form)
    }
  }

  /**
   * Every character that belongs to some occurrence of some form becomes part of a `***`: forms
   * that overlap (one secret's tail is another's head) are masked as one stretch, so no piece of
   * either is left over.
   */
  redact(text: string): string {
    let result = text
    // A mask next to leftover text can in theory make a new occurrence: go on until none is left.
    for (let round = 0; round < 4; round++) {
      const stretches = occurrences(result, this.forms)
      if (stretches.length === 0) break
      result = masked(result, stretches)
    }
    return result
  }
}

type Stretch = [start: number, end: number]

/** Every occurrence of every form (overlapping ones included), merged into disjoint stretches. */
function occurrences(text: string, forms: Iterable<string>): Stretch[] {
  const found: Stretch[] = []
  for (const form of forms) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
      found.push([at, at + form.length])
    }
  }
  found.sort((a, b) => a[0] - b[0])
  const merged: Stretch[] = []
  for (const stretch of found) {
    const last = merged.at(-1)
    if (last && stretch[0] <= last[1]) last[1] = Math.max(last[1], stretch[1])
    else merged.push([...stretch])
  }
  return merged
}

function masked(text: string, stretches: Stretch[]): string {
  let result = ''
  let from = 0
  for (const [start, end] of stretches) {
    result += text.slice(from, start) + MASK
    from = end
  }
  return result + text.slice(from)
}
