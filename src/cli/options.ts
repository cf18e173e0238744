import { Setting, type SettingName } from '../core/names.js'
import { readBoolean } from '../core/settings.js'
import { SettingError } from '../harness/setting-error.js'

/** The command line's own options, beside the core's settings (which keep the action's names). */
export const CliOption = {
  CiContext: 'ci-context',
  Format: 'format',
  OutputFile: 'output-file',
  Help: 'help',
  Version: 'version'
} as const

export type OptionName = SettingName | (typeof CliOption)[keyof typeof CliOption]

interface OptionSpec {
  name: OptionName
  /** value: `--name VALUE` / `--name=VALUE`; boolean: also `--name`, `--no-name`; flag: alone */
  kind: 'value' | 'boolean' | 'flag'
  /** what --help shows as the value */
  placeholder?: string
  help: string
  secret?: boolean
}

/** Every option, in the order --help lists them. */
export const OPTIONS: readonly OptionSpec[] = [
  {
    name: Setting.WebhookUrl,
    kind: 'value',
    placeholder: 'URL',
    help: 'the webhook URL exactly as Harness shows it (secret)',
    secret: true
  },
  {
    name: Setting.HarnessUrl,
    kind: 'value',
    placeholder: 'URL',
    help: 'base URL of the Harness cluster (default https://app.harness.io)'
  },
  { name: Setting.AccountId, kind: 'value', placeholder: 'ID', help: 'accountIdentifier' },
  {
    name: Setting.OrgId,
    kind: 'value',
    placeholder: 'ID',
    help: 'orgIdentifier (default default)'
  },
  { name: Setting.ProjectId, kind: 'value', placeholder: 'ID', help: 'projectIdentifier' },
  { name: Setting.PipelineId, kind: 'value', placeholder: 'ID', help: 'pipelineIdentifier' },
  { name: Setting.TriggerId, kind: 'value', placeholder: 'ID', help: 'triggerIdentifier' },
  {
    name: Setting.WebhookToken,
    kind: 'value',
    placeholder: 'TOKEN',
    help: "the trigger's webhook token, for the v3 URL (secret)",
    secret: true
  },
  {
    name: Setting.ApiKey,
    kind: 'value',
    placeholder: 'KEY',
    help: 'Harness API key, sent as X-Api-Key; required with --wait (secret)',
    secret: true
  },
  {
    name: Setting.Image,
    kind: 'value',
    placeholder: 'REF',
    help: "the body's image (a full reference is split into image and tag)"
  },
  {
    name: Setting.Tag,
    kind: 'value',
    placeholder: 'TAG',
    help: "the body's tag (default: the commit SHA)"
  },
  {
    name: Setting.BuildOutputs,
    kind: 'value',
    placeholder: 'JSON',
    help: 'a JSON object of build outputs; image, tag and digest are taken from it'
  },
  {
    name: Setting.Payload,
    kind: 'value',
    placeholder: 'JSON',
    help: 'a JSON object merged into the body'
  },
  {
    name: Setting.Wait,
    kind: 'boolean',
    help: 'follow the execution to its end; fail unless it passes (default false)'
  },
  {
    name: Setting.Timeout,
    kind: 'value',
    placeholder: 'DURATION',
    help: 'how long --wait may take in all (default 30m)'
  },
  {
    name: Setting.PollInterval,
    kind: 'value',
    placeholder: 'DURATION',
    help: 'base interval between status reads (default 10s)'
  },
  {
    name: Setting.AbortOnCancel,
    kind: 'boolean',
    help: 'abort the execution on SIGINT/SIGTERM while waiting (default true)'
  },
  {
    name: Setting.AbortOnTimeout,
    kind: 'boolean',
    help: 'abort the execution when --timeout is reached (default false)'
  },
  {
    name: CliOption.CiContext,
    kind: 'boolean',
    help: 'add a ci object and the top-level branch to the body (default true)'
  },
  {
    name: CliOption.Format,
    kind: 'value',
    placeholder: 'json|dotenv',
    help: 'how the outputs are printed on stdout (default json)'
  },
  {
    name: CliOption.OutputFile,
    kind: 'value',
    placeholder: 'PATH',
    help: 'also write the outputs as dotenv lines to PATH'
  },
  { name: CliOption.Help, kind: 'flag', help: 'print this help and exit' },
  { name: CliOption.Version, kind: 'flag', help: 'print the version and exit' }
]

const BY_NAME = new Map<string, OptionSpec>(OPTIONS.map(spec => [spec.name, spec]))

/** `HARNESS_` + the name in upper snake case; `harness-url` is `HARNESS_URL`. */
export function variableOf(name: OptionName): string | undefined {
  const spec = BY_NAME.get(name)
  if (!spec || spec.kind === 'flag') return undefined
  if (name === Setting.HarnessUrl) return 'HARNESS_URL'
  return `HARNESS_${name.toUpperCase().replaceAll('-', '_')}`
}

/** A problem with the command line itself (unknown option, missing value): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export type OutputFormat = 'json' | 'dotenv'

export interface CliOptions {
  help: boolean
  version: boolean
  /** the raw text of an option, else its variable, else '' */
  value(name: OptionName): string
  format: OutputFormat
  outputFile?: string
  ciContext: boolean
  /** secrets given as options: process lists show them */
  warnings: string[]
}

/**
 * argv (without node and the script) and the environment → the options. The option wins over the
 * variable. Throws UsageError for the command line's shape, SettingError for a bad value. Messages
 * never quote a value that could be a secret.
 */
