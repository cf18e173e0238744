import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// `npm run bench` is a measurement, not a test; these runs only prove that it still measures what
// it claims (both sides fire, the same request, a wait that ends) against the committed dist/.

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

interface BenchResult {
  runs: number
  machine: { node: string; cores: number }
  dist: { files: { file: string; bytes: number }[]; totalBytes: number }
  startup: {
    action: { wallMs: Summary; cpuMs: Summary; maxRssKiB: Summary }
    floor: { wallMs: Summary; cpuMs: Summary; maxRssKiB: Summary }
    ratios: { wall: number; cpu: number; peak: number }
    targets: Record<'wall' | 'cpu' | 'peak', { limit: number; pass: boolean }>
    failures: unknown[]
    comparison: {
      samePath: boolean
      actionBodyBytes: number
      floorBodyBytes: number
      headersOnlyInAction: string[]
      headersOnlyInFloor: string[]
    }
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

describe('npm run bench', () => {
  it('times both sides doing the same POST and compares them to the floor', async () => {
    const run = await bench(['--runs', '2', '--no-wait', '--json'])
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as BenchResult
    const { startup } = result
    expect(startup.failures).toEqual([])
    expect(startup.action.wallMs.count).toBe(2)
    expect(startup.floor.cpuMs.count).toBe(2)
    for (const ratio of Object.values(startup.ratios)) expect(ratio).toBeGreaterThan(0)
    expect(startup.action.maxRssKiB.median).toBeGreaterThan(10_000)
    expect(startup.targets.wall.limit).toBe(1.5)
    expect(startup.comparison.samePath).toBe(true)
    expect(startup.comparison.headersOnlyInAction).toEqual([])
    expect(startup.comparison.headersOnlyInFloor).toEqual([])
    expect(startup.comparison.floorBodyBytes).toBe(startup.comparison.actionBodyBytes)
    expect(result.dist.files.map(f => f.file)).toContain('index.js')
    expect(result.machine.node).toBe(process.version)
    expect(result.wait.skipped).toBe(true)
    expect(run.stderr).toMatch(/wall time \(ms\)/)
  })

  it('follows a wait to its end and times the exit after the terminal status', async () => {
    const run = await bench(['--runs', '1', '--wait-reads', '3', '--poll-ms', '300', '--json'])
    expect(run.code).toBe(0)
    const { wait } = JSON.parse(run.stdout) as BenchResult
    expect(wait.exitCode).toBe(0)
    expect(wait.statusOutput).toBe('Success')
    expect(wait.executionReads).toBe(3)
    expect(wait.requestsByRoute.webhook).toBe(1)
    expect(wait.terminalSeen).toBe(true)
    expect(wait.terminalToExitMs).toBeGreaterThanOrEqual(0)
    expect(wait.terminalToExitMs).toBeLessThan(5000)
    expect(wait.requestsPerMinute).toBeGreaterThan(0)
  })

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
      const run = await bench(['--runs', '1', '--no-wait', '--dist', dir])
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('did not fire: exit code 1: broken bundle')
    })

    it('fails when there is no bundle', async () => {
      const run = await bench(['--dist', join(dir, 'missing')])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('npm run bundle')
    })
  })
})
