import { createLog, streamSinks, type Log, type LogSinks } from '../core/log.js'
import type { Redactor } from '../core/redactor.js'

/** The command line's log: the core's one writer, to stderr (stdout carries the outputs). */
export type CliLog = Log

export function stderrLog(
  write: (text: string) => void,
  redactor: Pick<Redactor, 'redact'>
): CliLog {
  return createLog(withoutAzureCommands(streamSinks(line => write(`${line}\n`))), redactor)
}

/**
 * Azure's agent takes `##vso[` anywhere in a line as a command (the core writer already guards
 * `::` at the start and `##[`): a visible backslash keeps text from Harness from setting variables.
 */
function withoutAzureCommands(sinks: LogSinks): LogSinks {
  const guard =
    (sink: (line: string) => void) =>
    (line: string): void =>
      sink(line.replace(/##vso\[/g, '##vso\\['))
  return {
    info: guard(sinks.info),
    notice: guard(sinks.notice),
    warning: guard(sinks.warning),
    error: guard(sinks.error),
    debug: guard(sinks.debug),
    fail: guard(sinks.fail)
  }
}
