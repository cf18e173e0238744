import { describe, it, expect } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Outputs } from '../src/core/names.js'
import { Inputs } from '../src/action/inputs.js'

// Keeps README.md, examples/ and the workflows in step with action.yml. The YAML here is read with
// a few line-based rules that fit action.yml and workflow files; they throw on shapes they don't
// know rather than skip them.

const root = process.cwd()
const read = (path: string): string => readFileSync(join(root, path), 'utf8')
const ACTION_REF = 'harness-trigger/harness-trigger@v1'

interface ActionSpec {
  /** input name → its default ('' when none is declared) */
  inputs: Map<string, string>
  outputs: string[]
}

/** The `inputs` and `outputs` of an action.yml: two-space entries, `default:` four spaces in. */
function readActionSpec(text: string): ActionSpec {
  const inputs = new Map<string, string>()
  const outputs: string[] = []
  let section = ''
  let entry = ''
  for (const line of text.split('\n')) {
    const top = /^([A-Za-z][\w-]*):/.exec(line)
    if (top) {
      section = top[1]
      entry = ''
      continue
    }
    const key = /^ {2}([A-Za-z][\w-]*):\s*$/.exec(line)
    if (key && section === 'inputs') {
      entry = key[1]
      inputs.set(entry, '')
    } else if (key && section === 'outputs') {
      outputs.push(key[1])
    }
    const fallback = /^ {4}default:(.*)$/.exec(line)
    if (fallback && section === 'inputs' && entry) inputs.set(entry, yamlScalar(fallback[1]))
  }
  return { inputs, outputs }
}

/** A one-line YAML scalar: 'single' (with '' for '), "double" (JSON escapes) or plain. */
function yamlScalar(raw: string): string {
  const text = raw.trim()
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new Error(`unterminated scalar: ${text}`)
    return text.slice(1, -1).replaceAll("''", "'")
  }
  if (text.startsWith('"')) return JSON.parse(text) as string
  return text.replace(/\s+#.*$/, '')
}

/** The lines of the part of `markdown` under the `## heading`, up to the next `## `. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex(line => line.trim() === `## ${heading}`)
  if (start < 0) throw new Error(`README has no "## ${heading}" section`)
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '))
  return lines.slice(start + 1, end < 0 ? undefined : end)
}

/** Cells of the first table's body rows (the header and the |---| line dropped). */
function tableRows(lines: string[]): string[][] {
  const first = lines.findIndex(line => line.trimStart().startsWith('|'))
  if (first < 0) throw new Error('no table found')
  const rows: string[][] = []
  for (const line of lines.slice(first + 2)) {
    if (!line.trimStart().startsWith('|')) break
    rows.push(
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map(cell => cell.trim())
    )
  }
  return rows
}

/** The text of a cell's first `code span`, or '' when it has none. */
function codeSpan(cell: string): string {
  return /`([^`]*)`/.exec(cell)?.[1] ?? ''
}

interface ActionStep {
  uses: string
  withKeys: string[]
  line: number
}

/**
 * Steps whose `uses:` satisfies `wanted`, with the keys of their `with:` block. A step runs from its
 * `- ` line to the first later line indented less than its keys.
 */
function actionSteps(text: string, wanted: (uses: string) => boolean): ActionStep[] {
  const lines = text.split('\n')
  const indent = (line: string): number => line.length - line.trimStart().length
  const steps: ActionStep[] = []
  lines.forEach((line, index) => {
    const match = /^(\s*)(- )?uses:\s*(\S+)/.exec(line)
    if (!match || !wanted(match[3])) return
    const keyIndent = match[1].length + (match[2] ? 2 : 0)
    let start = index
    const opensStep = (at: number): boolean =>
      indent(lines[at]) === keyIndent - 2 && lines[at].trimStart().startsWith('- ')
    while (start > 0 && !opensStep(start)) start--
    let end = index + 1
    while (end < lines.length && (lines[end].trim() === '' || indent(lines[end]) >= keyIndent))
      end++

    const withKeys: string[] = []
    const withLine = lines
      .slice(start, end)
      .findIndex(candidate => withIndent(candidate) === keyIndent)
    if (withLine >= 0) {
      const at = start + withLine
      if (!/with:\s*$/.test(lines[at]))
        throw new Error(`line ${at + 1}: only block-style with: is read`)
      let childIndent = -1
      for (const child of lines.slice(at + 1, end)) {
        if (child.trim() === '' || child.trimStart().startsWith('#')) continue
        if (indent(child) <= keyIndent) break
        if (childIndent < 0) childIndent = indent(child)
        const key = /^\s*([\w-]+):/.exec(child)
        if (indent(child) === childIndent && key) withKeys.push(key[1])
      }
    }
    steps.push({ uses: match[3], withKeys, line: index + 1 })
  })
  return steps
}

/** Column of the `with` key on a line that may open the step (`- with:`). */
function withIndent(line: string): number {
  const match = /^(\s*)(- )?with:/.exec(line)
  return match ? match[1].length + (match[2] ? 2 : 0) : -1
}

/** The bodies of the fenced code blocks in `lines` whose info string is `language` (any if omitted). */
function codeBlocks(lines: string[], language?: string): string[] {
  const blocks: string[] = []
  let body: string[] | undefined
  let keep = false
  for (const line of lines) {
    const fence = /^\s*```(\w*)\s*$/.exec(line)
    if (fence && !body) {
      body = []
      keep = language === undefined || fence[1] === language
    } else if (fence && body) {
      if (keep) blocks.push(body.join('\n'))
      body = undefined
    } else if (body) {
      body.push(line)
    }
  }
  return blocks
}