export function readCliOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>
): CliOptions {
  const given = parseArgv(argv)
  const value = (name: OptionName): string => {
    if (given.has(name)) return given.get(name) ?? ''
    const variable = variableOf(name)
    return (variable && env[variable]) || ''
  }
  const warnings = OPTIONS.filter(spec => spec.secret && given.has(spec.name)).map(
    spec =>
      `--${spec.name} was given on the command line, where process lists (ps) show it to others on this machine; set ${variableOf(spec.name)} instead.`
  )
  const format = value(CliOption.Format).trim() || 'json'
  if (format !== 'json' && format !== 'dotenv') {
    throw new SettingError(
      CliOption.Format,
      `expected json or dotenv; got '${format.slice(0, 40)}'.`
    )
  }
  return {
    help: given.has(CliOption.Help),
    version: given.has(CliOption.Version),
    value,
    format,
    outputFile: value(CliOption.OutputFile).trim() || undefined,
    ciContext: readBoolean(CliOption.CiContext, value(CliOption.CiContext).trim(), true),
    warnings
  }
}

function parseArgv(argv: readonly string[]): Map<string, string> {
  const given = new Map<string, string>()
  const unknown: string[] = []
  const stray: number[] = []
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]
    if (arg === '-h') {
      given.set(CliOption.Help, 'true')
      continue
    }
    if (!arg.startsWith('--') || arg === '--') {
      stray.push(index + 1)
      continue
    }
    const equals = arg.indexOf('=')
    const key = equals < 0 ? arg.slice(2) : arg.slice(2, equals)
    const inline = equals < 0 ? undefined : arg.slice(equals + 1)
    const negated = key.startsWith('no-') ? BY_NAME.get(key.slice(3)) : undefined
    const spec = BY_NAME.get(key) ?? (negated?.kind === 'boolean' ? negated : undefined)
    if (!spec) {
      unknown.push(`--${key}`)
      // An unknown option's value, if any, is skipped with it, so it is not blamed as an argument.
      if (inline === undefined && argv[index + 1] !== undefined && !argv[index + 1].startsWith('-'))
        index++
      continue
    }
    if (spec === negated) {
      if (inline !== undefined) throw new UsageError(`--${key} takes no value.`)
      given.set(spec.name, 'false')
    } else if (spec.kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`--${key} takes no value.`)
      given.set(spec.name, 'true')
    } else if (spec.kind === 'boolean') {
      given.set(spec.name, inline ?? 'true')
    } else if (inline !== undefined) {
      given.set(spec.name, inline)
    } else {
      const next = argv[index + 1]
      if (next === undefined || isOption(next)) {
        throw new UsageError(`--${key} needs a value: --${key} VALUE or --${key}=VALUE.`)
      }
      given.set(spec.name, next)
      index++
    }
  }
  const problems: string[] = []
  if (unknown.length > 0) {
    problems.push(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`)
  }
  if (stray.length > 0) {
    // Never quoted: one may be the value of a misspelt secret option.
    problems.push(
      `unexpected argument${stray.length > 1 ? 's' : ''} #${stray.join(', #')} (options start with --; a value goes after its option)`
    )
  }
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}. See --help.`)
  return given
}

/** `--project-id` is an option, `--` and a negative number are not (a value may start with -). */
function isOption(arg: string): boolean {
  if (!arg.startsWith('--')) return false
  const key = arg.slice(2).split('=')[0]
  return BY_NAME.has(key) || BY_NAME.has(key.replace(/^no-/, ''))
}

/** A bad setting worded in the command line's terms: `--project-id (HARNESS_PROJECT_ID): …`. */
export function describeSettingError(error: SettingError): string {
  const spec = BY_NAME.get(error.setting)
  // The core names other settings as 'name'; here they are options.
  const problem = error.problem.replace(/'([a-z][a-z-]*)'/g, (quoted, name: string) =>
    BY_NAME.has(name) ? `--${name}` : quoted
  )
  if (!spec) return `${error.setting}: ${problem}`
  return `--${spec.name} (${variableOf(spec.name)}): ${problem}`
}

/** The --help text: every option with its variable. */
export function helpText(version: string): string {
  const rows = OPTIONS.map(spec => {
    const variable = variableOf(spec.name)
    const form =
      spec.kind === 'boolean'
        ? `--[no-]${spec.name}[=true|false]`
        : spec.kind === 'flag'
          ? `--${spec.name}`
          : `--${spec.name} ${spec.placeholder ?? 'VALUE'}`
    return { form, variable: variable ?? '', help: spec.help }
  })
  const formWidth = Math.max(...rows.map(row => row.form.length))
  const variableWidth = Math.max(...rows.map(row => row.variable.length))
  const lines = rows.map(row =>
    `  ${row.form.padEnd(formWidth)}  ${row.variable.padEnd(variableWidth)}  ${row.help}`.trimEnd()
  )
  return [
    `harness-trigger ${version}: fire a Harness pipeline through its custom webhook trigger.`,
    '',
    'Usage: harness-trigger [options]   (or: node dist/cli.js [options])',
    '',
    'Each option can also be set by its environment variable; the option wins. Give secrets as',
    'variables: process lists show the command line.',
    '',
    ...lines,
    '',
    'stdout: the outputs (eventCorrelationId, uiUrl, apiUrl, uiSetupUrl; with --wait also',
    'webhookStatus, executionId, executionUrl, status) as JSON or dotenv lines; the log goes to stderr.',
    'Exit codes: 0 accepted (and with --wait, passed); 1 refused, failed, never started or pending;',
    '2 input error, nothing sent; 3 --wait timed out; 130/143 cancelled by SIGINT/SIGTERM.',
    ''
  ].join('\n')
}
