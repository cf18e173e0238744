/**
 * The one way out for every line the action or the command line prints. Each line is redacted and
 * made one line, so no text from Harness or GitHub (ids, URLs, statuses, stage names, messages)
 * can start a runner command (`::add-mask::`, `::stop-commands::`, `::error::`…): the runner reads
 * commands from every line of stdout and stderr, also of a CLI run inside a workflow step.
 */

/** Where lines go: the toolkit's functions in the action, stderr in the command line. */
export interface LogSinks {
  info(line: string): void
  notice(line: string): void
  warning(line: string): void
  /** an error annotation that does not by itself fail the run */
  error(line: string): void
  debug(line: string): void
  /** the run's final error; the action's sink is `setFailed` */
  fail(line: string): void
}

export type LogLevel = keyof LogSinks

export interface Redacting {
  redact(text: string): string
}

/** The writer: each method takes any text and prints it as one safe, secret-free line. */
export type Log = Record<LogLevel, (text: string) => void>

const LEVELS: LogLevel[] = ['info', 'notice', 'warning', 'error', 'debug', 'fail']

export function createLog(sinks: LogSinks, redactor: Redacting): Log {
  const line = (text: string) => safeLine(text, redactor)
  return Object.fromEntries(
    LEVELS.map(level => [level, (text: string) => sinks[level](line(text))])
  ) as Log
}

/**
 * A line of a few thousand characters says all a person reads; a megabyte of stage name (answers
 * are capped, not small) would only bury the log.
 */
export const MAX_LINE_LENGTH = 4000

/**
 * Redacted, one line, not too long, and never a runner command. Redacted before it is cut, so no
 * piece of a secret is left at the cut; and again at the end, since escaping could rejoin one.
 */
export function safeLine(text: string, redactor: Redacting): string {
  const line = notACommand(oneLine(redactor.redact(String(text))))
  return redactor.redact(shortened(line))
}

function shortened(line: string): string {
  if (line.length <= MAX_LINE_LENGTH) return line
  let end = MAX_LINE_LENGTH
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/.test(line[end - 1])) end--
  return `${line.slice(0, end)}… (${line.length - end} more characters)`
}

/** Sinks for a plain stream (the command line's stderr): one line each, the level in front. */
export function streamSinks(
  write: (line: string) => void,
  options: { debug?: boolean } = {}
): LogSinks {
  return {
    info: line => write(line),
    notice: line => write(`notice: ${line}`),
    warning: line => write(`warning: ${line}`),
    error: line => write(`error: ${line}`),
    debug: line => (options.debug ? write(`debug: ${line}`) : undefined),
    fail: line => write(`error: ${line}`)
  }
}

/** Visible escapes for the characters that end a line, move the cursor or hide text. */
const ESCAPES: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' }

/**
 * Line breaks (CR, LF, NEL, U+2028/2029), every other C0/C1 control, DEL, and the bidirectional
 * overrides and isolates (they can make a line read differently from what it holds).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

export function oneLine(text: string): string {
  return text.replace(
    UNSAFE,
    char => ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/**
 * The runner takes a line as a command when, after leading white space, it starts with `::`, or
 * when it holds the older `##[name]` anywhere. A line that starts like a command gets a visible `\`
 * in front (no command starts with one); `##[` becomes `##\[`.
 */
const COMMAND_START = /^[\s\ufeff]*::/

function notACommand(line: string): string {
  const safe = line.replace(/##\[/g, '##\\[')
  return COMMAND_START.test(safe) ? `\\${safe}` : safe
}
