/**
 * The one log path (src/core/log.ts): whatever text it is given, what reaches a sink is one line,
 * free of secrets, and never a runner command; and the ESLint rule that keeps everyone on it bites.
 */
import { describe, expect, it } from '@jest/globals'
import { ESLint } from 'eslint'
import fc from 'fast-check'
import { createLog, MAX_LINE_LENGTH, oneLine, safeLine, streamSinks } from '../src/core/log.js'
import { Redactor } from '../src/core/redactor.js'
import { parseCommands } from './helpers/index.js'

/** How the runner splits a log into lines (.NET ReadLine, plus the Unicode breaks a viewer honours). */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/

/** As the runner reads a line: a v2 command after leading white space, or a v1 `##[` anywhere. */
function isRunnerCommand(line: string): boolean {
  return /^\s*::/.test(line) || line.includes('##[')
}

const hostilePiece = fc.constantFrom(
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u001b[2K',
  '\u202e',
  '\t',
  '::add-mask::',
  '::stop-commands::tok',
  '::error::',
  '  ::warning file=a::',
  '##[add-mask]',
  '\ufeff::notice::',
  '::'
)
const hostileText = fc
  .array(fc.oneof(hostilePiece, fc.string({ maxLength: 8 }), fc.string({ unit: 'binary' })), {
    maxLength: 12
  })
  .map(pieces => pieces.join(''))

describe('safeLine', () => {
  it('makes any text one line that is not a runner command', () => {
    const redactor = new Redactor()
    fc.assert(
      fc.property(hostileText, text => {
        const line = safeLine(text, redactor)
        expect(line.split(LINE_BREAK)).toHaveLength(1)
        expect(isRunnerCommand(line)).toBe(false)
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/)
        expect(parseCommands(`${line}\n`)).toEqual([])
      }),
      { numRuns: 2000 }
    )
  })

  it('shows what it escaped', () => {
    expect(oneLine('a\nb\rc\u2028d\u0000e\u001bf')).toBe('a\\nb\\rc\\u2028d\\u0000e\\u001bf')
    expect(safeLine('::add-mask::x', new Redactor())).toBe('\\::add-mask::x')
    expect(safeLine('  ::error::x', new Redactor())).toBe('\\  ::error::x')
    expect(safeLine('stage ##[add-mask]x', new Redactor())).toBe('stage ##\\[add-mask]x')
    expect(safeLine('Stage deploy: Success', new Redactor())).toBe('Stage deploy: Success')
  })

  it('redacts before it escapes and cuts, so no piece of a secret is left', () => {
    const redactor = new Redactor()
    const secret = 'tok_ABCDEFGHIJKLMNOP'
    redactor.add(secret)
    expect(safeLine(`x\n${secret}\ny`, redactor)).toBe('x\\n***\\ny')
    const long = `${'a'.repeat(MAX_LINE_LENGTH - 5)}${secret}`
    const line = safeLine(long, redactor)
    expect(line).not.toContain('tok_')
    expect(line.length).toBeLessThan(MAX_LINE_LENGTH + 40)
  })

  it('cuts a very long line and says how much was left out', () => {
    const line = safeLine('x'.repeat(MAX_LINE_LENGTH + 123), new Redactor())
    expect(line).toBe(`${'x'.repeat(MAX_LINE_LENGTH)}… (123 more characters)`)
  })
})

describe('createLog', () => {
  it('hands every level its sink, each line safe', () => {
    const seen: string[] = []
    const redactor = new Redactor()
    redactor.add('s3cr3t-value')
    const log = createLog(
      streamSinks(line => seen.push(line), { debug: true }),
      redactor
    )
    log.info('i\n::add-mask::s3cr3t-value')
    log.notice('n')
    log.warning('w')
    log.error('e')
    log.debug('d')
    log.fail('::error::f')
    expect(seen).toEqual([
      'i\\n::add-mask::***',
      'notice: n',
      'warning: w',
      'error: e',
      'debug: d',
      'error: \\::error::f'
    ])
  })
})

describe('the lint rule of the one log path (eslint.config.js)', () => {
  const eslint = new ESLint()
  async function ruleMessages(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(`${code}\nexport {}\n`, { filePath })
    return result.messages
      .filter(message =>
        ['no-restricted-syntax', 'no-restricted-imports', 'no-console'].includes(
          message.ruleId ?? ''
        )
      )
      .map(message => message.message)
  }

  it.each([
    ['src/action/example.ts', 'declare const core: { info(t: string): void }\ncore.info("x")'],
    [
      'src/action/example.ts',
      'declare const runtime: { core: { warning(t: string): void } }\nruntime.core.warning("x")'
    ],
    [
      'src/action/example.ts',
      'declare const core: { setFailed(t: string): void }\ncore.setFailed("x")'
    ],
    ['src/action/example.ts', 'declare const core: { debug(t: string): void }\ncore.debug("x")'],
    ['src/action/example.ts', "import { info } from '@actions/core'\ninfo('x')"],
    ['src/github/example.ts', "import { setFailed } from '@actions/core'\nsetFailed('x')"],
    ['src/core/example.ts', 'console.log("x")'],
    ['src/cli/example.ts', 'console.error("x")']
  ])('%s may not print around the writer: %s', async (filePath, code) => {
    const messages = await ruleMessages(filePath, code)
    expect(messages.length).toBeGreaterThan(0)
    expect(messages.join('\n')).toMatch(/log writer|Unexpected console/)
  })

  it.each([
    ['src/action/example.ts', 'declare const log: { info(t: string): void }\nlog.info("x")'],
    [
      'src/action/example.ts',
      "import { getInput, setOutput } from '@actions/core'\nsetOutput('a', getInput('b'))"
    ],
    ['src/action/log-sinks.ts', "import { info } from '@actions/core'\ninfo('x')"]
  ])('%s may say %s', async (filePath, code) => {
    expect(await ruleMessages(filePath, code)).toEqual([])
  })
})
