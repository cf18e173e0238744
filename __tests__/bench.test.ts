import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_KEY,
  DEFAULT_IDS,
  DEFAULT_WEBHOOK_TOKEN,
  prepareStep,
  startEmulator
} from '../emulator/index.js'

// `npm run bench` is a measurement, not a test; these runs only prove that it still measures what
// it claims (every side fires the same request, the phases add up, a wait ends, a soak samples)
// against the committed dist/, and that it refuses to measure what does not work.

interface BenchRun {
  code: number | null
  stdout: string
  stderr: string
}

function bench(args: string[]): Promise<BenchRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/bench.mjs', ...args], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += String(chunk)))
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

interface Summary {
  median: number
  count: number
}

interface SideFigures {
  wallMs: Summary
  cpuMs: Summary
  maxRssKiB: Summary
  phases: {
    runs: number
    phases: Record<string, { wallMs: number; cpuMs: number }>
    builtins: Record<string, number>
    totalMs: number
  }
}

interface RuntimeFigures {
  label: string
  version: string
  error?: string
  startup: {
    error?: string
    sides: Record<string, SideFigures>
    ratios: Record<string, { wall: number; cpu: number; peak: number }>
    failures: unknown[]
    comparison: Record<
      string,
      {
        samePath: boolean
        entryBodyBytes: number
        floorBodyBytes: number
        headersOnlyInEntry: string[]
        headersOnlyInFloor: string[]
      }
    >
  }
  wait: {
    skipped?: boolean
    exitCode: number
    statusOutput?: string
    executionReads: number
    requestsByRoute: Record<string, number>
    terminalSeen: boolean
    terminalToExitMs: number
    requestsPerMinute: number
  }
}

interface BenchResult {
  runs: number
  targets: Record<'wall' | 'cpu' | 'peak', number>
  machine: { cores: number }
  dist: { files: { file: string; bytes: number }[] }
  runtimes: RuntimeFigures[]
  soak?: {
    exitCode: number
    statusOutput?: string
    executionReads: number
    samples: { rssKiB: number; cpuMs: number; reads: number }[]
    memory: { heapUsed: number; rss: number }[]
    cadence: { medianGapMs: number }
    rssGrowthKiB: number
  }
}

const node24 = (): string => execFileSync('scripts/node24.sh', { encoding: 'utf8' }).trim()

