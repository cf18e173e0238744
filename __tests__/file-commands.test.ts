import { describe, it, expect, beforeEach, afterEach, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { EOL, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setOutput as toolkitSetOutput } from '@actions/core'
import { parseCommandFile } from '../emulator/index.js'
import {
  fileCommands,
  keyValueBlock,
  randomBytesFromSystem,
  runnerFileCommands
} from '../src/action/file-commands.js'

const DELIMITER = /^ghadelimiter_[0-9a-f]{32}$/

describe('the runner file commands the bundle writes itself', () => {
  let dir: string
  let env: Record<string, string>
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-commands-'))
    env = {
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md')
    }
    for (const file of Object.values(env)) writeFileSync(file, '')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes outputs and state as blocks the runner reads back exactly', () => {
    const commands = runnerFileCommands(env)
    const tricky = 'line one\nuiUrl=https://evil.example\r\nname<<EOF\nEOF\n'
    commands.setOutput('eventCorrelationId', 'abc123')
    commands.setOutput('status', tricky)
    commands.saveState('pendingAbort', '{"executionId":"x"}')
    expect(parseCommandFile(readFileSync(env.GITHUB_OUTPUT, 'utf8'))).toEqual({
      eventCorrelationId: 'abc123',
      status: tricky
    })
    expect(parseCommandFile(readFileSync(env.GITHUB_STATE, 'utf8'))).toEqual({
      pendingAbort: '{"executionId":"x"}'
    })
    const text = readFileSync(env.GITHUB_OUTPUT, 'utf8')
    const delimiters = text.match(/ghadelimiter_\w+/g) ?? []
    expect(delimiters).toHaveLength(4)
    for (const delimiter of delimiters) expect(delimiter).toMatch(DELIMITER)
    // A fresh delimiter for every block: one that was seen tells nothing about the next.
    expect(new Set(delimiters).size).toBe(2)
  })

  it('refuses a name or value that holds the delimiter, as the toolkit does', () => {
    const zeros = (size: number): Uint8Array => new Uint8Array(size)
    const delimiter = `ghadelimiter_${'0'.repeat(32)}`
    expect(() => keyValueBlock('status', `x${delimiter}y`, zeros)).toThrow(
      `Unexpected input: value should not contain the delimiter "${delimiter}"`
    )
    expect(() => keyValueBlock(`a${delimiter}`, 'v', zeros)).toThrow(
      'name should not contain the delimiter'
    )
    expect(keyValueBlock('status', 'ok', zeros)).toBe(
      `status<<${delimiter}${EOL}ok${EOL}${delimiter}`
    )
  })

  it('takes 128 random bits from the system for each delimiter', () => {
    const first = randomBytesFromSystem(16)
    const second = randomBytesFromSystem(16)
    expect(first).toHaveLength(16)
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false)
  })

  it('fails as the toolkit does when the runner named a file that is not there', () => {
    const commands = runnerFileCommands({ GITHUB_OUTPUT: join(dir, 'missing') })
    expect(() => commands.setOutput('uiUrl', 'x')).toThrow(
      `Missing file at path: ${join(dir, 'missing')}`
    )
  })

  it('falls back to the workflow commands when the runner gives no file', () => {
    const written: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      written.push(String(chunk))
      return true
    })
    try {
      const commands = runnerFileCommands({})
      commands.setOutput('a:b,c', '50%\ndone')
      commands.saveState('pendingAbort', '')
    } finally {
      spy.mockRestore()
    }
    expect(written.join('')).toBe(
      `${EOL}::set-output name=a%3Ab%2Cc::50%25%0Adone${EOL}::save-state name=pendingAbort::${EOL}`
    )
  })

  it('appends the job summary, with a line end when asked', async () => {
    const { summary } = runnerFileCommands(env)
    await summary.addRaw('## Harness', true).write()
    await summary.addRaw('more').write()
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe(`## Harness${EOL}more`)
  })

  it('says why when there is no summary file to write', async () => {
    await expect(runnerFileCommands({}).summary.addRaw('x').write()).rejects.toThrow(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY'
    )
    const missing = join(dir, 'nowhere', 'summary.md')
    await expect(
      runnerFileCommands({ GITHUB_STEP_SUMMARY: missing }).summary.addRaw('x').write()
    ).rejects.toThrow(`Unable to access summary file: '${missing}'`)
  })

  it('leaves src/ run unbundled (jest, local-action) with the toolkit’s own writers', () => {
    expect(fileCommands.setOutput).toBe(toolkitSetOutput)
  })
})
