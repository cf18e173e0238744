import { describe, expect, it } from '@jest/globals'
import { renderSummary, type ReportView } from '../src/report/summary.js'
import { readInputs, type ActionSettings as Settings } from '../src/action/inputs.js'
import { Redactor } from '../src/core/redactor.js'
import type { StageSummary, WebhookAccepted } from '../src/harness/client.js'
import type { WaitResult } from '../src/core/wait.js'

const ACCOUNT = 'Ab1-x_Z9'
const API_KEY = `pat.${ACCOUNT}.0123456789abcdef01234567.s3cr3tS3cr3tS3cr3tXy`
const WEBHOOK_TOKEN = 'tOk3n-With_Dash1234567'
const GITHUB_TOKEN = 'ghs_githubTokenThatMustNotShow01'
const PROJECT_UI = `https://app.harness.io/ng/#/account/${ACCOUNT}/cd/orgs/default/projects/Shop`
const EXECUTION_URL = `${PROJECT_UI}/pipelines/deploy_api/executions/exec_42/pipeline`

function settingsWith(inputs: Record<string, string> = {}): Settings {
  const all: Record<string, string> = {
    'account-id': ACCOUNT,
    'project-id': 'Shop',
    'pipeline-id': 'deploy_api',
    'trigger-id': 'on_build',
    'webhook-token': WEBHOOK_TOKEN,
    'api-key': API_KEY,
    'github-token': GITHUB_TOKEN,
    image: 'ghcr.io/acme/api:1.4.2',
    ...inputs
  }
  return readInputs({
    getInput: name => all[name] ?? '',
    env: { GITHUB_SHA: 'f'.repeat(40), GITHUB_REPOSITORY: 'acme/api' },
    readEventPayload: () => undefined,
    redactor: new Redactor()
  })
}

const accepted: WebhookAccepted = {
  eventCorrelationId: 'evt_7Hq2',
  apiUrl: `https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/evt_7Hq2?accountIdentifier=${ACCOUNT}`,
  uiUrl: `${PROJECT_UI}/deployments?pipelineIdentifier=deploy_api&page=0`,
  uiSetupUrl: `${PROJECT_UI}/pipelines/deploy_api/pipeline-studio/`
}

const T0 = 1_700_000_000_000

function stage(name: string, status: string, startTs?: number, endTs?: number): StageSummary {
  return { nodeUuid: `uuid-${name}`, name, status, startTs, endTs }
}

function finished(overrides: Partial<WaitResult> = {}): WaitResult {
  return {
    outcome: 'passed',
    webhookStatus: 'TARGET_EXECUTION_REQUESTED',
    executionId: 'exec_42',
    executionUrl: EXECUTION_URL,
    status: 'Success',
    message: `Pipeline execution ended with Success in 1m 12s: ${EXECUTION_URL}`,
    startedAt: T0,
    endedAt: T0 + 95_000,
    execution: {
      status: 'Success',
      planExecutionId: 'exec_42',
      runSequence: 17,
      startTs: T0 + 2_000,
      endTs: T0 + 74_400,
      stages: [
        stage('Deploy', 'Success', T0 + 30_000, T0 + 74_000),
        stage('Build', 'Success', T0 + 2_000, T0 + 29_600)
      ]
    },
    ...overrides
  }
}

function render(view: Partial<ReportView> = {}): string {
  return renderSummary({ settings: settingsWith(), accepted, ...view })
}

/** The table's rows as a map from the first cell to the second. */
function rowsOf(markdown: string): Map<string, string> {
  const rows = markdown
    .split('\n')
    .filter(line => line.startsWith('| ') && !line.startsWith('| |'))
    .map(line => line.slice(2, -2).split(/ (?<!\\)\| /))
  return new Map(rows.map(([key, value]) => [key, value]))
}

