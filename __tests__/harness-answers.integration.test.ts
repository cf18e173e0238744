/**
 * What Harness's source shows, end to end: `node dist/index.js` against an emulator that plays it
 * (issue 9). A Git-stored pipeline starts with default inputs; a branch-less one, the v2 URL of a
 * new trigger and an abort without core_pipeline_abort get messages that say what to do; an
 * execution summary of several MB is followed to its end.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  IDS,
  defaultWorld,
  identifierInputs,
  runAction,
  startEmulator,
  v2WebhookUrl,
  type ActionResult,
  type Emulator,
  type WorldOptions
} from './helpers/index.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const errorsOf = (result: ActionResult) =>
  result.commands.filter(c => c.name === 'error').map(c => c.message)

function waitInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...identifierInputs(emulator),
    image: 'ghcr.io/acme/api:1.4.2',
    wait: 'true',
    'poll-interval': '100ms',
    timeout: '20s',
    ...extra
  }
}

/** The default world with its v3 trigger's pipeline stored in Git. */
function gitStored(overrides: WorldOptions = {}): WorldOptions {
  const base = defaultWorld()
  const triggers = (base.triggers ?? []).map(trigger =>
    trigger.webhookToken ? { ...trigger, pipelineStore: 'REMOTE' as const } : trigger
  )
  return { ...base, triggers, ...overrides }
}

describe('a Git-stored pipeline', () => {
  it('starts with default inputs: the body carries the pushed branch at the top level', async () => {
    emulator.reset(gitStored())
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(errorsOf(result)).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('Success')
    expect(JSON.parse(emulator.events[0].body).branch).toBe('main')
    expect(emulator.executions[0].branch).toBe('main')
  })

  it('without a branch (a tag push) fails naming the top-level "branch" and the payload input', async () => {
    emulator.reset(gitStored())
    const result = await runAction({
      emulator,
      inputs: waitInputs(),
      env: { GITHUB_REF: 'refs/tags/v1.4.2', GITHUB_REF_NAME: 'v1.4.2', GITHUB_REF_TYPE: 'tag' }
    })
    expect(result.exitCode).toBe(1)
    expect(emulator.executions).toHaveLength(0)
    expect(result.outputs.webhookStatus).toBe('INVALID_RUNTIME_INPUT_YAML')
    const [error] = errorsOf(result)
    expect(error).toContain('<+trigger.branch> has the right branch information')
    expect(error).toContain('top-level "branch"')
    expect(error).toContain("'payload'")
  })

  it('starts from a branch given in payload', async () => {
    emulator.reset(gitStored())
    const result = await runAction({
      emulator,
      inputs: waitInputs({ payload: '{"branch":"release/2.0"}' }),
      env: { GITHUB_REF: 'refs/tags/v1.4.2', GITHUB_REF_NAME: 'v1.4.2', GITHUB_REF_TYPE: 'tag' }
    })
    expect(errorsOf(result)).toEqual([])
    expect(emulator.executions[0].branch).toBe('release/2.0')
  })
})

describe('known answers', () => {
  it.each([
    [
      'built from identifiers without webhook-token',
      (e: Emulator) => ({ ...identifierInputs(e), 'webhook-token': undefined })
    ],
    [
      'copied as a v2 URL',
      (e: Emulator) => ({
        'webhook-url': v2WebhookUrl(e, { pipelineId: IDS.pipelineId, triggerId: IDS.triggerId }),
        'api-key': identifierInputs(e)['api-key']
      })
    ]
  ])(
    "the v2 URL of a trigger that has a token (%s) names input 'webhook-token' and the v3 URL",
    async (_, inputs) => {
      const result = await runAction({ emulator, inputs: inputs(emulator) })
      expect(result.exitCode).toBe(1)
      const [error] = errorsOf(result)
      expect(error).toContain('no longer supported for newly created custom webhook triggers')
      expect(error).toContain("input 'webhook-token'")
      expect(error).toContain("input 'webhook-url'")
      expect(error).toContain('/webhook/custom/<token>/v3')
      expect(emulator.events).toHaveLength(0)
    }
  )

  it('an abort refused for want of core_pipeline_abort says which permission to grant', async () => {
    emulator.reset({
      ...defaultWorld(),
      abortPermissionFlag: true,
      apiKeys: [{ key: identifierInputs(emulator)['api-key'], canAbort: false }],
      execution: { statuses: ['Running'] }
    })
    const result = await runAction({
      emulator,
      inputs: waitInputs({ timeout: '1s', 'abort-on-timeout': 'true' })
    })
    expect(result.exitCode).toBe(1)
    expect(emulator.requestsTo('abort')).toHaveLength(1)
    expect(result.stdout).toContain('Missing permission core_pipeline_abort')
    expect(result.stdout).toContain(
      'This account requires the Abort permission on pipelines (core_pipeline_abort)'
    )
  })
})

describe('large answers', () => {
  it('follows an execution whose summary is 8 MB, on the status route and the execution route', async () => {
    emulator.reset({
      ...defaultWorld(),
      event: { pendingReads: 1 },
      execution: { statuses: ['Running', 'Success'], summaryBytes: 8 * 1000 * 1000 }
    })
    const result = await runAction({ emulator, inputs: waitInputs() })
    expect(errorsOf(result)).toEqual([])
    expect(result.outputs.status).toBe('Success')
    expect(emulator.requestsTo('processingDetails').length).toBeGreaterThanOrEqual(2)
    expect(emulator.requestsTo('eventDetails')).toHaveLength(0)
  })

  it('an answer over the cap is reported as too large at once, never as a pending event', async () => {
    emulator.fault('processingDetails', [{ huge: 9 * 1024 * 1024 }])
    const result = await runAction({ emulator, inputs: waitInputs({ timeout: '30s' }) })
    expect(result.exitCode).toBe(1)
    const [error] = errorsOf(result)
    expect(error).toMatch(/^Could not read the trigger event: .*larger than 8 MiB/)
    expect(error).not.toMatch(/pending/)
    expect(emulator.requestsTo('processingDetails')).toHaveLength(1)
  })
})
