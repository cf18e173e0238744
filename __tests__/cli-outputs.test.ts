import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OutputSink, formatDotenv, formatJson, type OutputValues } from '../src/cli/outputs.js'

const ACCEPTED: OutputValues = {
  uiUrl:
    'https://app.harness.io/ng/#/account/ACC/cd/orgs/default/projects/P/deployments?pipelineIdentifier=PIPE&page=0',
  eventCorrelationId: '632394c7b018985c661747be',
  apiUrl:
    'https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/632394c7b018985c661747be?accountIdentifier=ACC',
  uiSetupUrl:
    'https://app.harness.io/ng/#/account/ACC/cd/orgs/default/projects/P/pipelines/PIPE/pipeline-studio/'
}

/** What `set -a; . FILE` leaves in the environment, read back by the shell itself. */
function sourcedByShell(text: string, names: string[]): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'dotenv-'))
  try {
    const file = join(dir, 'out.env')
    writeFileSync(file, text)
    const script = `set -a; . "$1"; "${process.execPath}" -e 'process.stdout.write(JSON.stringify(Object.fromEntries(process.argv.slice(1).map(n => [n, process.env[n] ?? null]))))' ${names.join(' ')}`
    const out = execFileSync('sh', ['-c', script, 'sh', file], { encoding: 'utf8' })
    return JSON.parse(out) as Record<string, string>
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** GitLab's dotenv report: KEY=VALUE per line, split at the first =, stripped, quotes kept. */
function readByGitlab(text: string): Record<string, string> {
  const lines = text.split('\n').filter((line, index, all) => index < all.length - 1 || line)
  return Object.fromEntries(
    lines.map(line => {
      const match = /^(.*?)=(.*)$/.exec(line)
      if (!match || match[1].trim() === '') throw new Error(`Invalid Format: ${line}`)
      return [match[1].trim(), match[2].trim()]
    })
  )
}

describe('formatJson', () => {
  it('is one JSON object on one line, in the contract order', () => {
    const text = formatJson({ status: 'Success', ...ACCEPTED })
    expect(text.endsWith('\n')).toBe(true)
    expect(text.trimEnd()).not.toContain('\n')
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'eventCorrelationId',
      'uiUrl',
      'apiUrl',
      'uiSetupUrl',
      'status'
    ])
    expect(formatJson({})).toBe('{}\n')
  })
})

describe('formatDotenv', () => {
  it('writes plain values bare, which GitLab and the shell read alike', () => {
    const values = {
      eventCorrelationId: ACCEPTED.eventCorrelationId,
      apiUrl: ACCEPTED.apiUrl,
      uiSetupUrl: ACCEPTED.uiSetupUrl,
      status: 'Success',
      executionId: 'W4-P7U4u2-nnoeDOE7eA4A'
    }
    const { text, refused } = formatDotenv(values)
    expect(refused).toEqual([])
    expect(text).not.toContain("'")
    expect(readByGitlab(text)).toEqual(values)
    expect(sourcedByShell(text, Object.keys(values))).toEqual(values)
  })

  it('quotes what the shell would misread (& in uiUrl), so source reads it exactly', () => {
    const { text } = formatDotenv(ACCEPTED)
    expect(text).toContain(`uiUrl='${ACCEPTED.uiUrl}'\n`)
    expect(sourcedByShell(text, Object.keys(ACCEPTED))).toEqual(ACCEPTED)
  })

  it('runs nothing from a hostile value, and keeps quotes and dollars', () => {
    const hostile = {
      status: 'a\'b"c $(touch /tmp/pwned-by-dotenv) `id` ; exit 3 & $HOME ~ \\',
      executionId: ' spaced '
    }
    const { text, refused } = formatDotenv(hostile)
    expect(refused).toEqual([])
    expect(sourcedByShell(text, Object.keys(hostile))).toEqual(hostile)
  })

  it('refuses a value with a line break or control character rather than write two lines', () => {
    const { text, refused } = formatDotenv({
      status: 'Failed\nexecutionId=forged',
      executionId: 'ok\u2028',
      webhookStatus: 'TARGET_EXECUTION_REQUESTED'
    })
    expect(refused).toEqual(['executionId', 'status'])
    expect(text).toBe('webhookStatus=TARGET_EXECUTION_REQUESTED\n')
  })
})

describe('Azure logging commands in values from Harness', () => {
  const hostile = {
    status: 'x##vso[task.setvariable variable=deploy]prod',
    executionId: '##[error]y'
  }

  it('JSON: escaped so no line holds one, and parsed back the same', () => {
    const text = formatJson(hostile)
    expect(text).not.toMatch(/##(vso)?\[/)
    expect(JSON.parse(text)).toEqual(hostile)
  })

  it('dotenv: refused', () => {
    expect(formatDotenv(hostile)).toEqual({ text: '', refused: ['executionId', 'status'] })
  })
})

describe('OutputSink', () => {
  function sink(format: 'json' | 'dotenv', outputFile?: string) {
    const seen = {
      stdout: '',
      files: [] as string[],
      warnings: [] as string[],
      errors: [] as string[]
    }
    const outputs = new OutputSink(format, outputFile, {
      stdout: text => (seen.stdout += text),
      writeFile: (_path, text) => {
        if (outputFile === 'unwritable') throw new Error('EACCES')
        seen.files.push(text)
      },
      redact: text => text.replaceAll('s3cret', '***'),
      warning: line => seen.warnings.push(line),
      error: line => seen.errors.push(line)
    })
    return { outputs, seen }
  }

  it('writes the file as soon as outputs are known, stdout once at the end, redacted', () => {
    const { outputs, seen } = sink('json', 'out.env')
    outputs.add({ eventCorrelationId: 'e1', uiUrl: 'https://x/s3cret' })
    expect(seen.files).toEqual(['eventCorrelationId=e1\nuiUrl=https://x/***\n'])
    expect(seen.stdout).toBe('')
    outputs.add({ executionId: 'x1', status: undefined })
    expect(outputs.finish()).toBe(true)
    expect(JSON.parse(seen.stdout)).toEqual({
      eventCorrelationId: 'e1',
      uiUrl: 'https://x/***',
      executionId: 'x1'
    })
    expect(seen.files.at(-1)).toContain('executionId=x1\n')
  })

  it('says when the file cannot be written, once, and finish() reports it', () => {
    const { outputs, seen } = sink('dotenv', 'unwritable')
    outputs.add({ eventCorrelationId: 'e1' })
    expect(outputs.finish()).toBe(false)
    expect(seen.errors).toHaveLength(1)
    expect(seen.errors[0]).toContain('--output-file unwritable')
    expect(seen.stdout).toBe('eventCorrelationId=e1\n')
  })

  it('warns about dotenv values it had to leave out', () => {
    const { outputs, seen } = sink('dotenv')
    outputs.add({ status: 'two\nlines' })
    outputs.finish()
    expect(seen.stdout).toBe('')
    expect(seen.warnings[0]).toContain('status')
  })
})
