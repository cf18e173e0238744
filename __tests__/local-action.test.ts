/**
 * `npm run local-action`: GitHub's own local runner (@github/local-action) imports the action's
 * entry from src/, calls its exported run() with toolkit stubs, and prints the outputs the action
 * set. This runs it as a user would, with the committed .env.example (only the emulator's port
 * changed), against the emulator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import {
  API_KEY,
  FAKE_GITHUB_TOKEN,
  REPO_ROOT,
  WEBHOOK_TOKEN,
  assertNoSecrets,
  startEmulator,
  type Emulator
} from './helpers/index.js'

/** The entry local-action runs: the main phase's run(), as in package.json's local-action script. */
const ENTRY = 'src/action/main.ts'
const LOCAL_ACTION = join(
  REPO_ROOT,
  'node_modules',
  '@github',
  'local-action',
  'bin',
  'local-action.js'
)
/** The port .env.example expects `node emulator/cli.js --port 8089` on. */
const EXAMPLE_URL = 'http://127.0.0.1:8089'

let dir: string
let emulator: Emulator

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'local-action-test-'))
  emulator = await startEmulator({ execution: { statuses: ['Running', 'Success'] } })
})
afterAll(async () => {
  await emulator.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => emulator.reset())

interface LocalActionRun {
  code: number | null
  stdout: string
  stderr: string
  /** the rows of local-action's "Action Outputs" table */
  outputs: Record<string, string>
  summary: string
}

/** .env.example pointed at this test's emulator, with `changes` (INPUT_X=value lines) applied. */
function envFile(name: string, changes: Record<string, string> = {}): string {
  let text = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8').replaceAll(
    EXAMPLE_URL,
    emulator.url
  )
  for (const [key, value] of Object.entries({
    GITHUB_STEP_SUMMARY: join(dir, `${name}-summary.md`),
    ...changes
  })) {
    const line = new RegExp(`^${key.replace(/[-]/g, '\\-')}=.*$`, 'm')
    if (!line.test(text)) throw new Error(`.env.example has no ${key} line`)
    text = text.replace(line, `${key}=${value}`)
  }
  const path = join(dir, `${name}.env`)
  writeFileSync(path, text)
  return path
}

/** The environment of a developer's shell: nothing of the runner, of jest, or of a CI job. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_|JEST_)/.test(key) || key === 'NODE_OPTIONS') {
      continue
    }
    env[key] = value
  }
  // local-action starts npm and tsx through `#!/usr/bin/env node`: the test's runtime runs them.
  env.PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`
  env.NO_COLOR = '1'
  env.FORCE_COLOR = '0'
  return env
}

/** console.table rows: `│ 0 │ 'name' │ 'value' │` (strings quoted as util.inspect does). */
function outputsTable(stdout: string): Record<string, string> {
  const at = stdout.lastIndexOf('Action Outputs')
  if (at < 0) return {}
  const outputs: Record<string, string> = {}
  for (const line of stdout.slice(at).split('\n')) {
    const row = /^│\s*\d+\s*│\s*'([^']+)'\s*│\s*(['"])(.*)\2\s*│$/.exec(line)
    if (row) outputs[row[1]] = row[3]
  }
  return outputs
}

function localAction(env: string): Promise<LocalActionRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOCAL_ACTION, '.', ENTRY, env], {
      cwd: REPO_ROOT,
      env: shellEnv(),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 50000)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      let summary = ''
      try {
        summary = readFileSync(env.replace(/\.env$/, '-summary.md'), 'utf8')
      } catch {
        // no summary written
      }
      resolve({ code, stdout, stderr, outputs: outputsTable(stdout), summary })
    })
  })
}

/** local-action exits non-zero only when it could not run the action at all: say why. */
function expectRan(run: LocalActionRun): void {
  if (run.code !== 0) {
    const tail = `${run.stdout}\n${run.stderr}`.trim().slice(-2000)
    throw new Error(`local-action exited with ${run.code}:\n${tail}`)
  }
}

function expectNoSecrets(run: LocalActionRun): void {
  assertNoSecrets(
    { stdout: run.stdout, stderr: run.stderr, summary: run.summary },
    { apiKey: API_KEY, webhookToken: WEBHOOK_TOKEN, githubToken: FAKE_GITHUB_TOKEN }
  )
}

describe('npm run local-action (@github/local-action against the emulator)', () => {
  it('runs the main phase once from src/ and reports every output of a waited-for run', async () => {
    const run = await localAction(envFile('wait'))
    expectRan(run)
    expect(run.stdout).not.toMatch(/does not export a run\(\) function|::error::/)

    // one trigger POST, one execution: importing the entry did not fire it a second time
    expect(emulator.requestsTo('webhook')).toHaveLength(1)
    expect(emulator.events).toHaveLength(1)
    const [event] = emulator.events
    const [execution] = emulator.executions
    expect(event.payload).toMatchObject({ image: 'ghcr.io/acme/api', tag: '1.4.2' })

    expect(run.outputs).toEqual({
      eventCorrelationId: event.id,
      uiUrl: expect.stringContaining(`${emulator.url}/ng/#/account/acc-123_X/`),
      apiUrl: expect.stringContaining(`${emulator.url}/gateway/pipeline/api/webhook/`),
      uiSetupUrl: expect.stringContaining('/pipeline-studio/'),
      webhookStatus: 'TARGET_EXECUTION_REQUESTED',
      executionId: execution.planExecutionId,
      executionUrl: expect.stringContaining(`/executions/${execution.planExecutionId}/`),
      status: 'Success'
    })
    expect(run.summary).toContain('Success')
    expectNoSecrets(run)
  }, 60000)

  it('shows a failed step as an error line, though local-action itself exits 0', async () => {
    const run = await localAction(
      envFile('refused', { 'INPUT_WEBHOOK-TOKEN': 'Tm90VGhlVG9rZW5fMDAy-q' })
    )
    // local-action reports setFailed in its log only; a script that relies on its exit code
    // would take a failed deployment for a passed one
    expectRan(run)
    expect(run.stdout).toMatch(/^::error::Harness answered HTTP 400 .*No custom trigger found/m)
    expect(run.stdout).toContain('No outputs were set!')
    expect(run.outputs).toEqual({})
    expect(emulator.executions).toHaveLength(0)
    expectNoSecrets(run)
  }, 60000)
})
