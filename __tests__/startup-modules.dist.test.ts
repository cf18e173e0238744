import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_KEY,
  DEFAULT_IDS,
  DEFAULT_WEBHOOK_TOKEN,
  prepareStep,
  readStepFiles,
  startEmulator,
  type Emulator
} from '../emulator/index.js'
import { harnessEnv, runCli } from './helpers/run-cli.js'

// What dist/index.js loads of Node beyond what the bench's floor loads (scripts/floor.mjs, the same
// job with built-ins only), on a fire-and-forget run with the default inputs (summary on): the
// built-ins whose cost start-up was cut (node:crypto for a delimiter, fs.promises and its thread
// pool for the summary, undici) must stay out, on both runtimes. `npm run bench` measures the
// time; this says at once which module came back.
const UNWANTED = /crypto|fs\/promises|undici|readline/

const runtimes: [string, () => string][] = [
  [`this Node (${process.version})`, () => process.execPath],
  ['Node 24', () => execFileSync('scripts/node24.sh', { encoding: 'utf8' }).trim()]
]

/** A preload that writes, as the process exits, every module Node loaded (to MODULES_FILE). */
function writeModulesPreload(dir: string): void {
  writeFileSync(
    join(dir, 'modules.cjs'),
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULES_FILE, " +
      'JSON.stringify(process.moduleLoadList)))\n'
  )
}

describe('dist/index.js start-up', () => {
  let emulator: Emulator
  let dir: string
  beforeAll(async () => {
    emulator = await startEmulator({})
    dir = mkdtempSync(join(tmpdir(), 'startup-modules-'))
    writeModulesPreload(dir)
  })
  afterAll(async () => {
    await emulator.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Runs one script as a fire-and-forget step; returns what Node loaded and the step's files. */
  async function loadedBy(node: string, script: string) {
    emulator.reset()
    const step = prepareStep({
      actionYml: 'action.yml',
      tempDir: join(dir, 'step'),
      inputs: {
        'harness-url': emulator.url,
        'account-id': DEFAULT_ACCOUNT_ID,
        'org-id': DEFAULT_IDS.orgId,
        'project-id': DEFAULT_IDS.projectId,
        'pipeline-id': DEFAULT_IDS.pipelineId,
        'trigger-id': DEFAULT_IDS.triggerId,
        'webhook-token': DEFAULT_WEBHOOK_TOKEN,
        'api-key': DEFAULT_API_KEY,
        image: 'ghcr.io/acme/api:1.4.2'
      }
    })
    const modulesFile = join(dir, 'modules.json')
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(node, ['--require', join(dir, 'modules.cjs'), script], {
        env: { ...step.env, MODULES_FILE: modulesFile },
        stdio: ['ignore', 'ignore', 'inherit']
      })
      child.on('error', reject)
      child.on('close', resolve)
    })
    expect(code).toBe(0)
    const loaded = JSON.parse(readFileSync(modulesFile, 'utf8')) as string[]
    return { loaded, files: readStepFiles(step.files) }
  }

  it.each(runtimes)('loads no node:crypto, fs.promises or undici on %s', async (_, which) => {
    const node = which()
    const floor = await loadedBy(node, 'scripts/floor.mjs')
    const action = await loadedBy(node, 'dist/index.js')
    expect(action.files.outputs.eventCorrelationId).toBe(emulator.events[0].id)
    expect(action.files.summary).toContain('Harness')
    const extra = action.loaded.filter(name => !floor.loaded.includes(name))
    expect(extra.filter(name => UNWANTED.test(name))).toEqual([])
    // The lists are real: both loaded Node's HTTP module.
    expect(floor.loaded).toContain('NativeModule http')
  })
})

describe('dist/cli.js start-up', () => {
  let emulator: Emulator
  let dir: string
  beforeAll(async () => {
    emulator = await startEmulator({})
    dir = mkdtempSync(join(tmpdir(), 'startup-modules-cli-'))
    writeModulesPreload(dir)
  })
  afterAll(async () => {
    await emulator.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function loadedUnder(ci: Record<string, string>): Promise<string[]> {
    const modulesFile = join(dir, 'modules.json')
    const result = await runCli({
      emulator,
      env: {
        ...harnessEnv(emulator),
        ...ci,
        NODE_OPTIONS: `--require ${join(dir, 'modules.cjs')}`,
        MODULES_FILE: modulesFile
      }
    })
    expect(result.exitCode).toBe(0)
    return JSON.parse(readFileSync(modulesFile, 'utf8')) as string[]
  }

  it('loads node:child_process only outside every CI, where it asks Git for the commit', async () => {
    const gitlab = await loadedUnder({ GITLAB_CI: 'true', CI_COMMIT_SHA: 'a'.repeat(40) })
    expect(gitlab).not.toContain('NativeModule child_process')
    // The list is real: a run outside any CI asks Git, and loads it.
    const local = await loadedUnder({})
    expect(local).toContain('NativeModule child_process')
  })
})