const action = readActionSpec(read('action.yml'))
const readme = read('README.md')
const exampleFiles = readdirSync(join(root, 'examples'))
  .filter(name => /\.ya?ml$/.test(name))
  .sort()
const isOurs = (uses: string): boolean => uses.startsWith('harness-trigger/')

describe('the YAML and markdown readers used below', () => {
  it('reads inputs with quoted, plain and missing defaults, and outputs', () => {
    const spec = readActionSpec(
      [
        'name: x',
        'inputs:',
        '  a:',
        "    description: 'it''s'",
        "    default: 'it''s'",
        '  b:',
        '    default: "x\\"y"',
        '  c:',
        '    required: false',
        '  d:',
        '    default: 30m # plain',
        'outputs:',
        '  out1:',
        '    description: o',
        'runs:',
        '  using: node24'
      ].join('\n')
    )
    expect([...spec.inputs]).toEqual([
      ['a', "it's"],
      ['b', 'x"y'],
      ['c', ''],
      ['d', '30m']
    ])
    expect(spec.outputs).toEqual(['out1'])
  })

  it('finds the with: keys of matching steps, whichever key opens the step', () => {
    const workflow = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: harness-trigger/harness-trigger@v1',
      '        with:',
      '          api-key: k',
      '          payload: |',
      '            nested: not-a-key',
      '          wait: true',
      '      - name: second',
      '        with:',
      '          image: i',
      '        uses: harness-trigger/harness-trigger@v1',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          fetch-depth: 0'
    ].join('\n')
    expect(actionSteps(workflow, isOurs)).toEqual([
      { uses: ACTION_REF, withKeys: ['api-key', 'payload', 'wait'], line: 4 },
      { uses: ACTION_REF, withKeys: ['image'], line: 13 }
    ])
  })

  it('reads a table and the first code span of a cell', () => {
    const rows = tableRows(['| a | b |', '| - | - |', '| `x` | see `y` |', '', '| z | z |'])
    expect(rows).toEqual([['`x`', 'see `y`']])
    expect(codeSpan(rows[0][1])).toBe('y')
    expect(codeSpan('empty')).toBe('')
  })
})

describe('action.yml', () => {
  it('declares exactly the inputs and outputs the code names', () => {
    expect([...action.inputs.keys()].sort()).toEqual(Object.values(Inputs).sort())
    expect([...action.outputs].sort()).toEqual(Object.values(Outputs).sort())
  })
})

describe('README.md', () => {
  it('lists exactly the inputs of action.yml, with the same defaults', () => {
    const rows = tableRows(section(readme, 'Inputs'))
    const documented = rows.map(([name, fallback]) => [codeSpan(name), codeSpan(fallback ?? '')])
    expect(documented.map(([name]) => name).sort()).toEqual([...action.inputs.keys()].sort())
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(action.inputs))
  })

  it('lists exactly the outputs of action.yml', () => {
    const rows = tableRows(section(readme, 'Outputs'))
    expect(rows.map(([name]) => codeSpan(name)).sort()).toEqual([...action.outputs].sort())
  })

  it('links every example workflow', () => {
    expect(exampleFiles.length).toBeGreaterThan(0)
    const unlinked = exampleFiles.filter(name => !readme.includes(`](examples/${name})`))
    expect(unlinked).toEqual([])
  })

  it('has a quick start of exactly two commands: npm run demo, npm cit', () => {
    const commands = codeBlocks(section(readme, 'Quick start'))
      .flatMap(block => block.split('\n'))
      .map(line => line.trim())
      .filter(line => line !== '' && !line.startsWith('#'))
    expect(commands).toEqual(['npm run demo', 'npm cit'])
  })

  it('uses only inputs of action.yml in its YAML snippets', () => {
    const steps = codeBlocks(readme.split('\n'), 'yaml').flatMap(block =>
      actionSteps(block, isOurs)
    )
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      expect(step.uses).toBe(ACTION_REF)
      expect(step.withKeys.filter(key => !action.inputs.has(key))).toEqual([])
    }
  })

  it('names the test command that .ci/run and CI run', () => {
    expect(section(readme, 'Development').join('\n')).toMatch(/^npm test\b/m)
    expect(read('.ci/run')).toMatch(/^\s*npm test\b/m)
    expect(read('.github/workflows/ci.yml')).toMatch(/run: npm test$/m)
  })
})

describe('examples/', () => {
  it.each(exampleFiles)('%s uses the action with inputs of action.yml only', name => {
    const steps = actionSteps(read(join('examples', name)), isOurs)
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      expect(step.uses).toBe(ACTION_REF)
      expect(step.withKeys.length).toBeGreaterThan(0)
      expect(step.withKeys.filter(key => !action.inputs.has(key))).toEqual([])
    }
  })
})

describe('.github/workflows/ci.yml', () => {
  it('runs the action itself (uses: ./) with inputs of action.yml only', () => {
    const steps = actionSteps(read('.github/workflows/ci.yml'), uses => uses === './')
    expect(steps).toHaveLength(1)
    expect(steps[0].withKeys).toEqual(expect.arrayContaining(['harness-url', 'wait']))
    expect(steps[0].withKeys.filter(key => !action.inputs.has(key))).toEqual([])
  })
})
