import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Setting } from '../src/core/names.js'
import { SettingError } from '../src/harness/setting-error.js'
import {
  OPTIONS,
  UsageError,
  describeSettingError,
  helpText,
  readCliOptions,
  variableOf
} from '../src/cli/options.js'
import { VERSION } from '../src/cli/version.js'

const read = (argv: string[], env: Record<string, string> = {}) => readCliOptions(argv, env)

function usageError(argv: string[]): string {
  try {
    read(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('no UsageError')
}

describe('variables', () => {
  it('are HARNESS_ + the name in upper snake case; harness-url is HARNESS_URL', () => {
    expect(variableOf('project-id')).toBe('HARNESS_PROJECT_ID')
    expect(variableOf('abort-on-timeout')).toBe('HARNESS_ABORT_ON_TIMEOUT')
    expect(variableOf('harness-url')).toBe('HARNESS_URL')
    expect(variableOf('output-file')).toBe('HARNESS_OUTPUT_FILE')
    expect(variableOf('help')).toBeUndefined()
  })

  it('cover every setting of the core, and only the action-only inputs are missing', () => {
    const names = OPTIONS.map(option => option.name as string)
    expect(names).toEqual(expect.arrayContaining(Object.values(Setting)))
    for (const actionOnly of ['summary', 'comment-on-pr', 'github-token', 'github-context']) {
      expect(names).not.toContain(actionOnly)
    }
  })
})

describe('readCliOptions', () => {
  it('takes --name VALUE and --name=VALUE; the option wins over the variable', () => {
    const options = read(['--project-id', 'from_option', '--pipeline-id=p=1'], {
      HARNESS_PROJECT_ID: 'from_variable',
      HARNESS_TRIGGER_ID: 'trig',
      HARNESS_URL: 'https://h.example.com'
    })
    expect(options.value('project-id')).toBe('from_option')
    expect(options.value('pipeline-id')).toBe('p=1')
    expect(options.value('trigger-id')).toBe('trig')
    expect(options.value('harness-url')).toBe('https://h.example.com')
    expect(options.value('account-id')).toBe('')
  })

  it('reads booleans as --wait, --no-wait and --wait=false', () => {
    expect(read(['--wait']).value('wait')).toBe('true')
    expect(read(['--no-wait'], { HARNESS_WAIT: 'true' }).value('wait')).toBe('false')
    expect(read(['--wait=false']).value('wait')).toBe('false')
    expect(read([], { HARNESS_ABORT_ON_CANCEL: 'false' }).value('abort-on-cancel')).toBe('false')
    expect(read(['--no-ci-context']).ciContext).toBe(false)
    expect(read([]).ciContext).toBe(true)
    expect(read([], { HARNESS_CI_CONTEXT: 'false' }).ciContext).toBe(false)
  })

  it('does not mistake a value that starts with a dash for an option', () => {
    expect(read(['--tag', '-rc1']).value('tag')).toBe('-rc1')
  })

  it('reads --format, --output-file, --help and --version', () => {
    expect(read([]).format).toBe('json')
    expect(read(['--format', 'dotenv']).format).toBe('dotenv')
    expect(read([], { HARNESS_FORMAT: 'dotenv' }).format).toBe('dotenv')
    expect(read(['--output-file=out.env']).outputFile).toBe('out.env')
    expect(read([], { HARNESS_OUTPUT_FILE: 'x.env' }).outputFile).toBe('x.env')
    expect(read(['--help']).help).toBe(true)
    expect(read(['-h']).help).toBe(true)
    expect(read(['--version']).version).toBe(true)
  })

  it('names unknown options, all of them, and never quotes a stray value', () => {
    const message = usageError(['--bogus', '--api-kye', 'pat.secret.value.here', '--wait', 'stray'])
    expect(message).toContain('unknown options --bogus, --api-kye')
    expect(message).toContain('unexpected argument #5')
    expect(message).not.toContain('pat.secret')
    expect(message).not.toContain('stray')
  })

  it('has --no- only for booleans', () => {
    expect(usageError(['--no-image'])).toContain('unknown option --no-image')
  })

  it('refuses a value option without its value, and a value on a flag', () => {
    expect(usageError(['--project-id'])).toContain('--project-id needs a value')
    expect(usageError(['--project-id', '--wait'])).toContain('--project-id needs a value')
    expect(usageError(['--help=yes'])).toContain('--help takes no value')
    expect(usageError(['--no-wait=true'])).toContain('--no-wait takes no value')
  })

  it('refuses an unknown format as a setting of its own', () => {
    expect(() => read(['--format', 'yaml'])).toThrow(SettingError)
    expect(() => read([], { HARNESS_CI_CONTEXT: 'yes' })).toThrow(SettingError)
  })

  it('warns about secrets given as options, not as variables', () => {
    const options = read(['--api-key', 'k', '--webhook-url=u'], { HARNESS_WEBHOOK_TOKEN: 't' })
    expect(options.warnings).toHaveLength(2)
    expect(options.warnings[0]).toMatch(/--webhook-url .*process lists.*HARNESS_WEBHOOK_URL/)
    expect(options.warnings[1]).toMatch(/--api-key .*HARNESS_API_KEY/)
    expect(options.warnings.join(' ')).not.toMatch(/\bk\b.*\bu\b/)
    expect(read([], { HARNESS_API_KEY: 'k' }).warnings).toEqual([])
  })
})

describe('describeSettingError', () => {
  it('names the option and its variable, and other settings as options', () => {
    const error = new SettingError(
      'project-id',
      "required: set 'project-id', or set 'webhook-url'."
    )
    expect(describeSettingError(error)).toBe(
      '--project-id (HARNESS_PROJECT_ID): required: set --project-id, or set --webhook-url.'
    )
    expect(describeSettingError(new SettingError('harness-url', 'bad'))).toBe(
      '--harness-url (HARNESS_URL): bad'
    )
    expect(describeSettingError(new SettingError('HARNESS_TRIGGER_REQUEST_TIMEOUT', 'bad'))).toBe(
      'HARNESS_TRIGGER_REQUEST_TIMEOUT: bad'
    )
  })
})

describe('--help and --version', () => {
  it('lists every option with its variable', () => {
    const help = helpText(VERSION)
    for (const option of OPTIONS) {
      const opening = new RegExp(`^\\s+--(\\[no-\\])?${option.name}\\b`)
      const line = help.split('\n').find(text => opening.test(text))
      expect(line).toBeDefined()
      expect(line).toContain(variableOf(option.name) ?? `--${option.name}`)
    }
  })

  it('prints the version of package.json', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(VERSION).toBe(manifest.version)
  })
})
