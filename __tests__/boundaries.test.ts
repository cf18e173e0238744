/** The import rules between the parts of src/ are an ESLint rule; these cases show it bites. */
import { describe, expect, it } from '@jest/globals'
import { ESLint } from 'eslint'

const eslint = new ESLint()

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages
    .filter(message => message.ruleId === 'no-restricted-imports')
    .map(message => message.message)
}

describe('import rules (eslint.config.js)', () => {
  it.each([
    ['src/core/example.ts', "import { run } from '../action/main.js'", 'src/action/'],
    ['src/core/wait/example.ts', "import { x } from '../../cli/options.js'", 'src/cli/'],
    ['src/core/example.ts', "import { info } from '@actions/core'", '@actions/core'],
    [
      'src/harness/http/example.ts',
      "import type { Settings } from '../../core/settings.js'",
      'src/core/'
    ],
    [
      'src/harness/example.ts',
      "import { renderSummary } from '../report/summary.js'",
      'src/report/'
    ],
    ['src/report/example.ts', "import * as github from '@actions/github'", '@actions/github'],
    ['src/cli/example.ts', "import { Inputs } from '../action/inputs.js'", 'src/action/'],
    ['src/cli/example.ts', "import { getInput } from '@actions/core'", '@actions/core'],
    ['src/github/example.ts', "import type { Runtime } from '../action/runtime.js'", 'src/action/'],
    ['src/action/example.ts', "import { parseArgs } from '../cli/options.js'", 'src/cli/']
  ])('%s may not say %s', async (filePath, code, named) => {
    const messages = await restrictedImports(filePath, `${code}\nexport {}\n`)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(named)
  })

  it.each([
    ['src/core/example.ts', "import { buildWebhookUrl } from '../harness/urls.js'"],
    ['src/action/example.ts', "import { info } from '@actions/core'"],
    ['src/cli/example.ts', "import { readSettings } from '../core/settings.js'"],
    ['src/harness/http/example.ts', "import { SettingError } from '../setting-error.js'"]
  ])('%s may say %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, `${code}\nexport {}\n`)).toEqual([])
  })
})
