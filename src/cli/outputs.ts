import { Outputs, type OutputName } from '../core/names.js'
import { messageOf } from '../harness/plain.js'

/** The outputs known so far, by the action's names. */
export type OutputValues = Partial<Record<OutputName, string>>

/** The contract's order, whatever order they became known in. */
const ORDER: readonly OutputName[] = Object.values(Outputs)

function known(values: OutputValues): Array<[OutputName, string]> {
  return ORDER.flatMap(name => (values[name] === undefined ? [] : [[name, values[name]]]))
}

/**
 * Azure's agent takes `##vso[…]` anywhere in a line of output as a command (`##[` for formatting):
 * text from Harness must not be able to set a pipeline variable.
 */
const AZURE_COMMAND = /##(vso)?\[/

/** One JSON object on one line: `jq -r .uiUrl` reads it. */
export function formatJson(values: OutputValues): string {
  const text = JSON.stringify(Object.fromEntries(known(values)))
  // Inside a JSON string `\u005b` is `[`: the value parses back the same.
  return `${text.replace(new RegExp(AZURE_COMMAND, 'g'), match => `${match.slice(0, -1)}\\u005b`)}\n`
}

export interface DotenvText {
  text: string
  /** outputs left out: no dotenv reader takes their value literally (a line break, say) */
  refused: OutputName[]
}

/**
 * Characters that mean the same bare to the shell (in an assignment: no globbing, no splitting)
 * and to GitLab's dotenv report, which keeps quotes as part of the value.
 */
const BARE = /^[A-Za-z0-9_@%+=:,./?#*^-]*$/
/** GitLab's report keeps no line break, and strips surrounding spaces. */
const UNREPRESENTABLE = /[\u0000-\u001f\u007f\u2028\u2029]/

/**
 * `name=value` lines. A value the shell would misread unquoted (`&` in uiUrl, spaces, `$`, quotes)
 * is single-quoted, so `source`/`set -a; .` reads it exactly and runs nothing from it; GitLab's
 * report keeps such quotes as part of the value (it does not parse quotes). A value with a control
 * character or line break cannot be one dotenv line, nor can one that Azure would read as a command:
 * such values are refused, and the JSON carries them.
 */
export function formatDotenv(values: OutputValues): DotenvText {
  const lines: string[] = []
  const refused: OutputName[] = []
  for (const [name, value] of known(values)) {
    if (UNREPRESENTABLE.test(value) || AZURE_COMMAND.test(value)) refused.push(name)
    else lines.push(`${name}=${BARE.test(value) ? value : shellQuoted(value)}`)
  }
  return { text: lines.map(line => `${line}\n`).join(''), refused }
}

function shellQuoted(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`
}

export interface OutputChannels {
  stdout(text: string): void
  writeFile(path: string, text: string): void
  redact(text: string): string
  warning(line: string): void
  error(line: string): void
}

/**
 * Collects the outputs as they become known. The output file follows at once (a kill may come
 * before the end); stdout gets them once, at the end, whatever the end was.
 */
export class OutputSink {
  private readonly values: OutputValues = {}
  private fileFailed = false

  constructor(
    private readonly format: 'json' | 'dotenv',
    private readonly outputFile: string | undefined,
    private readonly channels: OutputChannels
  ) {}

  add(learnt: OutputValues): void {
    for (const [name, value] of Object.entries(learnt) as Array<[OutputName, string]>) {
      if (value) this.values[name] = this.channels.redact(value)
    }
    this.writeFile()
  }

  /** Prints the outputs and writes the file a last time; false when the file could not be written. */
  finish(): boolean {
    if (this.format === 'json') {
      this.channels.stdout(formatJson(this.values))
    } else {
      const { text, refused } = formatDotenv(this.values)
      if (refused.length > 0) {
        this.channels.warning(
          `Left out of the dotenv lines, as no reader would take the value literally (a line break or control character): ${refused.join(', ')}. --format json carries them.`
        )
      }
      this.channels.stdout(text)
    }
    this.writeFile()
    return !this.fileFailed
  }

  private writeFile(): void {
    if (!this.outputFile || this.fileFailed) return
    try {
      this.channels.writeFile(this.outputFile, formatDotenv(this.values).text)
    } catch (error) {
      this.fileFailed = true
      const reason = messageOf(error)
      this.channels.error(`Could not write --output-file ${this.outputFile}: ${reason}`)
    }
  }
}
