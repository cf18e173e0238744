/** README's "Other CI systems", examples/ci/ and --help say the same as the code. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { OPTIONS, helpText, variableOf } from '../src/cli/options.js'
import { VERSION } from '../src/cli/version.js'

const readme = readFileSync('README.md', 'utf8')

/** The lines under `## heading`, up to the next `## `. */
function section(heading: string): string {
  const lines = readme.split('\n')
  const start = lines.indexOf(`## ${heading}`)
  if (start < 0) throw new Error(`README has no "## ${heading}"`)
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '))
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}

const otherCi = section('Other CI systems')

/** Each fenced block as [language, body]. */
function codeBlocks(markdown: string): Array<[string, string]> {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map(match => [
    match[1],
    match[2].replace(/\n$/, '')
  ])
}

const EXAMPLES = [
  '.gitlab-ci.yml',
  'Jenkinsfile',
  '.circleci/config.yml',
  'bitbucket-pipelines.yml',
  'azure-pipelines.yml'
]
const example = (name: string) => readFileSync(join('examples/ci', name), 'utf8').replace(/\n$/, '')

describe('README "Other CI systems"', () => {
  const table = otherCi
    .split('\n')
    .filter(line => /^\| `--/.test(line))
    .map(line => line.split('|').map(cell => cell.trim()))

  it('lists exactly the options of the code, each with its variable', () => {
    const documented = table.flatMap(([, options]) =>
      [...options.matchAll(/`--([a-z-]+)[^`]*`/g)].map(match => match[1])
    )
    expect([...documented].sort()).toEqual(OPTIONS.map(option => option.name).sort())
    for (const [, options, variables] of table) {
      const names = [...options.matchAll(/`--([a-z-]+)[^`]*`/g)].map(match => match[1])
      const expected = names.map(name => variableOf(name as never)).filter(Boolean)
      expect([...variables.matchAll(/`(HARNESS_[A-Z_]+)`/g)].map(match => match[1])).toEqual(
        expected
      )
    }
  })

  it('has every documented option in --help', () => {
    const help = helpText(VERSION)
    for (const option of OPTIONS)
      expect(help).toMatch(new RegExp(`--(\\[no-\\])?${option.name}\\b`))
  })

  it('shows each examples/ci/ file whole, and links it', () => {
    const blocks = codeBlocks(otherCi).map(([, body]) => body)
    for (const name of EXAMPLES) {
      expect(blocks).toContain(example(name))
      expect(otherCi).toContain(`](examples/ci/${name})`)
    }
    const files = readdirSync('examples/ci', { recursive: true, encoding: 'utf8' }).filter(path =>
      statSync(join('examples/ci', path)).isFile()
    )
    expect(files.sort()).toEqual([...EXAMPLES].sort())
  })

  it('uses only options and variables that exist, and fetches dist/cli.js', () => {
    const known = new Set(OPTIONS.map(option => option.name as string))
    const variables = new Set(OPTIONS.map(option => variableOf(option.name)).filter(Boolean))
    const texts = [...EXAMPLES.map(example), ...codeBlocks(otherCi).map(([, body]) => body)]
    for (const text of texts) {
      for (const command of text.match(/harness-trigger\.mjs[^\n]*/g) ?? []) {
        for (const [, name] of command.matchAll(/\s--(?:no-)?([a-z][a-z-]*)/g)) {
          expect(known).toContain(name)
        }
      }
      for (const [name] of text.matchAll(/HARNESS_[A-Z_]+/g)) expect(variables).toContain(name)
      for (const url of text.match(/https:\/\/raw\.githubusercontent\.com\/\S+/g) ?? []) {
        expect(url).toMatch(/\/harness-trigger\/harness-trigger\/v1\/dist\/cli\.js$/)
      }
    }
  })
})

describe('README "Architecture"', () => {
  it('names each part of src/, and src/ has no other', () => {
    const parts = readdirSync('src', { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => entry.name)
    expect(parts.sort()).toEqual(['action', 'cli', 'core', 'github', 'harness', 'report'])
    const text = section('Architecture')
    for (const part of parts) expect(text).toContain(`\`src/${part}/\``)
  })
})
