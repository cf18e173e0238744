import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

// A `${{ }}` inside a script is pasted into the script's text before the shell (or github-script)
// reads it: an output from Harness's answer, a branch name or a PR title then runs as code.
// actionlint flags only the github.event part of that; this checks every expression, in the
// examples users copy and in our own workflows. Values reach scripts through `env:` instead.

const root = process.cwd()
const workflowFiles = [
  ...readdirSync(join(root, 'examples')).map(name => join('examples', name)),
  ...readdirSync(join(root, '.github', 'workflows')).map(name => join('.github/workflows', name))
]
  .filter(path => /\.ya?ml$/.test(path))
  .sort()

interface Script {
  key: string
  line: number
  text: string
}

/** Every `run:` and `script:` value of a workflow, inline or as a block scalar. */
function scriptsOf(text: string): Script[] {
  const lines = text.split('\n')
  const scripts: Script[] = []
  lines.forEach((line, index) => {
    const match = /^(\s*)(- )?(run|script):\s*(.*)$/.exec(line)
    if (!match) return
    const keyIndent = match[1].length + (match[2] ? 2 : 0)
    const value = match[4]
    if (!/^[|>][+-]?\s*$/.test(value)) {
      scripts.push({ key: match[3], line: index + 1, text: value })
      return
    }
    const body: string[] = []
    for (const next of lines.slice(index + 1)) {
      if (next.trim() !== '' && next.length - next.trimStart().length <= keyIndent) break
      body.push(next)
    }
    scripts.push({ key: match[3], line: index + 1, text: body.join('\n') })
  })
  return scripts
}

describe('scriptsOf', () => {
  it('reads inline and block scripts, and stops a block at the next key', () => {
    const workflow = [
      'steps:',
      '  - run: echo one',
      '  - env:',
      '      A: ${{ steps.x.outputs.a }}',
      '    run: |',
      '      echo "$A"',
      '',
      '      echo two',
      '    shell: bash',
      '  - uses: actions/github-script@v7',
      '    with:',
      '      script: |',
      '        core.info(`${{ steps.x.outputs.a }}`)'
    ].join('\n')
    expect(scriptsOf(workflow)).toEqual([
      { key: 'run', line: 2, text: 'echo one' },
      { key: 'run', line: 5, text: '      echo "$A"\n\n      echo two' },
      { key: 'script', line: 12, text: '        core.info(`${{ steps.x.outputs.a }}`)' }
    ])
  })
})

describe.each(workflowFiles)('%s', path => {
  it('passes values to scripts through env:, never as ${{ }} inside them', () => {
    const scripts = scriptsOf(readFileSync(join(root, path), 'utf8'))
    const pasted = scripts
      .filter(script => script.text.includes('${{'))
      .map(script => `line ${script.line}: ${script.key}: ${script.text.trim()}`)
    expect(pasted).toEqual([])
  })
})