describe('npm run bench', () => {
  it('times the floor and dist/index.js doing the same POST, and where the time goes', async () => {
    const run = await bench(['--runs', '2', '--phase-runs', '2', '--no-wait', '--json'])
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as BenchResult
    expect(result.targets).toEqual({ wall: 1.25, cpu: 1.25, peak: 1.1 })
    expect(result.runtimes.map(runtime => runtime.label)).toEqual(
      expect.arrayContaining(['Node 24'])
    )
    expect(result.runtimes.map(runtime => runtime.version)).toContain(process.version)
    for (const { startup, version } of result.runtimes) {
      expect({ version, failures: startup.failures }).toEqual({ version, failures: [] })
      const { floor, action } = startup.sides
      expect(action.wallMs.count).toBe(2)
      expect(floor.cpuMs.count).toBe(2)
      expect(action.maxRssKiB.median).toBeGreaterThan(10_000)
      for (const key of ['wall', 'cpu', 'peak'] as const)
        expect(startup.ratios.action[key]).toBeGreaterThan(0)
      expect(startup.comparison.action).toEqual({
        samePath: true,
        entryBodyBytes: startup.comparison.action.floorBodyBytes,
        floorBodyBytes: startup.comparison.action.entryBodyBytes,
        headersOnlyInEntry: [],
        headersOnlyInFloor: []
      })
      // Both reach every milestone of a fire-and-forget run; the action writes a summary too.
      const reached = ['preload', 'mask', 'request', 'responseEnd', 'output', 'exit', 'gone']
      for (const side of [floor, action]) {
        expect(side.phases.runs).toBe(2)
        expect(Object.keys(side.phases.phases)).toEqual(expect.arrayContaining(reached))
        const sum = Object.values(side.phases.phases).reduce((total, p) => total + p.wallMs, 0)
        expect(sum).toBeGreaterThan(side.phases.totalMs * 0.7)
        expect(sum).toBeLessThan(side.phases.totalMs * 1.3)
      }
      expect(action.phases.phases.summary).toBeDefined()
      expect(floor.phases.phases.summary).toBeUndefined()
      // The floor loads its HTTP module through getBuiltinModule: the probe sees it.
      expect(Object.keys(floor.phases.builtins)).toContain('http')
    }
    expect(result.dist.files.map(f => f.file)).toContain('index.js')
    expect(run.stderr).toMatch(/wall time \(ms\)/)
    expect(run.stderr).toMatch(/Where the time goes/)
  }, 60_000)

  it('has a floor that loads no undici on Node 24 and masks the key before it sends', async () => {
    const emulator = await startEmulator({})
    const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'))
    try {
      const step = prepareStep({
        actionYml: 'action.yml',
        tempDir: dir,
        inputs: {
          'harness-url': emulator.url,
          'account-id': DEFAULT_ACCOUNT_ID,
          'org-id': DEFAULT_IDS.orgId,
          'project-id': DEFAULT_IDS.projectId,
          'pipeline-id': DEFAULT_IDS.pipelineId,
          'trigger-id': DEFAULT_IDS.triggerId,
          'webhook-token': DEFAULT_WEBHOOK_TOKEN,
          'api-key': DEFAULT_API_KEY
        }
      })
      const report = join(dir, 'modules.json')
      writeFileSync(
        join(dir, 'modules.cjs'),
        `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, ` +
          'JSON.stringify(process.moduleLoadList)))\n'
      )
      const stdout = await new Promise<string>((resolve, reject) => {
        const child = spawn(
          node24(),
          ['--require', join(dir, 'modules.cjs'), 'scripts/floor.mjs'],
          {
            env: step.env,
            stdio: ['ignore', 'pipe', 'inherit']
          }
        )
        let out = ''
        child.stdout.on('data', chunk => (out += String(chunk)))
        child.on('error', reject)
        child.on('close', code => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))))
      })
      expect(stdout.split('\n')[0]).toBe(`::add-mask::${DEFAULT_API_KEY}`)
      expect(stdout).toContain(`::add-mask::${DEFAULT_WEBHOOK_TOKEN}`)
      expect(emulator.requestsTo('webhook')).toHaveLength(1)
      const loaded = JSON.parse(readFileSync(report, 'utf8')) as string[]
      expect(loaded).toEqual(expect.arrayContaining(['NativeModule http']))
      expect(loaded.filter(name => /undici/.test(name))).toEqual([])
    } finally {
      await emulator.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)

  it('follows a wait to its end and times the exit after the terminal status', async () => {
    const run = await bench(
      ['--runs', '1', '--phase-runs', '0', '--runtime', 'current'].concat([
        '--wait-reads',
        '3',
        '--poll-ms',
        '300',
        '--json'
      ])
    )
    expect(run.code).toBe(0)
    const { wait } = (JSON.parse(run.stdout) as BenchResult).runtimes[0]
    expect(wait.exitCode).toBe(0)
    expect(wait.statusOutput).toBe('Success')
    expect(wait.executionReads).toBe(3)
    expect(wait.requestsByRoute.webhook).toBe(1)
    expect(wait.terminalSeen).toBe(true)
    expect(wait.terminalToExitMs).toBeGreaterThanOrEqual(0)
    expect(wait.terminalToExitMs).toBeLessThan(5000)
    expect(wait.requestsPerMinute).toBeGreaterThan(0)
  })

  it('soaks a wait for the duration asked, sampling memory and CPU', async () => {
    const run = await bench([
      '--soak',
      '--duration',
      '4s',
      '--sample-every',
      '1s',
      '--runtime',
      'current',
      '--json'
    ])
    expect(run.code).toBe(0)
    const { soak } = JSON.parse(run.stdout) as BenchResult
    expect(soak?.exitCode).toBe(0)
    expect(soak?.statusOutput).toBe('Success')
    expect(soak?.samples.length).toBeGreaterThanOrEqual(3)
    expect(soak?.memory.length).toBeGreaterThanOrEqual(3)
    for (const sample of soak?.samples ?? []) expect(sample.rssKiB).toBeGreaterThan(10_000)
    expect(soak?.executionReads).toBeGreaterThanOrEqual(3)
    expect(soak?.cadence.medianGapMs).toBeGreaterThan(900)
    expect(soak?.cadence.medianGapMs).toBeLessThan(1500)
    expect(Number.isFinite(soak?.rssGrowthKiB)).toBe(true)
    expect(run.stderr).toMatch(/RSS growth, first sample to last/)
  }, 30_000)

  describe('when it cannot measure', () => {
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'bench-test-'))
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
      writeFileSync(
        join(dir, 'index.js'),
        'console.log("::error::broken bundle")\nprocess.exitCode = 1\n'
      )
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('fails when dist/index.js does not fire, and says why', async () => {
      const run = await bench(['--runs', '1', '--no-wait', '--runtime', 'current', '--dist', dir])
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('dist/index.js did not fire: exit code 1: broken bundle')
    })

    it('picks up dist/cli.js when it exists, and fails when it does not fire', async () => {
      const withCli = mkdtempSync(join(tmpdir(), 'bench-cli-'))
      try {
        for (const file of readdirSync('dist')) {
          if (file.endsWith('.js') || file === 'package.json')
            copyFileSync(join('dist', file), join(withCli, file))
        }
        writeFileSync(join(withCli, 'cli.js'), 'console.error("no such option")\nprocess.exit(2)\n')
        const run = await bench([
          '--runs',
          '1',
          '--no-wait',
          '--runtime',
          'current',
          '--dist',
          withCli
        ])
        expect(run.code).toBe(1)
        expect(run.stdout).toContain('dist/cli.js did not fire: exit code 2: no such option')
      } finally {
        rmSync(withCli, { recursive: true, force: true })
      }
    })

    it('fails when there is no bundle', async () => {
      const run = await bench(['--dist', join(dir, 'missing')])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('npm run bundle')
    })
  })
})