describe('renderSummary: what every section shows', () => {
  it('names pipeline, trigger, image:tag and the event, with the deployments and studio links', () => {
    const markdown = render()
    const rows = rowsOf(markdown)
    expect(rows.get('Pipeline')).toBe('`deploy_api` in `default/Shop`')
    expect(rows.get('Trigger')).toBe('`on_build`')
    expect(rows.get('Image')).toBe('`ghcr.io/acme/api:1.4.2`')
    expect(rows.get('Event')).toBe('`evt_7Hq2` accepted')
    expect(markdown).toContain(`[Deployments](${accepted.uiUrl})`)
    expect(markdown).toContain(`[Pipeline studio](${accepted.uiSetupUrl})`)
  })

  it('without wait: a fired mark, no execution link, and says it was not followed', () => {
    const markdown = render()
    expect(markdown.split('\n')[0]).toBe('### 🚀 Harness: deploy_api · `ghcr.io/acme/api:1.4.2`')
    expect(rowsOf(markdown).get('Execution')).toBe('Not followed (`wait` is off)')
    expect(markdown).not.toContain('[Execution]')
    expect(rowsOf(markdown).has('Duration')).toBe(false)
  })

  it('with wait, before the execution starts: waiting', () => {
    const markdown = render({ settings: settingsWith({ wait: 'true' }) })
    expect(markdown.split('\n')[0]).toMatch(/^### ⏳ /)
    expect(rowsOf(markdown).get('Execution')).toBe('⏳ Waiting for Harness to start it')
  })

  it('while the execution runs: running, the event status and the execution link', () => {
    const markdown = render({
      settings: settingsWith({ wait: 'true' }),
      started: {
        webhookStatus: 'TARGET_EXECUTION_REQUESTED',
        executionId: 'exec_42',
        executionUrl: EXECUTION_URL
      }
    })
    const rows = rowsOf(markdown)
    expect(markdown.split('\n')[0]).toMatch(/^### 🔄 /)
    expect(rows.get('Execution')).toBe('🔄 Running')
    expect(rows.get('Event')).toBe('`evt_7Hq2` TARGET_EXECUTION_REQUESTED')
    expect(markdown).toContain(`[Execution](${EXECUTION_URL})`)
  })

  it('once passed: the status with its mark, run number, the execution duration and stages', () => {
    const markdown = render({ result: finished() })
    const rows = rowsOf(markdown)
    expect(markdown.split('\n')[0]).toMatch(/^### ✅ /)
    expect(rows.get('Execution')).toBe('✅ Success (run #17)')
    // 72.4 s of execution (not the 95 s it was followed), to whole seconds
    expect(rows.get('Duration')).toBe('1m 12s')
    expect(rows.get('Stages')).toBe('✅ Build 28s · ✅ Deploy 44s')
    expect(markdown).toContain(`[Execution](${EXECUTION_URL})`)
    expect(markdown).not.toContain('\n> ')
  })

  it('falls back to how long it was followed when Harness gave no start and end', () => {
    const result = finished({ execution: undefined })
    const rows = rowsOf(render({ result }))
    expect(rows.get('Followed for')).toBe('1m 35s')
    expect(rows.has('Stages')).toBe(false)
    expect(rows.get('Execution')).toBe('✅ Success')
  })
})

describe('renderSummary: marks for the ways a deployment ends', () => {
  it.each([
    ['failed', 'Failed', '❌'],
    ['failed', 'Aborted', '⏹️'],
    ['failed', 'Expired', '⏱️'],
    ['failed', 'ApprovalRejected', '❌'],
    ['timeout', 'ApprovalWaiting', '⏱️'],
    ['cancelled', 'Running', '⏹️'],
    ['passed', 'PassedWithWarning', '✅']
  ] as const)('%s with status %s → %s', (outcome, status, mark) => {
    const message = `Pipeline execution ended with ${status}: something happened`
    const markdown = render({ result: finished({ outcome, status, message }) })
    expect(markdown.split('\n')[0]).toMatch(new RegExp(`^### ${mark} `))
    expect(rowsOf(markdown).get('Execution')).toMatch(new RegExp(`^${mark} ${status}`))
    const quoted = outcome === 'passed' ? undefined : `> ${message}`
    expect(markdown.split('\n').find(line => line.startsWith('> '))).toBe(quoted)
  })

  it('an event that never started a pipeline: the event status and the reason', () => {
    const markdown = render({
      result: {
        outcome: 'never-started',
        webhookStatus: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
        message: 'Harness did not start the pipeline: check the payload conditions.',
        startedAt: T0,
        endedAt: T0 + 4_000
      }
    })
    const rows = rowsOf(markdown)
    expect(markdown.split('\n')[0]).toMatch(/^### ❌ /)
    expect(rows.get('Event')).toBe('`evt_7Hq2` NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS')
    expect(rows.get('Execution')).toBe('❌ Did not start')
    expect(rows.get('Followed for')).toBe('4s')
    expect(markdown).toContain(
      '> Harness did not start the pipeline: check the payload conditions.'
    )
    expect(markdown).not.toContain('[Execution]')
  })

  it('an event still pending: its own words and mark', () => {
    const markdown = render({
      result: { outcome: 'event-pending', message: 'still QUEUED', startedAt: T0, endedAt: T0 + 1 }
    })
    expect(rowsOf(markdown).get('Execution')).toBe('⏱️ Event still pending')
  })

  it('gives each stage its own mark, in the order they started, unstarted ones last', () => {
    const stages = [
      stage('Approve', 'ApprovalWaiting', T0 + 50_000),
      stage('Prod', 'NotStarted'),
      stage('Canary', 'Aborted', T0 + 10_000, T0 + 12_500),
      stage('Smoke', 'Skipped', T0 + 40_000, T0 + 40_000),
      stage('Build', 'Failed', T0, T0 + 900),
      stage('Scan', 'Running', T0 + 45_000)
    ]
    const result = finished({
      outcome: 'failed',
      status: 'Failed',
      execution: { status: 'Failed', planExecutionId: 'exec_42', stages }
    })
    expect(rowsOf(render({ result })).get('Stages')).toBe(
      '❌ Build 900ms · ⏹️ Canary 3s · ⏭️ Smoke 0ms · 🔄 Scan · ✋ Approve · ⏳ Prod'
    )
  })

  it('lists at most 15 stages and counts the rest', () => {
    const stages = Array.from({ length: 18 }, (_, n) =>
      stage(`s${String(n).padStart(2, '0')}`, 'Success', T0 + n * 1000, T0 + n * 1000 + 1000)
    )
    const result = finished({ execution: { status: 'Success', planExecutionId: 'x', stages } })
    const cell = rowsOf(render({ result })).get('Stages') ?? ''
    expect(cell.split(' · ')).toHaveLength(16)
    expect(cell).toContain('✅ s14 1s')
    expect(cell).not.toContain('s15')
    expect(cell.endsWith('and 3 more')).toBe(true)
  })
})

describe('renderSummary: the image part', () => {
  it('shows a short digest', () => {
    const digest = 'sha256:' + '0123456789abcdef'.repeat(4)
    const rows = rowsOf(
      render({ settings: settingsWith({ image: `ghcr.io/acme/api:1.4.2@${digest}` }) })
    )
    expect(rows.get('Image')).toBe('`ghcr.io/acme/api:1.4.2` @ `sha256:0123456789ab…`')
  })

  it('says so when only a tag was found (the commit SHA)', () => {
    const markdown = render({ settings: settingsWith({ image: '' }) })
    expect(rowsOf(markdown).get('Image')).toBe(`no image, tag \`${'f'.repeat(40)}\``)
    expect(markdown.split('\n')[0]).toBe(`### 🚀 Harness: deploy_api · \`tag ${'f'.repeat(40)}\``)
  })
})

describe('renderSummary: matrix legs', () => {
  it('gives each leg a section whose heading names its image, so one page shows them apart', () => {
    const legs = ['api', 'worker', 'web'].map(service =>
      render({
        settings: settingsWith({ image: `ghcr.io/acme/${service}:pr-7` }),
        result: finished()
      })
    )
    const headings = legs.map(section => section.split('\n')[0])
    expect(new Set(headings).size).toBe(3)
    expect(headings[1]).toBe('### ✅ Harness: deploy_api · `ghcr.io/acme/worker:pr-7`')
    // Appended one after another (as the job summary does), each keeps its own table.
    const page = legs.join('\n')
    expect(page.match(/^### /gm)).toHaveLength(3)
    expect(page.match(/^\|---\|---\|$/gm)).toHaveLength(3)
  })
})

describe('renderSummary: nothing secret, nothing that breaks the layout', () => {
  it('never shows the webhook token, the webhook URL, the API key or the GitHub token', () => {
    const settings = settingsWith({ wait: 'true' })
    for (const view of [{}, { result: finished() }, { result: finished({ outcome: 'failed' }) }]) {
      const markdown = renderSummary({ settings, accepted, ...view })
      for (const secret of [WEBHOOK_TOKEN, settings.webhookUrl, API_KEY, GITHUB_TOKEN]) {
        expect(markdown).not.toContain(secret)
      }
      expect(markdown).not.toContain('s3cr3t')
    }
  })

  it('shows HTML from Harness as text, so it cannot fake a hidden comment marker', () => {
    const message = 'boom <!-- harness-trigger:deployment:0123 --> <img src=x>'
    const markdown = render({ result: finished({ outcome: 'failed', status: 'Failed', message }) })
    expect(markdown).not.toContain('<!--')
    expect(markdown).not.toContain('<img')
    expect(markdown).toContain('&lt;!-- harness-trigger:deployment:0123 --&gt;')
  })

  it('keeps the table whole when a stage name or message has a pipe or line breaks', () => {
    const stages = [stage('a|b', 'Success', T0, T0 + 1000)]
    const result = finished({
      outcome: 'failed',
      status: 'Failed',
      message: 'line one\nline two',
      execution: { status: 'Failed', planExecutionId: 'x', stages }
    })
    const markdown = render({ result })
    expect(markdown).toContain('| Stages | ✅ a\\|b 1s |')
    expect(markdown).toContain('> line one line two')
  })

  it('ends with a line break, so appended sections never run together', () => {
    expect(render().endsWith('\n')).toBe(true)
  })
})
