import type { Redactor } from '../core/redactor.js'

/** The command line's log: stderr only (stdout carries the outputs), one line per message. */
export interface CliLog {
  info(line: string): void
  notice(line: string): void
  warning(line: string): void
  error(line: string): void
  debug(line: string): void
}

/**
 * Every line is redacted, then made one line (text from Harness is untrusted: a line break or
 * control character in it must not forge a line of its own). Debug lines are dropped.
 */
export function stderrLog(
  write: (text: string) => void,
  redactor: Pick<Redactor, 'redact'>
): CliLog {
  const line = (prefix: string) => (text: string) =>
    write(`${prefix}${oneLine(redactor.redact(text))}\n`)
  return {
    info: line(''),
    notice: line('notice: '),
    warning: line('warning: '),
    error: line('error: '),
    debug: () => {}
  }
}

/** CR, LF, U+2028/2029 and other control characters as visible escapes. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, char => {
    if (char === '\n') return '\\n'
    if (char === '\r') return '\\r'
    if (char === '\t') return ' '
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}
