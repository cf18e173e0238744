/**
 * An answer of 1 GB, an endless one, or a gzip bomb, from Harness or from GitHub, costs the step
 * no more than a few MB: every route reads its answer up to a cap and fails that read with a
 * message that says it was too large. Measured by the child itself, with the bench's preload
 * (scripts/bench/preload.cjs): its own peak resident set as it exits (/proc's VmHWM, not
 * `resourceUsage().maxRSS`, which on Linux keeps the forked jest worker's high-water mark).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGzip } from 'node:zlib'
import {
  ACCOUNT_ID,
  API_KEY,
  IDS,
  WEBHOOK_TOKEN,
  pullRequestEvent,
  REPO_ROOT,
  runAction,
  type ActionResult
} from './helpers/index.js'
import { startServer, type LoopbackServer } from './helpers/loopback-http.js'
import { eventAnswer, routeOf, type HostileRoute } from './support/hostile-answers.js'

const PEAK_RSS_LIMIT_MB = 150
const BENCH_PRELOAD = join(REPO_ROOT, 'scripts', 'bench', 'preload.cjs')
const GB = 1024 ** 3
const CHUNK = Buffer.alloc(64 * 1024, '[')

type Flood = 'endless' | '1 GB' | 'gzip bomb'

/** Writes `flood` into the answer as fast as the client reads it, until it hangs up. */
function pour(response: ServerResponse, flood: Flood, json: boolean): void {
  const type = { 'Content-Type': json ? 'application/json' : 'text/plain' }
  if (flood === 'gzip bomb') {
    response.writeHead(200, { ...type, 'Content-Encoding': 'gzip' })
    const gzip = createGzip()
    gzip.pipe(response)
    const zeros = Buffer.alloc(1024 * 1024, '0')
    const more = () => {
      while (!response.destroyed && gzip.write(zeros));
      if (!response.destroyed) gzip.once('drain', more)
    }
    response.once('close', () => gzip.destroy())
    more()
    return
  }
  response.writeHead(200, flood === '1 GB' ? { ...type, 'Content-Length': String(GB) } : type)
  let sent = 0
  const more = () => {
    while (!response.destroyed && sent < GB) {
      sent += CHUNK.length
      if (!response.write(CHUNK)) return void response.once('drain', more)
    }
    if (!response.destroyed) response.end()
  }
  more()
}

const envelope = (data: unknown) => JSON.stringify({ status: 'SUCCESS', data, correlationId: 'c' })

/** A healthy Harness and GitHub, except for `floodRoute`, which answers with `flood`. */
async function startFlooding(floodRoute: HostileRoute, flood: Flood): Promise<LoopbackServer> {
  return startServer((request, response) => {
    const route = routeOf(request)
    if (route === floodRoute) return pour(response, flood, true)
    const answers: Partial<Record<HostileRoute, string>> = {
      webhook: envelope({ eventCorrelationId: 'evt1', apiUrl: '', uiUrl: '', uiSetupUrl: '' }),
      'event-details': eventAnswer(request, {
        status: 'TARGET_EXECUTION_REQUESTED',
        pipelineExecutionId: 'e1'
      }).body,
      execution: envelope({
        pipelineExecutionSummary: { status: 'Success', planExecutionId: 'e1' }
      }),
      'github-list': '[]',
      'github-create': JSON.stringify({ id: 1, html_url: 'https://github.com/acme/api/pull/7' })
    }
    const body = answers[route]
    response.writeHead(body === undefined ? 404 : route === 'github-create' ? 201 : 200, {
      'Content-Type': 'application/json'
    })
    response.end(body ?? '{}')
  })
}

let server: LoopbackServer | undefined
let tempDir: string | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  tempDir = undefined
})

/** Runs the bundled action with the peak-RSS preload; returns the result and the peak in MB. */
async function runMeasured(
  floodRoute: HostileRoute,
  flood: Flood,
  extra: Record<string, string> = {}
): Promise<{ result: ActionResult; peakMb: number }> {
  server = await startFlooding(floodRoute, flood)
  tempDir = mkdtempSync(join(tmpdir(), 'harness-memory-'))
  const report = join(tempDir, 'usage.json')
  const result = await runAction({
    inputs: {
      'harness-url': server.origin,
      'account-id': ACCOUNT_ID,
      'project-id': IDS.projectId,
      'pipeline-id': IDS.pipelineId,
      'trigger-id': IDS.triggerId,
      'webhook-token': WEBHOOK_TOKEN,
      'api-key': API_KEY,
      wait: 'true',
      'poll-interval': '100ms',
      'comment-on-pr': 'true',
      ...extra
    },
    env: {
      GITHUB_API_URL: server.origin,
      NODE_OPTIONS: `--require ${BENCH_PRELOAD}`,
      BENCH_USAGE_FILE: report
    },
    event: pullRequestEvent(7),
    timeoutMs: 60_000
  })
  const { maxRssKiB } = JSON.parse(readFileSync(report, 'utf8')) as { maxRssKiB: number }
  const peakMb = maxRssKiB / 1024
  process.stdout.write(
    `peak RSS ${peakMb.toFixed(1)} MB (${process.version}): ${floodRoute}, ${flood}\n`
  )
  return { result, peakMb }
}

describe(`an answer that never ends keeps the step under ${PEAK_RSS_LIMIT_MB} MB`, () => {
  it('the same run without a flood, for comparison', async () => {
    const { result, peakMb } = await runMeasured('other', 'endless')
    expect(result.exitCode).toBe(0)
    expect(peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB)
  })

  it.each<[HostileRoute, Flood, RegExp]>([
    ['webhook', 'endless', /larger than 256 KiB; stopped reading it/],
    ['webhook', '1 GB', /larger than 256 KiB; stopped reading it/],
    ['execution', 'endless', /larger than \d+ MiB; stopped reading it/],
    ['event-details', '1 GB', /larger than \d+ MiB; stopped reading it/]
  ])('Harness, %s: %s', async (route, flood, said) => {
    // A read that meets a flood is tried again, each time up to the cap: for 4 s, then the
    // step times out. The peak shows whether floods add up.
    const { result, peakMb } = await runMeasured(route, flood, { timeout: '4s' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(said)
    expect(peakMb).toBeGreaterThan(10)
    expect(peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB)
  })

  it.each<[HostileRoute, Flood]>([
    ['github-list', 'endless'],
    ['github-list', '1 GB'],
    ['github-create', 'gzip bomb']
  ])('GitHub, %s: %s', async (route, flood) => {
    const { result, peakMb } = await runMeasured(route, flood)
    // A comment is a courtesy: the deployment passed, the comment is a warning that says why.
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/GitHub's answer is larger than 2 MiB; stopped reading it/)
    expect(peakMb).toBeGreaterThan(10)
    expect(peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB)
  })
})
